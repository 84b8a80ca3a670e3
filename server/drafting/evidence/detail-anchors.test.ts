import { describe, expect, it } from 'vitest';
import { extractDetails } from './detail-anchors.ts';
import { medicationLexicon } from './medication-lexicon.ts';

const lexicon = medicationLexicon(['Zorbexa 10 mg tablet']);
const details = (text: string) => extractDetails(text, lexicon).map(({ kind, value }) => `${kind}:${value}`);

describe('extractDetails', () => {
  it('finds numbers: integers, decimals, ranges, ratios, decades and ordinals', () => {
    expect(
      details('HR 88, A1c went 7.8 to 8.6, readings 150-180, BP 146/86, 3rd visit, in the 150s'),
    ).toEqual(['number:88', 'number:7.8-8.6', 'number:150-180', 'number:146/86', 'number:3', 'number:150s']);
    expect(details('132 over 78')).toEqual(['number:132/78']);
  });

  it('finds doses with unit aliases and keeps the amounts', () => {
    expect(extractDetails('furosemide 40 milligrams', lexicon)[0]).toEqual({
      kind: 'dose',
      value: '40 mg',
      raw: '40 milligrams',
      amounts: [40],
      unit: 'mg',
    });
    expect(
      details('2.5mg, 500 mcg, 1 g, 10 units, 1.5 L, 5 mL, 20 mEq, 30%, 95 percent, 132/78 mmHg, 110 mg/dL'),
    ).toEqual([
      'dose:2.5 mg',
      'dose:500 mcg',
      'dose:1 g',
      'dose:10 units',
      'dose:1.5 L',
      'dose:5 mL',
      'dose:20 mEq',
      'dose:30%',
      'dose:95%',
      'dose:132/78 mmHg',
      'dose:110 mg/dL',
    ]);
    expect(details('74.2 kilos, 4 pounds, 10 centimeters, 1,450 pg/mL')).toEqual([
      'dose:74.2 kg',
      'dose:4 lb',
      'dose:10 cm',
      'dose:1450 pg/mL',
    ]);
  });

  it('gives each number of an "and" list the unit after it', () => {
    expect(details('49 and 51 milligrams')).toEqual(['dose:49 mg', 'dose:51 mg']);
    expect(details('sacubitril-valsartan 49/51 mg')).toEqual([
      'dose:49/51 mg',
      'medication:sacubitril valsartan',
    ]);
  });

  it('counts dates and times as numbers', () => {
    expect(extractDetails('seen 2024-03-15T10:00:00Z, again 3/29/2024 at 10:30', lexicon)).toEqual([
      {
        kind: 'number',
        value: '2024-03-15T10:00:00Z',
        raw: '2024-03-15T10:00:00Z',
        amounts: [2024, 3, 15, 10, 0, 0],
      },
      { kind: 'number', value: '3/29/2024', raw: '3/29/2024', amounts: [3, 29, 2024] },
      { kind: 'number', value: '10:30', raw: '10:30', amounts: [10, 30] },
    ]);
  });

  it('ignores digits glued to words', () => {
    expect(details('HbA1c, B12, COVID-19, SpO2, G2211, x2')).toEqual([]);
  });

  it('finds medications by generic, brand and chart name, case-insensitive and whole words', () => {
    expect(details('Eliquis and APIXABAN, Lasix, metoprolol succinate, Zorbexa, Entresto')).toEqual([
      'medication:apixaban',
      'medication:apixaban',
      'medication:furosemide',
      'medication:metoprolol',
      'medication:zorbexa',
      'medication:sacubitril valsartan',
    ]);
    expect(details('metforminish, premetformin')).toEqual([]);
    expect(details('insulin glargine 20 units')).toEqual(['dose:20 units', 'medication:insulin glargine']);
  });

  it('finds laterality only where it names a side', () => {
    expect(
      details(
        'left ankle, Right upper quadrant, right-sided, on the left, both lower legs, bilaterally, L knee',
      ),
    ).toEqual([
      'laterality:left',
      'laterality:right',
      'laterality:right',
      'laterality:left',
      'laterality:bilateral',
      'laterality:bilateral',
      'laterality:left',
    ]);
    expect(
      details('all right, right now, she left the room, right after the wedding, l knee, both of us'),
    ).toEqual([]);
    expect(details('the left one especially, R ear')).toEqual(['laterality:left', 'laterality:right']);
    expect(
      extractDetails('both Feet, left eardrum, right-sided, left calves, Right TM', lexicon).map(
        (d) => d.site,
      ),
    ).toEqual(['foot', 'ear', undefined, 'calf', 'ear']);
  });
});
