import { describe, expect, it } from 'vitest';
import { PRONOUNS, toThirdPerson } from './third-person.ts';

describe('toThirdPerson', () => {
  it("turns the patient's I and my into she/he with agreeing verbs", () => {
    expect(
      toThirdPerson('i still take my metformin but i do not check my sugar.', 'patient', PRONOUNS.female),
    ).toBe('she still takes her metformin but she does not check her sugar.');
    expect(
      toThirdPerson('i am tired and i have been coughing. it is mine, ask me.', 'patient', PRONOUNS.male),
    ).toBe('he is tired and he has been coughing. it is his, ask him.');
    expect(toThirdPerson('i watch tv and i fell.', 'patient', PRONOUNS.female)).toBe(
      'she watches tv and she fell.',
    );
  });

  it("turns the clinician's you and your into the patient, keeping the clinician's own I", () => {
    expect(
      toThirdPerson(
        'i want you to take your lisinopril and i will see you back.',
        'clinician',
        PRONOUNS.unknown,
      ),
    ).toBe("i want the patient to take the patient's lisinopril and i will see the patient back.");
    expect(toThirdPerson('you have a history of asthma, thank you.', 'clinician', PRONOUNS.female)).toBe(
      'she has a history of asthma, thank her.',
    );
    expect(toThirdPerson('take care of yourself, it is yours', 'clinician', PRONOUNS.female)).toBe(
      'take care of herself, it is hers',
    );
  });

  it('reads you after a past-tense or inflected verb as the object (regression: "She referred she")', () => {
    expect(toThirdPerson('she referred you for two things', 'clinician', PRONOUNS.female)).toBe(
      'she referred her for two things',
    );
    expect(toThirdPerson('dr. lee sends you her notes', 'clinician', PRONOUNS.male)).toBe(
      'dr. lee sends him her notes',
    );
    expect(toThirdPerson('then you started running', 'clinician', PRONOUNS.female)).toBe(
      'then she started running',
    );
  });

  it("leaves a third party's words alone", () => {
    expect(toThirdPerson('i gave him ibuprofen', 'other', PRONOUNS.male)).toBe('i gave him ibuprofen');
  });
});
