import { describe, expect, it } from 'vitest';
import { americanSpelling, joinedCompounds, trailingStopword, wordsOf } from './search-words.ts';

describe('search words', () => {
  it('lower-cases, drops apostrophes and stopwords, splits on punctuation', () => {
    expect(wordsOf("Alzheimer's disease with late onset")).toEqual([
      'alzheimers',
      'disease',
      'late',
      'onset',
    ]);
    expect(wordsOf('Essential (primary) hypertension')).toEqual(['essential', 'primary', 'hypertension']);
    expect(wordsOf('Type 2 diabetes mellitus, stage 3a')).toEqual([
      'type',
      '2',
      'diabetes',
      'mellitus',
      'stage',
      '3a',
    ]);
    expect(wordsOf('  of the  ')).toEqual([]);
  });

  it('joins hyphenated compounds', () => {
    expect(joinedCompounds('Gastro-esophageal reflux, post-traumatic')).toEqual([
      'gastroesophageal',
      'posttraumatic',
    ]);
    expect(joinedCompounds('Cholera')).toEqual([]);
  });

  it('reads British spellings as ICD-10-CM writes them', () => {
    expect(
      [
        'anaemia',
        'hyperglycaemia',
        'oesophagitis',
        'oedema',
        'paediatric',
        'haemorrhage',
        'ischaemic',
        'diarrhoea',
        'tumour',
        'foetal',
      ].map(americanSpelling),
    ).toEqual([
      'anemia',
      'hyperglycemia',
      'esophagitis',
      'edema',
      'pediatric',
      'hemorrhage',
      'ischemic',
      'diarrhea',
      'tumor',
      'fetal',
    ]);
    expect(americanSpelling('aeruginosa')).toBe('aeruginosa');
  });

  it('notices a stopword still being typed at the end of a query', () => {
    expect(trailingStopword('urinary tract in')).toBe('in');
    expect(trailingStopword('urinary tract in ')).toBeUndefined();
    expect(trailingStopword('urinary tract inf')).toBeUndefined();
    expect(trailingStopword('a')).toBe('a');
  });
});
