import { describe, expect, it } from 'vitest';
import type { ProblemItem } from '../../contract/clinical-context.ts';
import type { ProblemKind } from '../../contract/coding.ts';
import { extractEmFacts } from './extract-em-facts.ts';
import { chart, transcript } from './visit.test-data.ts';

const kinds = (text: string, problems: ProblemItem[] = []) =>
  extractEmFacts(transcript(text, chart({ problems: { status: 'ok', data: problems } }))).problems.map(
    (p) => p.kind,
  );
const only = (text: string, problems: ProblemItem[] = []) => {
  const found = kinds(text, problems);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('chronic illness status', () => {
  it.each<[string, ProblemKind]>([
    ['DOCTOR: So your diabetes is not controlled right now.', 'chronic_exacerbation'],
    [
      "DOCTOR: You have chronic kidney disease stage 3a, and it's slowly progressing.",
      'chronic_exacerbation',
    ],
    ['DOCTOR: Your blood pressure is above goal.', 'chronic_exacerbation'],
    ['DOCTOR: Your major depressive disorder is worse than six weeks ago.', 'chronic_exacerbation'],
    ['DOCTOR: Your asthma is well controlled on the current inhaler.', 'stable_chronic'],
    ['DOCTOR: Cholesterol at goal on atorvastatin 20.', 'stable_chronic'],
    ['DOCTOR: Your atrial fibrillation is persistent, the rate is controlled.', 'stable_chronic'],
    ["DOCTOR: It's not a severe exacerbation, but your COPD is flaring.", 'chronic_exacerbation'],
    [
      'DOCTOR: This is a severe exacerbation of your heart failure; you are decompensated.',
      'chronic_severe_exacerbation',
    ],
  ])('"%s" → %s', (text, kind) => {
    expect(only(text)).toBe(kind);
  });

  it('reads a complication of treatment as the illness off target', () => {
    expect(
      only('DOCTOR: For the diabetes: type 1 diabetes with recurrent hypoglycemia after your runs.'),
    ).toBe('chronic_exacerbation');
  });

  it('reads a started or changed drug for a chronic illness as not at goal', () => {
    const text =
      'DOCTOR: And the hyperlipidemia.\nDOCTOR: I think it is time for the statin: atorvastatin 40 milligrams every evening.';
    expect(only(text)).toBe('chronic_exacerbation');
  });

  it("names the problem a dose change treats from the chart's problem list", () => {
    const problem: ProblemItem = { ref: 'Condition/h1', display: 'Hypothyroidism', clinicalStatus: 'active' };
    const text =
      'DOCTOR: Take the levothyroxine on an empty stomach. And I am increasing the dose to 88 micrograms daily.';
    const [addressed] = extractEmFacts(
      transcript(text, chart({ problems: { status: 'ok', data: [problem] } })),
    ).problems;
    expect(addressed).toMatchObject({ kind: 'chronic_exacerbation' });
    expect(addressed?.label).toMatch(/Hypothyroidism/);
    expect(addressed?.evidence).toContainEqual({
      kind: 'fhir',
      ref: 'Condition/h1',
      label: 'Hypothyroidism',
    });
  });

  it('takes two stable chronic illnesses as two problems', () => {
    expect(kinds('DOCTOR: Your blood pressure is at goal, and your asthma is well controlled.')).toEqual([
      'stable_chronic',
      'stable_chronic',
    ]);
  });
});

describe('problems that do not count', () => {
  it.each([
    ['deferred to another doctor', "DOCTOR: Okay, we'll leave the gout with her."],
    [
      'deferred to another visit',
      "DOCTOR: Let's book a separate visit for your back pain so we can give it proper time.",
    ],
    ['handed to the primary care doctor', 'DOCTOR: Your eczema is not my area; bring it up with Dr. Okafor.'],
    [
      'denied',
      'PATIENT: No chest pain.\nDOCTOR: No sign of neuropathy, and no diabetic retinopathy in either eye.',
    ],
    ['a family history', 'DOCTOR: A father with a heart attack at 52 raises your risk.'],
    ['prevention', "DOCTOR: You're well protected from stroke."],
    [
      'a textbook explanation',
      'DOCTOR: Pressure that comes on with exertion is the classic pattern of stable angina.',
    ],
    ['only in a question', 'DOCTOR: When were you diagnosed with hypothyroidism?'],
    ['only the patient', 'PATIENT: My right knee pain has been bothering me.'],
    ['a return precaution', 'DOCTOR: If you get a stiff neck, it could be meningitis, so call us.'],
    ['a finding with nothing to do', 'DOCTOR: Mild cataracts, nothing to do yet.'],
    ['a vague name without status', 'DOCTOR: Your blood pressure today was 132 over 78.'],
  ])('%s', (_why, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('undiagnosed and acute problems', () => {
  it('counts a problem only ever hedged as undiagnosed with uncertain prognosis', () => {
    expect(
      only("DOCTOR: For now I'd call this possible stable angina. I can't say you have angina yet."),
    ).toBe('undiagnosed_uncertain');
  });

  it('counts a symptom whose cause the clinician does not know', () => {
    expect(
      only("DOCTOR: I'm not sure what's causing your dizziness, so I'm ordering an MRI of the brain."),
    ).toBe('undiagnosed_uncertain');
  });

  it('folds a hedged alternative into the addressed problem', () => {
    const text = [
      'DOCTOR: Your story and your exam fit acute bronchitis.',
      "DOCTOR: It's probably not pneumonia, but I want a chest X-ray today to rule it out.",
    ].join('\n');
    expect(only(text)).toBe('acute_uncomplicated');
  });

  it('reads fever with chills, sweats and body aches as systemic', () => {
    const text = [
      'PATIENT: It hit 101.6 last night. Chills, sweats, and my whole body aches.',
      'DOCTOR: Your story and your exam fit acute bronchitis.',
    ].join('\n');
    expect(only(text)).toBe('acute_systemic');
  });

  it('reads a fever alone with a minor infection as uncomplicated', () => {
    const text = [
      'MOTHER: At two in the morning it was 102.4.',
      'DOCTOR: No vomiting, no chills.',
      'DOCTOR: So this is an acute otitis media of the left ear.',
    ].join('\n');
    expect(only(text)).toBe('acute_uncomplicated');
  });

  it.each<[string, ProblemKind]>([
    ["DOCTOR: It's a sprain, a grade two sprain of your right ankle.", 'acute_uncomplicated'],
    ['DOCTOR: This is a displaced fracture of the wrist.', 'acute_complicated_injury'],
    ['DOCTOR: The ankle sprain is healing well.', 'stable_acute'],
    ['DOCTOR: This is a common cold; rest and fluids.', 'self_limited'],
    ['DOCTOR: I am worried this is sepsis, so I want you in the emergency room now.', 'threat_to_life'],
  ])('"%s" → %s', (text, kind) => {
    expect(only(text)).toBe(kind);
  });
});
