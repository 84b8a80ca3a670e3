/**
 * The answer a certified coder gives for the primary-care diabetes visit: combination codes for
 * diabetic and hypertensive CKD (the problem list's I10 does not survive), moderate MDM from
 * progressing chronic illness plus prescription drug management, and G2211 for the continuing
 * primary-care relationship under Medicare.
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'Home fasting glucose mostly 150-180 mg/dL over the last month, one reading of 192; no readings below 70, no hypoglycemia',
    'A1c 8.6% (8.1% three months ago, 7.6% six months ago, 7.2% a year ago); goal under 7.5%',
    'eGFR 48 mL/min/1.73m2 (53, 57, 62 on the previous results); creatinine 1.53 mg/dL; potassium 4.6; sodium 139',
    'LDL 68 mg/dL on atorvastatin 20 mg at bedtime: at goal, no change',
    'BP 148/88 (nurse), 146/86 on recheck; home readings around 140 systolic; goal under 130/80',
    'Takes metformin 1000 mg twice daily and lisinopril 20 mg daily; adherent (pill box)',
    'Riverbend Eye dilated exam report reviewed: no diabetic retinopathy in either eye, mild cataracts',
    'Denies chest pain, shortness of breath, leg swelling, numbness or tingling in the feet, vision change',
    'Exam: lungs clear, heart regular, no ankle edema; feet without ulcers, pedal pulses intact, monofilament normal (10/10 sites both feet)',
    'CKD stage 3a attributed to diabetes and hypertension',
    'Start empagliflozin 10 mg by mouth once daily in the morning; counselled on genital yeast infection, hydration and sick-day rules',
    'Continue metformin 1000 mg twice daily; halve to 500 mg twice daily if eGFR falls below 45, stop below 30',
    'Increase lisinopril from 20 mg to 40 mg once daily',
    'Urine albumin/creatinine ratio today (38 mg/g over a year ago); basic metabolic panel in 2 weeks',
    'Allergy: sulfa (rash)',
    'Right knee pain when kneeling for about a month: deferred to a separate visit',
    'Follow-up in 3 months with a repeat A1c',
  ],
  diagnoses: [
    {
      code: 'E11.65',
      description: 'Type 2 diabetes mellitus with hyperglycemia',
      rationale:
        'Main reason for the visit: "your diabetes is not controlled right now. This is hyperglycemia", A1c 8.6% and rising; poorly controlled diabetes indexes to "with hyperglycemia".',
    },
    {
      code: 'E11.22',
      description: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
      rationale:
        'The "with" convention links diabetes and CKD, and the doctor states it: "the kidney disease is caused by the diabetes and the blood pressure together". Several E11 complication codes may be reported together.',
    },
    {
      code: 'I12.9',
      description:
        'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
      rationale:
        'Hypertension with CKD is presumed linked (guideline I.C.9.a.2), so I12.9 replaces the I10 on the problem list; blood pressure above goal and lisinopril increased.',
    },
    {
      code: 'N18.31',
      description: 'Chronic kidney disease, stage 3a',
      rationale:
        'Required additional code for the CKD stage with E11.22 and I12.9: "chronic kidney disease stage 3a", eGFR 48.',
    },
    {
      code: 'E78.5',
      description: 'Hyperlipidemia, unspecified',
      rationale: 'Addressed: LDL 68 reviewed against goal, atorvastatin 20 mg continued.',
    },
    {
      code: 'Z79.84',
      description: 'Long term (current) use of oral hypoglycemic drugs',
      rationale: 'Type 2 diabetes treated with metformin (and now empagliflozin), no insulin.',
    },
  ],
  notCoded: [
    {
      text: 'Essential hypertension (I10) as it stands on the problem list',
      reason: 'Superseded by the combination code I12.9 because CKD is present.',
    },
    {
      text: 'Diabetic neuropathy',
      reason: 'Negated: no numbness, tingling or burning in the feet, monofilament normal at all sites.',
    },
    {
      text: 'Diabetic retinopathy',
      reason: 'Negated: the eye report shows no diabetic retinopathy in either eye.',
    },
    {
      text: 'Mild cataracts',
      reason: 'Mentioned from the outside eye report; not evaluated or treated at this visit.',
    },
    {
      text: 'Right knee pain (M25.561)',
      reason: 'Mentioned but deliberately deferred to a separate visit; not addressed today.',
    },
    { text: 'Chest pain, shortness of breath, leg swelling', reason: 'Negated findings (denied).' },
    { text: 'Hypoglycemia', reason: 'Negated: no readings below 70, no shaky or sweaty spells.' },
    {
      text: 'Obesity / BMI 30.8',
      reason: 'BMI appears only in the vitals; no weight diagnosis is documented, so no E66 or Z68 code.',
    },
    { text: 'Nocturia once a night', reason: 'Longstanding and unchanged; not evaluated or treated.' },
  ],
  em: {
    code: '99214',
    patientStatus: 'established',
    basis: 'mdm',
    mdm: {
      problems: {
        level: 'moderate',
        rationale:
          'Chronic illnesses with progression: diabetes (A1c 7.6 to 8.1 to 8.6), CKD (eGFR 57 to 53 to 48) and hypertension not at goal. None is a severe exacerbation or a threat to life, so not high.',
      },
      data: {
        level: 'moderate',
        rationale:
          "Category 1 with three elements: review of an external note (Riverbend Eye dilated exam report), urine albumin/creatinine ratio ordered, basic metabolic panel ordered. Last week's A1c, BMP and lipid results were ordered at the prior visit and were credited there.",
      },
      risk: {
        level: 'moderate',
        rationale:
          'Prescription drug management: empagliflozin started, lisinopril increased to 40 mg, metformin continued with a renal dosing plan.',
      },
      overall: 'moderate',
    },
  },
  addOns: [
    {
      code: 'G2211',
      rationale:
        'Medicare patient; Dr. Okafor is his continuing primary-care focal point for all his chronic conditions ("I\'ll keep coordinating everything ... like always"); no modifier-25 procedure billed.',
    },
  ],
};
