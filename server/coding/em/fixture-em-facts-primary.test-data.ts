/**
 * Test data: the EmFacts a correct extractor would produce for the primary-care, paediatric and
 * behavioural-health fixture visits, built by hand from each visit's gold E/M rationale and
 * quoting the transcript for evidence. The payer comes from the fixture's Coverage, passed in.
 *
 * @module
 */
import type { PayerType } from '../../contract/clinical-context.ts';
import type { EmFacts } from '../../contract/coding.ts';
import { data, item, priorResult, problem, quoter, risk } from './em-facts.test-data.ts';

export interface FixtureVisit {
  readonly transcript: string;
  readonly payerType: PayerType;
}

export type EmFactsBuilder = (visit: FixtureVisit) => EmFacts;

export const primaryCareDiabetes: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'established',
    payerType,
    problems: [
      problem(
        'Type 2 diabetes, A1c rising to 8.6%',
        'chronic_exacerbation',
        q('So your diabetes is not controlled right now.'),
      ),
      problem('CKD stage 3a, eGFR falling to 48', 'chronic_exacerbation', q("and it's slowly progressing")),
      problem(
        'Hypertension, above goal',
        'chronic_exacerbation',
        q('So the blood pressure is also above goal.'),
      ),
      problem('Hyperlipidemia, at goal', 'stable_chronic', q("you're there on the atorvastatin 20")),
    ],
    data: data({
      externalNotes: [
        item('Riverbend Eye dilated exam report', 'source:riverbend-eye', q('They did, I have it here.')),
      ],
      // Last week's labs were ordered at the prior visit; their review was credited then.
      testsReviewed: [
        priorResult('A1c', 'loinc:4548-4', q('Your A1c, the three-month average, is 8.6 percent.')),
        priorResult('basic metabolic panel', 'loinc:51990-0', q('Your creatinine went up to 1.53.')),
        priorResult('lipid panel', 'loinc:57698-3', q('LDL, the bad cholesterol, is 68.')),
      ],
      testsOrdered: [
        item('basic metabolic panel', 'loinc:51990-0', q('I want a basic metabolic panel')),
        item('urine albumin/creatinine ratio', 'loinc:9318-7', q('the albumin to creatinine ratio')),
      ],
    }),
    risks: [
      risk(
        'moderate',
        'Prescription drug management: empagliflozin 10 mg started',
        q('empagliflozin, brand name Jardiance, 10 milligrams once a day'),
      ),
      risk(
        'moderate',
        'Prescription drug management: lisinopril increased to 40 mg',
        q('increase your lisinopril from 20 to 40 milligrams'),
      ),
      risk(
        'moderate',
        'Prescription drug management: metformin continued with a renal dosing plan',
        q("If it drops below 45, I'll cut it in half"),
      ),
    ],
    continuingCare: {
      reason: 'the continuing primary-care focal point for all his chronic conditions',
      evidence: [
        q("I'll keep coordinating everything with the eye doctor and anyone else you see, like always."),
      ],
    },
  };
};

export const paediatricsOtitisMedia: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'established',
    payerType,
    problems: [
      problem(
        'Acute suppurative otitis media, left ear',
        'acute_uncomplicated',
        q('So this is an acute suppurative otitis media'),
      ),
    ],
    data: data({
      independentHistorian: item(
        'mother gives the history for a 4-year-old',
        'historian:mother',
        q('MOTHER: The left one.'),
      ),
    }),
    risks: [
      risk(
        'moderate',
        'Prescription drug management: amoxicillin dosed by weight',
        q('amoxicillin 400 milligrams per 5 milliliters, 10 milliliters by mouth twice a day'),
      ),
      risk('low', 'Over-the-counter ibuprofen for pain and fever', q('keep the ibuprofen')),
    ],
  };
};

export const behaviouralHealthDepression: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'established',
    payerType,
    problems: [
      problem(
        'Recurrent major depression, moderate episode, worse',
        'chronic_exacerbation',
        q('is in a moderate episode right now'),
      ),
      problem(
        'Generalized anxiety disorder, worse',
        'chronic_exacerbation',
        q('Your generalized anxiety disorder is worse too.'),
      ),
    ],
    // The PHQ-9 and GAD-7 are scored instruments within the assessment, not separate tests.
    data: data({
      externalNotes: [
        item(
          "Therapist's update letter",
          'source:harbor-counseling',
          q('She sent me an update letter last week'),
        ),
      ],
      testsReviewed: [item('TSH', 'loinc:3016-3', q('The TSH was 2.1, which is normal'))],
    }),
    risks: [
      risk(
        'moderate',
        'Prescription drug management: sertraline increased to 150 mg',
        q('increase the sertraline to 150 milligrams daily'),
      ),
      risk(
        'moderate',
        'Prescription drug management: trazodone continued',
        q('Keep the trazodone 50 milligrams at bedtime'),
      ),
    ],
    totalTimeMinutes: 42,
    timeEvidence: [q('my total time on the date of this encounter was 42 minutes')],
    continuingCare: {
      reason: 'the psychiatrist manages her depression longitudinally',
      evidence: [q("Let's see each other in four weeks instead of six")],
    },
  };
};

export const primaryCareBronchitis: EmFactsBuilder = ({ transcript, payerType }) => {
  const q = quoter(transcript);
  return {
    patientStatus: 'established',
    payerType,
    // Nicotine dependence is addressed, but its counselling is reported separately (99406).
    problems: [
      problem(
        'Acute bronchitis with fever to 101.6 F, chills and myalgia',
        'acute_systemic',
        q('fit acute bronchitis'),
      ),
    ],
    data: data({
      testsReviewed: [
        item('rapid SARS-CoV-2/influenza A-B antigen test', 'cpt:87637', q('rapid COVID and flu swab')),
      ],
      testsOrdered: [item('chest X-ray', 'cpt:71046', q('I want a chest X-ray today to rule it out'))],
    }),
    risks: [
      risk(
        'moderate',
        'Prescription drug management: albuterol inhaler',
        q("I'm prescribing an albuterol inhaler"),
      ),
      risk('moderate', 'Prescription drug management: benzonatate', q('benzonatate, 100-milligram capsules')),
      risk('moderate', 'Prescription drug management: nicotine patches', q("I'll send the patches")),
    ],
    continuingCare: {
      reason: 'his continuing primary-care clinician',
      evidence: [q("We'll check how it's going at your next visit.")],
    },
    // 99406 is billed the same day, so the E/M carries modifier 25.
    modifier25: true,
  };
};
