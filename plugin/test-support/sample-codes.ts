/**
 * An obviously fictional visit for the plugin's Codes-step tests: a diabetes and blood-pressure
 * follow-up transcript, its saved draft, and the code suggestions the server would make from it
 * (diagnoses with evidence into the transcript and the chart, conditions not coded, an E/M level
 * chosen by time over MDM, add-ons, a service, HCC flags and findings of each severity). Typed
 * against the server contract so they break when it changes.
 *
 * @module
 */
import type { EncounterCodeSuggestions } from '../../server/contract/coding.ts';
import type { DraftRecord, InputEvidence } from '../../server/contract/note-draft.ts';
import { sampleRecord, span } from './sample-draft.ts';

export const CODES_TRANSCRIPT = [
  'DOCTOR: Your A1c came back at 8.4, up from 7.2.',
  'PATIENT: My feet tingle at night, both of them.',
  'DOCTOR: That is the diabetic neuropathy. We will raise the metformin to 1000 mg twice daily.',
  'DOCTOR: Blood pressure is 152 over 94 today, so I am starting amlodipine 5 mg.',
  'PATIENT: No chest pain. I still smoke half a pack a day.',
  'DOCTOR: We spent about five minutes on quitting smoking.',
  'DOCTOR: This could be early kidney disease; let us check a urine albumin.',
  'DOCTOR: I spent 44 minutes on your care today.',
].join('\n');

/** Input evidence quoting the codes transcript. */
export function quote(text: string, speaker: InputEvidence['speaker'] = 'clinician'): InputEvidence {
  return { kind: 'input', speaker, ...span(text, CODES_TRANSCRIPT) };
}

export function codesDraft(overrides: Partial<DraftRecord> = {}): DraftRecord {
  return sampleRecord({ version: 7, input: { kind: 'transcript', text: CODES_TRANSCRIPT }, ...overrides });
}

export function sampleSuggestions(
  overrides: Partial<EncounterCodeSuggestions> = {},
): EncounterCodeSuggestions {
  const a1c = quote('Your A1c came back at 8.4, up from 7.2.');
  const feet = quote('My feet tingle at night, both of them.', 'patient');
  const metformin = quote('We will raise the metformin to 1000 mg twice daily.');
  const bp = quote('Blood pressure is 152 over 94 today');
  const amlodipine = quote('I am starting amlodipine 5 mg.');
  return {
    release: '2026',
    draftVersion: 7,
    createdAt: '2031-03-12T14:45:00Z',
    diagnoses: [
      {
        code: 'I10',
        description: 'Essential (primary) hypertension',
        rank: 3,
        evidence: [bp, amlodipine],
        confidence: 0.91,
        rationale: 'Raised blood pressure treated today; no heart or kidney involvement documented.',
      },
      {
        code: 'E11.42',
        description: 'Type 2 diabetes mellitus with diabetic polyneuropathy',
        rank: 1,
        evidence: [feet, quote('That is the diabetic neuropathy.')],
        confidence: 0.94,
        rationale: 'Neuropathy linked to diabetes by the clinician; both feet affected.',
      },
      {
        code: 'E11.65',
        description: 'Type 2 diabetes mellitus with hyperglycemia',
        rank: 2,
        evidence: [a1c, metformin],
        confidence: 0.72,
        rationale: 'A1c above goal and treatment intensified.',
      },
      {
        code: 'E66.01',
        description: 'Morbid (severe) obesity due to excess calories',
        rank: 4,
        evidence: [{ kind: 'fhir', ref: 'Condition/c-obesity', label: 'Morbid obesity (problem list)' }],
        confidence: 0.41,
        rationale: 'On the problem list; not discussed in the visit.',
      },
    ],
    withheld: [
      {
        label: 'Chest pain',
        reason: 'negated',
        code: 'R07.9',
        evidence: [quote('No chest pain.', 'patient')],
      },
      {
        label: 'Chronic kidney disease',
        reason: 'uncertain',
        evidence: [quote('This could be early kidney disease')],
      },
    ],
    em: {
      code: '99215',
      patientStatus: 'established',
      basis: 'time',
      mdm: {
        problems: {
          level: 'moderate',
          reasoning: [
            'Two chronic illnesses with exacerbation (Type 2 diabetes, not at goal; Hypertension, not at goal).',
          ],
          evidence: [a1c, bp],
        },
        data: {
          level: 'low',
          reasoning: ['Two unique tests: A1c reviewed, urine albumin ordered.'],
          evidence: [a1c],
        },
        risk: {
          level: 'moderate',
          reasoning: ['Prescription drug management: metformin raised, amlodipine started.'],
          evidence: [metformin, amlodipine],
        },
        overall: 'moderate',
        reasoning: 'Moderate: problems (moderate) and risk (moderate) meet it; data (low) is not needed.',
        code: '99214',
      },
      time: {
        minutes: 44,
        code: '99215',
        reasoning: 'Time: 44 minutes meets the 40-minute minimum for 99215 (established patient).',
      },
      addOns: [
        {
          code: 'G2211',
          units: 1,
          reasoning: 'Medicare patient; continuing care: longitudinal diabetes care.',
          evidence: [{ kind: 'fhir', ref: 'Coverage/cv1', label: 'Fictional Medicare Plan' }],
        },
      ],
      addOnsNotSuggested: [
        { code: '99417', reason: 'Medicare does not pay 99417; it takes G2212 for prolonged office time.' },
        {
          code: 'G2212',
          reason:
            'Prolonged time (G2212) starts at 69 minutes with 99215 for Medicare; 44 minutes is 25 short of it.',
        },
      ],
    },
    services: [
      {
        code: '99406',
        units: 1,
        reasoning: 'Smoking cessation counselling of more than 3 minutes is documented.',
        evidence: [quote('We spent about five minutes on quitting smoking.')],
      },
    ],
    hcc: [
      {
        hcc: 'HCC37',
        label: 'Diabetes with Chronic Complications',
        model: 'CMS-HCC V28',
        diagnosisCodes: ['E11.42', 'E11.65'],
        supersedes: ['HCC38'],
        meat: { met: true, elements: ['monitor', 'assess', 'treat'], evidence: [a1c, metformin] },
      },
      {
        hcc: 'HCC48',
        label: 'Morbid Obesity',
        model: 'CMS-HCC V28',
        diagnosisCodes: ['E66.01'],
        supersedes: [],
        meat: { met: false, elements: [], evidence: [] },
      },
    ],
    findings: [
      {
        kind: 'cloned_text',
        severity: 'info',
        message: 'The history is 91% like the note of Feb 2, 2031.',
        suggestedFix: "Rewrite the history for today's visit.",
        evidence: [],
      },
      {
        kind: 'meat_missing',
        severity: 'error',
        message: 'Morbid obesity is coded, but the note does not monitor, evaluate, assess or treat it.',
        suggestedFix: 'Address the obesity in the assessment (BMI and plan), or leave E66.01 off.',
        code: 'E66.01',
        evidence: [{ kind: 'fhir', ref: 'Condition/c-obesity', label: 'Morbid obesity (problem list)' }],
      },
      {
        kind: 'missing_specificity',
        severity: 'warning',
        message: 'The type of neuropathy is not stated.',
        suggestedFix: 'Say whether the neuropathy is a polyneuropathy or a mononeuropathy.',
        code: 'E11.42',
        evidence: [feet],
      },
    ],
    ...overrides,
  };
}
