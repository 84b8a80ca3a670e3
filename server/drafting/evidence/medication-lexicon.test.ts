import { describe, expect, it } from 'vitest';
import { medicationKey, medicationLexicon, medicationNameOf } from './medication-lexicon.ts';

describe('medicationLexicon', () => {
  const lexicon = medicationLexicon();

  it('knows about 300 generics with their brands', () => {
    const generics = new Set(lexicon.canonical.values());
    expect(generics.size).toBeGreaterThanOrEqual(300);
    expect(lexicon.canonical.get('jardiance')).toBe('empagliflozin');
    expect(lexicon.canonical.get('lasix')).toBe('furosemide');
    expect(lexicon.canonical.get('amoxicillin')).toBe('amoxicillin');
    expect(lexicon.canonical.get('toprol xl')).toBe('metoprolol');
    expect(lexicon.canonical.get('sacubitril valsartan')).toBe('sacubitril valsartan');
  });

  it('matches names whole-word, longest first, with any separator', () => {
    const found = (text: string) => [...text.matchAll(lexicon.pattern)].map((m) => m[0]);
    expect(found('Sacubitril/valsartan and insulin  glargine, not insulinoma')).toEqual([
      'Sacubitril/valsartan',
      'insulin  glargine',
    ]);
  });

  it('adds the chart names, joining a known generic by its first word', () => {
    const chart = medicationLexicon([
      'Metoprolol succinate ER 50 mg tablet',
      'Zorbexa (zorbital) 10 mg',
      'Qz',
      'Lisinopril 10 mg',
    ]);
    expect(chart.canonical.get('metoprolol succinate')).toBe('metoprolol');
    expect(chart.canonical.get('zorbexa')).toBe('zorbexa');
    expect(chart.canonical.has('qz')).toBe(false);
    expect([...'Zorbexa daily'.matchAll(chart.pattern)]).toHaveLength(1);
  });
});

describe('medicationNameOf', () => {
  it('keeps the words before the strength or the form', () => {
    expect(medicationNameOf('Metformin 1000 mg tablet: 1 tablet by mouth twice daily')).toBe('metformin');
    expect(medicationNameOf('Insulin glargine 100 unit/mL pen')).toBe('insulin glargine');
    expect(medicationNameOf('Albuterol HFA inhaler')).toBe('albuterol');
    expect(medicationNameOf('  ')).toBe('');
  });

  it('keys names by lower case and single spaces', () => {
    expect(medicationKey(' Sacubitril-Valsartan ')).toBe('sacubitril valsartan');
  });
});
