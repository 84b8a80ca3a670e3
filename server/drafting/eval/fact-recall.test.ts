import { describe, expect, it } from 'vitest';
import { checkFact, crudeStem, factRecall, indexNote } from './fact-recall.ts';
import { isMedicationWord } from './medication-words.ts';

const check = (note: string, fact: string) => checkFact(indexNote(note), fact);

describe('factRecall: numbers', () => {
  it('finds a fact whose numbers are spoken in the note', () => {
    expect(
      check('Pain for five weeks, two or three times a week.', 'Pain for 5 weeks, 2 or 3 times a week')
        .present,
    ).toBe(true);
  });

  it('misses a fact when one number is absent or different, and says which', () => {
    const result = check('BP 148/88 today, recheck 146/86.', 'BP 148/90, repeat 146/86');
    expect(result.present).toBe(false);
    expect(result.missingNumbers).toEqual(['90']);
  });

  it('treats 7.0 and 7 alike, drops thousands separators, and reads SpO2 or A1c as names', () => {
    expect(check('A1c was 7 percent.', 'A1c 7.0%').present).toBe(true);
    expect(check('NT-proBNP one thousand four hundred fifty.', 'NT-proBNP 1,450').present).toBe(true);
    // "2" in SpO2 and "1" in A1c are not numbers the note must contain.
    expect(check('Oxygen saturation 95 percent.', 'SpO2 95%').missingNumbers).toEqual([]);
    expect(
      check('Repeat A1c in 3 months.', 'Follow-up in three months with a repeat A1c').missingNumbers,
    ).toEqual([]);
  });
});

describe('factRecall: medications and laterality', () => {
  it('requires every medication the fact names', () => {
    const fact = 'Takes metformin 1000 mg twice daily and lisinopril 20 mg daily';
    expect(check('Metformin 1000 mg twice daily; lisinopril 20 mg daily.', fact).present).toBe(true);
    const missing = check('Metformin 1000 mg twice daily; her ACE inhibitor 20 mg daily.', fact);
    expect(missing.present).toBe(false);
    expect(missing.missingMedications).toEqual(['lisinopril']);
  });

  it('requires the laterality, and reads bilateral and bilaterally as one', () => {
    const fact = 'Right ankle inversion injury three days ago';
    expect(check('Inversion injury of the left ankle 3 days ago.', fact)).toMatchObject({
      present: false,
      missingLaterality: ['right'],
    });
    expect(check('Inversion injury of the right ankle 3 days ago.', fact).present).toBe(true);
    expect(check('Pitting edema bilaterally.', 'Bilateral pitting edema').present).toBe(true);
  });

  it('knows drug names by stem, by name and by brand, and not cholesterol or April', () => {
    for (const drug of [
      'lisinopril',
      'atorvastatin',
      'empagliflozin',
      'amoxicillin',
      'aspirin',
      'lantus',
      'albuterol',
    ]) {
      expect(isMedicationWord(drug)).toBe(true);
    }
    for (const word of ['cholesterol', 'april', 'pressure', 'pril'])
      expect(isMedicationWord(word)).toBe(false);
  });
});

describe('factRecall: other content words', () => {
  it('passes at 60% of the content words and fails below', () => {
    // Content words: fever, chills, sweats, body, aches (5). Three found = 60%.
    const fact = 'Fever with chills, sweats and body aches';
    expect(check('Fever with chills and sweats.', fact)).toMatchObject({
      present: true,
      contentCoverage: 0.6,
    });
    expect(check('Fever with chills.', fact)).toMatchObject({ present: false, contentCoverage: 0.4 });
  });

  it('compares crude stems, ignores stopwords and units, and accepts spelled-out abbreviations', () => {
    expect(
      check('The patient reports swelling of both ankles, worse at night.', 'Ankle swelling worse at night')
        .present,
    ).toBe(true);
    expect(check('Blood pressure 132/78, heart rate 88.', 'BP 132/78, HR 88').present).toBe(true);
    expect(check('Glucose 150 to 180.', 'Glucose 150-180 mg/dL').present).toBe(true);
  });

  it('counts a fact with only numbers and names as present when those are', () => {
    expect(check('Aspirin 81 mg.', 'Aspirin 81 mg')).toMatchObject({ present: true, contentCoverage: 1 });
  });

  it('stems crudely and the same way on both sides', () => {
    expect(crudeStem('swelling')).toBe(crudeStem('swell'));
    expect(crudeStem('dilated')).toBe(crudeStem('dilate'));
    expect(crudeStem('allergies')).toBe(crudeStem('allergy'));
    expect(crudeStem('counselled')).toBe(crudeStem('counsel'));
    expect(crudeStem('one')).toBe('one');
  });
});

describe('factRecall', () => {
  it('counts recalled facts and lists the missing ones in order', () => {
    const note =
      'HPI: left ear pain since last night. Fever 102.4 at home. Plan: amoxicillin 800 mg twice daily for 7 days.';
    const facts = [
      'Left ear pain since last night',
      'Fever 102.4 F at home',
      'Amoxicillin 800 mg twice daily for 7 days',
      'Right tympanic membrane normal',
      'No known drug allergies',
    ];
    expect(factRecall(note, facts)).toEqual({
      recalled: 3,
      total: 5,
      missing: ['Right tympanic membrane normal', 'No known drug allergies'],
    });
    expect(factRecall('', [])).toEqual({ recalled: 0, total: 0, missing: [] });
  });
});
