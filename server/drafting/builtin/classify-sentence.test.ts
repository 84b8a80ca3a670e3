import { describe, expect, it } from 'vitest';
import { classifySentence } from './classify-sentence.ts';

describe('classifySentence', () => {
  it("files the clinician's findings, results and decisions", () => {
    expect(classifySentence('on exam I hear crackles at both lung bases', 'clinician').role).toBe('exam');
    expect(classifySentence('your x-ray showed no fracture', 'clinician').role).toBe('results');
    expect(classifySentence('I want to start you on lisinopril 10 mg daily', 'clinician').role).toBe(
      'assessment_plan',
    );
    expect(
      classifySentence('she is a 50-year-old female with a history of diabetes', 'clinician'),
    ).toMatchObject({ role: 'hpi' });
  });

  it('files what the patient tells as history, and small talk below the line', () => {
    expect(classifySentence('my knee has been swollen for two weeks', 'patient').role).toBe('hpi');
    expect(classifySentence('I smoke a pack a day', 'patient').role).toBe('history');
    expect(classifySentence('the weather was great for the game this weekend', 'patient').score).toBeLessThan(
      1,
    );
    expect(classifySentence('okay', 'clinician').score).toBeLessThan(1);
  });
});
