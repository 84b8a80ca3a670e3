/**
 * The answer a certified coder gives for the endocrinology new-patient visit: type 1 diabetes with
 * hypoglycemia (the problem list's E10.9 is not specific enough) and unspecified hypothyroidism,
 * because "most likely Hashimoto's" is uncertain. Moderate MDM and 52 minutes both give 99204.
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'New patient referred by Dr. Okafor (primary care); moved from Lakeport four months ago; seventh-grade science teacher',
    'Type 1 diabetes since age 12 (ketoacidosis at diagnosis); multiple daily injections; Dexcom G7 CGM',
    'Insulin glargine (Lantus) 24 units at bedtime; insulin lispro (Humalog) 1 unit per 10 g carbohydrate plus 1 unit per 50 mg/dL above 150',
    'Overnight lows around 2-3 am, three to four nights a week for a month, readings in the 50s, lowest 48 mg/dL; self-treated with juice',
    'Lows follow evening runs (half-marathon training, 3-4 days a week, started about six weeks ago); no insulin change on run days',
    'Never needed help to treat a low; no seizures or loss of consciousness; still feels lows (sweaty, shaky, hungry): no hypoglycemia unawareness',
    'CGM (patient-reported): time in range about 68%, 6% below range; clinic CGM data sharing to be set up',
    'A1c 7.4% (7.1% four months ago, 7.0% a year ago)',
    'Hypothyroidism since age 24 on levothyroxine 75 mcg; TSH 8.9 mIU/L (5.2 four months ago, 2.1 a year ago); free T4 0.9 ng/dL',
    'Fatigue, cold intolerance, dry skin; no palpitations, no neck swelling or dysphagia',
    'Takes levothyroxine with coffee and breakfast together with a multivitamin containing iron and calcium',
    "Cause of hypothyroidism not established; Hashimoto's considered most likely; TPO antibodies ordered",
    'Exam: BP 116/72, HR 70, weight 66.4 kg; thyroid not enlarged, no nodules; heart and lungs normal; injection sites healthy; feet normal, monofilament intact',
    'Reduce glargine from 24 to 21 units at bedtime',
    'On running days halve the dinner lispro dose; 15-20 g carbohydrate bedtime snack if glucose under 120; correction scale unchanged',
    'Nasal glucagon (Baqsimi) 3 mg prescribed; partner to be shown how to use it',
    'CGM low alert raised from 70 to 80 mg/dL',
    'Levothyroxine increased to 88 mcg daily, taken on an empty stomach with water 30-60 minutes before coffee or breakfast; multivitamin with iron and calcium at least 4 hours later',
    'Labs: TPO antibodies and urine albumin/creatinine ratio today; TSH and free T4 in 6 weeks',
    'Allergy: penicillin (hives)',
    'Right heel pain in the morning since running: deferred to primary care or sports medicine',
    'Follow-up in 6 weeks; call for any glucose under 54 or a low needing help',
    'Total time 52 minutes on the date of the encounter',
  ],
  diagnoses: [
    {
      code: 'E10.649',
      description: 'Type 1 diabetes mellitus with hypoglycemia without coma',
      rationale:
        'Main reason for the referral: "type 1 diabetes with recurrent hypoglycemia, mostly overnight", lowest 48 mg/dL, no loss of consciousness. More specific than the E10.9 on the problem list.',
    },
    {
      code: 'E03.9',
      description: 'Hypothyroidism, unspecified',
      rationale:
        'Hypothyroidism under-replaced (TSH 8.9), levothyroxine increased and timing corrected. The cause is not established ("the most likely cause is Hashimoto\'s ... we haven\'t confirmed it"), so no E06.3.',
    },
  ],
  notCoded: [
    {
      text: "Hashimoto's (autoimmune) thyroiditis, E06.3",
      reason:
        'Uncertain ("most likely", antibodies pending): uncertain diagnoses are not coded in the outpatient setting.',
    },
    {
      text: 'Long-term use of insulin, Z79.4',
      reason:
        'Category E10 carries no instruction to add Z79.4 (E11 does): insulin use is inherent in type 1 diabetes.',
    },
    {
      text: 'Type 1 diabetes with hyperglycemia, E10.65',
      reason: 'A1c 7.4% is called reasonable; control is not documented as poor or as hyperglycemia.',
    },
    { text: 'Hypoglycemia unawareness', reason: 'Negated: she still feels her lows.' },
    {
      text: 'Severe hypoglycemia, seizure, loss of consciousness, coma',
      reason: 'Negated findings; hence "without coma".',
    },
    { text: 'Diabetic ketoacidosis at age 12', reason: 'Past history, resolved; not a current condition.' },
    {
      text: 'Fatigue, cold intolerance, dry skin',
      reason: 'Symptoms integral to the under-replaced hypothyroidism.',
    },
    { text: 'Palpitations, goiter, thyroid nodules, dysphagia', reason: 'Negated on history and exam.' },
    {
      text: 'Right heel pain',
      reason: 'Mentioned but deferred to primary care or sports medicine; not addressed.',
    },
    { text: 'Penicillin allergy', reason: 'Allergy history that did not affect management.' },
  ],
  em: {
    code: '99204',
    patientStatus: 'new',
    basis: 'mdm',
    totalTimeMinutes: 52,
    mdm: {
      problems: {
        level: 'moderate',
        rationale:
          'Two chronic illnesses with progression or side effects of treatment: insulin-treated type 1 diabetes with recurrent hypoglycemia, and hypothyroidism off target (TSH rising to 8.9). No severe exacerbation (no assisted or severe lows), so not high.',
      },
      data: {
        level: 'moderate',
        rationale:
          'Category 1 met many times over: external notes from two unique sources (the primary-care referral note, the Lakeport endocrinology record), A1c reviewed, TPO antibodies and urine albumin/creatinine ordered, TSH and free T4 ordered (each counted once with their prior results). No independent interpretation (CGM data not reviewed today) and no discussion with an external physician, so not extensive.',
      },
      risk: {
        level: 'moderate',
        rationale:
          'Prescription drug management: glargine reduced, lispro adjusted for exercise, levothyroxine increased to 88 mcg, nasal glucagon prescribed.',
      },
      overall: 'moderate',
    },
  },
  addOns: [],
};
