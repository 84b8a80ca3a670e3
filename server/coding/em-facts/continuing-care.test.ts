import { describe, expect, it } from 'vitest';
import { continuingCare, modifier25 } from './continuing-care.ts';
import { statedServices } from './service-add-ons.ts';
import { readVisit } from './visit-reading.ts';
import { dictation, transcript } from './visit.test-data.ts';

const careOf = (text: string) => continuingCare(readVisit(transcript(text)));
const mod25Of = (text: string) => {
  const visit = readVisit(dictation(text));
  return modifier25(visit, statedServices(visit));
};

describe('continuingCare', () => {
  it.each([
    "DOCTOR: I'm the one looking after your heart failure, so call me first.",
    "DOCTOR: I'll keep coordinating everything with the eye doctor and anyone else you see, like always.",
    'DOCTOR: As your primary care doctor, I will keep an eye on all of this.',
    "DOCTOR: We'll continue managing your COPD together over the long term.",
  ])('finds continuing care in "%s"', (text) => {
    expect(careOf(text)?.evidence.length).toBe(1);
  });

  it('names the single serious condition when the care is for one', () => {
    expect(careOf("DOCTOR: I'm the one managing your heart failure.")?.reason).toContain('heart failure');
  });

  it.each([
    ['a follow-up appointment alone', "DOCTOR: Let's see each other in four weeks instead of six."],
    [
      'a referral evaluation',
      "DOCTOR: I'll see you back after the stress test and send a letter to your doctor.",
    ],
    ['the patient saying it', "PATIENT: You're the one looking after my heart failure."],
    ['a question', 'DOCTOR: Is Dr. Lee the one looking after your heart failure?'],
    ['a minor condition', "DOCTOR: I'm the one looking after your wart."],
  ])('no continuing care from %s', (_why, text) => {
    expect(careOf(text)).toBeUndefined();
  });
});

describe('modifier25', () => {
  it('is set by a minor procedure, and the procedure blocks G2211', () => {
    expect(mod25Of('I drained the abscess with a small incision and packed it.')).toEqual({
      modifier25: true,
      preventiveOnly: false,
    });
  });

  it('is set by separately reported tobacco counselling, a preventive service', () => {
    expect(mod25Of('We spent about five minutes on quitting smoking today.')).toEqual({
      modifier25: true,
      preventiveOnly: true,
    });
  });

  it('is set by a vaccine given today, a preventive service', () => {
    expect(mod25Of('We are giving you the flu shot today as well.')).toEqual({
      modifier25: true,
      preventiveOnly: true,
    });
  });

  it('is not set by a planned or conditional procedure', () => {
    expect(mod25Of('If it keeps growing, we could drain the abscess next week.').modifier25).toBe(false);
    expect(mod25Of('Your blood pressure is fine. Continue lisinopril.').modifier25).toBe(false);
  });
});
