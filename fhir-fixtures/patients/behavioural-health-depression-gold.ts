/**
 * The answer a certified coder gives for the behavioural-health visit: recurrent moderate major
 * depression and generalized anxiety, and a level chosen by time (42 minutes, 99215) because it is
 * higher than the level the medical decision making supports (moderate, 99214).
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'PHQ-9 14 today, 11 six weeks ago, 8 three months ago',
    'GAD-7 13 today, 10 six weeks ago, 7 three months ago',
    "Worse for about two months: work restructuring and job uncertainty, mother's fall, weekend caregiving",
    'Anhedonia, low energy, poor concentration, guilt, reduced appetite; weight 68.2 kg today, 70.3 kg six weeks ago',
    'Trouble falling asleep; trazodone 50 mg about four nights a week helps, mild morning grogginess',
    'Constant worry, muscle tension, irritability; no panic attacks',
    'Denies current passive or active suicidal ideation, plan or intent; passive ideation in 2019 without a plan; no firearms at home',
    'Protective factors: children, sister, husband, dog; knows the 988 crisis line',
    'No manic or hypomanic symptoms; one or two glasses of wine on weekends, unchanged; no cannabis or other substances',
    "Weekly CBT with her therapist at Harbor Counseling; therapist's update letter reviewed",
    'Sertraline 100 mg every morning, taken daily; early nausea resolved, occasional vivid dreams',
    'TSH 2.1 (normal) from primary care last month',
    'Assessment: major depressive disorder, recurrent, moderate episode, worsening; generalized anxiety disorder, worsening',
    'Plan: increase sertraline to 150 mg daily (keep 100 mg tablet, add new 50 mg tablet, both in the morning)',
    'Continue trazodone 50 mg at bedtime as needed; no benzodiazepine; continue weekly therapy; message to therapist',
    'Safety plan reviewed: call the clinic or 988 for agitation, worsening or thoughts of self-harm',
    'Follow-up in 4 weeks with PHQ-9 and GAD-7 beforehand',
    'Mental status: constricted, briefly tearful affect; linear thought process; no psychosis; good insight and judgment',
    'Total time 42 minutes on the date of the encounter; no psychotherapy provided or separately reported',
  ],
  diagnoses: [
    {
      code: 'F33.1',
      description: 'Major depressive disorder, recurrent, moderate',
      rationale:
        'The psychiatrist states "your major depressive disorder, the recurrent depression, is in a moderate episode right now": recurrent plus moderate is F33.1. It is the main reason for the visit and is treated (sertraline increased to 150 mg).',
    },
    {
      code: 'F41.1',
      description: 'Generalized anxiety disorder',
      rationale:
        '"Your generalized anxiety disorder is worse too": assessed (GAD-7 13, up from 10 and 7) and treated by the same sertraline increase, with a benzodiazepine considered and declined.',
    },
  ],
  notCoded: [
    {
      text: 'Suicidal ideation',
      reason:
        'Screened and denied ("No. Never."; PHQ-9 item answered "not at all"). Passive ideation in 2019 is history, not a current finding, so R45.851 is not reported.',
    },
    {
      text: 'Borderline high cholesterol',
      reason:
        'Mentioned by the patient and left with her primary-care doctor ("That one is for her"); not addressed today.',
    },
    {
      text: 'Insomnia and weight loss',
      reason:
        'Symptoms of the current depressive episode, treated within it (trazodone as needed); no separate sleep disorder is diagnosed, so F51.05, G47.00 and R63.4 are not added.',
    },
    {
      text: 'Panic attacks, manic or hypomanic symptoms',
      reason: 'Denied on direct questioning. Negated findings are never coded.',
    },
    {
      text: 'Alcohol or other substance use disorder',
      reason: 'Low, unchanged weekend drinking and no other substances; no disorder is diagnosed.',
    },
  ],
  em: {
    code: '99215',
    patientStatus: 'established',
    basis: 'time',
    mdm: {
      problems: {
        level: 'moderate',
        rationale:
          'Two chronic illnesses with exacerbation: depression worse (PHQ-9 8, 11, 14) and anxiety worse (GAD-7 7, 10, 13). Not a severe exacerbation: no suicidal ideation, still working, outpatient care appropriate.',
      },
      data: {
        level: 'low',
        rationale:
          "Limited, Category 1 with two elements: the therapist's letter (an external note from another practice) and the TSH result reviewed. The PHQ-9 and GAD-7 are scored instruments within the assessment, not separately counted tests; the message to the therapist is not an interactive discussion of management.",
      },
      risk: {
        level: 'moderate',
        rationale:
          'Prescription drug management: sertraline increased from 100 mg to 150 mg with a new 50 mg prescription, trazodone continued, a benzodiazepine considered and declined.',
      },
      overall: 'moderate',
    },
    totalTimeMinutes: 42,
    basisRationale:
      'MDM is moderate (99214). The dictated total time, 42 minutes on the date of the encounter with its activities listed and no separately reported psychotherapy, meets the 40-minute minimum for 99215. The rules bill the higher of the two, so 99215 by time.',
  },
  addOns: [],
  addOnsNotClaimed: [
    {
      code: '99417',
      reason:
        'Prolonged time starts at 55 minutes with 99215 for commercial payers; 42 minutes is short of it.',
    },
    {
      code: 'G2211',
      reason:
        'A Medicare add-on; Evergreen Health Plan is commercial, so it is not claimed even though the psychiatrist manages her depression longitudinally.',
    },
  ],
};
