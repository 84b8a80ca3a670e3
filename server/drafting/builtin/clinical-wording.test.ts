import { describe, expect, it } from 'vitest';
import { clinicalWording } from './clinical-wording.ts';

describe('clinicalWording', () => {
  it.each([
    ['The left eardrum is red and bulging.', 'The left tympanic membrane is red and bulging.'],
    ['Eardrums are grey.', 'Tympanic membranes are grey.'],
    ['Two plus pitting edema on both sides.', 'Two plus pitting edema bilaterally.'],
    ['If it is bad, go to the emergency room.', 'If it is bad, go to the emergency department.'],
    ['She has not skipped the water pill.', 'She has not skipped the diuretic.'],
    ['Keep all the other medicines the same.', 'Keep all the other medications the same.'],
    ['She denies fainting.', 'She denies syncope.'],
    ['Her usual is about 72.5 kilos.', 'Her usual is about 72.5 kg.'],
    ['Maybe 10 centimeters.', 'Maybe 10 cm.'],
    [
      'Her heel has been killing her in the morning.',
      'Her heel has been causing significant pain in the morning.',
    ],
    [
      "Total time I personally spent on this patient's care today was 44 minutes, including review.",
      'Total time on the date of service was 44 minutes, including review.',
    ],
  ])('%s', (said, written) => {
    expect(clinicalWording(said)).toBe(written);
  });

  it('leaves specialties, fainting spells and unrelated words alone', () => {
    for (const text of [
      'See a sports medicine doctor.',
      'She trained in internal medicine.',
      'She had a fainting spell.',
      'Both knees ache.',
      'She weighed 160 at the office.',
    ]) {
      expect(clinicalWording(text)).toBe(text);
    }
  });
});
