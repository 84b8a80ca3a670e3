import { describe, expect, it } from 'vitest';
import { pairQuestionAnswer } from './question-answer.ts';
import { PRONOUNS } from './third-person.ts';

const she = PRONOUNS.female;

describe('pairQuestionAnswer', () => {
  it('turns a symptom screen and its answer into a denial or a report', () => {
    expect(pairQuestionAnswer('Any chest pain or shortness of breath?', 'No.', she)).toEqual({
      text: 'she denies chest pain or shortness of breath',
      topic: 'chest pain or shortness of breath',
      screen: true,
    });
    expect(pairQuestionAnswer('Have you had any swelling in your legs lately?', 'Yes.', she)?.text).toBe(
      'she reports swelling in her legs',
    );
    expect(pairQuestionAnswer('Any allergies to medications?', 'None.', she)?.screen).toBe(false);
  });

  it('answers inverted questions in the third person', () => {
    expect(pairQuestionAnswer('Are you taking your medication?', 'yes', she)?.text).toBe(
      'she is taking her medication',
    );
    expect(pairQuestionAnswer('Do you smoke?', 'No', she)?.text).toBe('she does not smoke');
    expect(pairQuestionAnswer('Do you smoke?', 'yes I do', she)?.text).toBe('she smokes');
    expect(pairQuestionAnswer('Has he had antibiotics in the last month?', 'No.', PRONOUNS.male)?.text).toBe(
      'he has not had antibiotics in the last month',
    );
    expect(pairQuestionAnswer('Does it go anywhere?', 'No.', she)?.text).toBe('it does not go anywhere');
    expect(pairQuestionAnswer('Does it hurt at night?', 'Yes.', she)?.text).toBe('it does hurt at night');
  });

  it('gives nothing for open questions or unclear answers', () => {
    expect(pairQuestionAnswer('How long does it last?', 'No.', she)).toBeNull();
    expect(pairQuestionAnswer('Any fever?', 'I am not sure.', she)).toBeNull();
  });
});
