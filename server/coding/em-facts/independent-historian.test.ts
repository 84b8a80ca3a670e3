import { describe, expect, it } from 'vitest';
import { independentHistorian } from './independent-historian.ts';
import { readVisit } from './visit-reading.ts';
import { chart, transcript } from './visit.test-data.ts';

describe('independent historian', () => {
  const historian = (text: string, age = '4 y') =>
    independentHistorian(
      readVisit(transcript(text, chart({ patient: { ref: 'Patient/c', name: 'Child Testperson', age } }))),
    );

  it("takes a parent who gives a child's history", () => {
    const text = [
      'DOCTOR: Dana, tell me about the fever.',
      'MOTHER: It started last night. At bedtime he felt hot, and at two it was 102.4.',
      'DOCTOR: Any vomiting?',
      'MOTHER: No, and he is drinking juice and water.',
      'PATIENT: It hurts in here.',
    ].join('\n');
    expect(historian(text)).toMatchObject({
      label: 'mother gives the history for a 4-year-old child',
      key: 'historian',
    });
  });

  it('takes a stated historian for an adult', () => {
    expect(
      historian('DOCTOR (DICTATION): History obtained from his daughter because of his dementia.', '88 y')
        ?.label,
    ).toBe('history from the daughter');
  });

  it('does not take a relative who adds a remark while an adult tells their own story', () => {
    const text = [
      'PATIENT: The pain started three days ago in my lower back and goes down my leg.',
      'PATIENT: It is worse when I sit for a long time at work.',
      'PATIENT: Ibuprofen helps a little bit in the evening.',
      'WIFE: He has been limping around the house all week.',
      'WIFE: And he is not sleeping well because of it.',
    ].join('\n');
    expect(historian(text, '52 y')).toBeUndefined();
  });

  it('does not take an interpreter', () => {
    const text =
      'INTERPRETER: She says the pain started yesterday evening.\nINTERPRETER: She says it is worse at night now.';
    expect(historian(text, '52 y')).toBeUndefined();
  });
});
