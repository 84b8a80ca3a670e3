/**
 * The answer a certified coder gives for the cardiology heart-failure visit: hypertensive heart
 * disease with acute on chronic systolic failure (combination code first), persistent AF and
 * anticoagulant use; MDM is moderate (99214), but the dictated 44 minutes reach 99215, and the
 * higher of the two wins. G2211 for ongoing care of a single serious condition under Medicare.
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'Ankle swelling and worse exertional dyspnea for about 10 days after a salty weekend (wedding: ham, potato salad, pickles)',
    'Home dry weight about 72.5 kg; 74.2 kg at home this morning, 74.3 kg in clinic: up about 1.7 kg',
    'Has to stop halfway up one flight of stairs (previously whole flight); not short of breath at rest; two-pillow orthopnea (was one)',
    'Denies paroxysmal nocturnal dyspnea, chest pain, dizziness or syncope; occasional flutter on stairs, unchanged',
    'Apixaban 5 mg twice daily, no missed doses, no bleeding, no black stools',
    'Metoprolol succinate 50 mg daily, sacubitril-valsartan 49/51 mg twice daily, spironolactone 25 mg daily, furosemide 40 mg every morning',
    'Outside note reviewed: Riverbend primary care visit about three weeks ago for cough, few crackles, echo ordered',
    'Outside echo reviewed: LVEF 30% (35% a year ago), dilated LV, enlarged left atrium, mildly elevated pulmonary pressure',
    'Outside labs: potassium 4.5, creatinine 0.95, eGFR 61, NT-proBNP 1,450 pg/mL (820 three months ago)',
    'BP 132/78, HR 88 irregularly irregular, SpO2 95% on room air',
    'JVP about 10 cm, faint bibasilar crackles, 2+ pitting edema to mid-shin bilaterally, no new murmur',
    'Assessment: mild exacerbation (acute on chronic) of chronic systolic heart failure; persistent atrial fibrillation, rate controlled, anticoagulated; hypertension at goal',
    'Furosemide 40 mg twice daily (morning and about 2 pm) for 5 days, then back to 40 mg once daily',
    'Sodium under 2 g/day, fluids 1.5-2 L/day, daily morning weights; goal weight about 72.5 kg',
    'Call the same day for another 1 kg gain, dyspnea at rest or orthopnea; emergency department if severe',
    'Other medications unchanged',
    'Basic metabolic panel, magnesium and NT-proBNP in 5 days',
    'Follow-up in 2 weeks; copy of note to the primary doctor',
    'Allergy/intolerance: lisinopril (cough)',
    'Total time 44 minutes on the date of service, activities listed',
  ],
  diagnoses: [
    {
      code: 'I11.0',
      description: 'Hypertensive heart disease with heart failure',
      rationale:
        'Heart failure with hypertension is presumed hypertensive heart disease (guideline I.C.9.a.1), and the doctor links them ("Your high blood pressure is part of why the heart muscle got weak"). I11.0 is sequenced first with the heart-failure type as an additional code; it carries the main reason, the failure exacerbation.',
    },
    {
      code: 'I50.23',
      description: 'Acute on chronic systolic (congestive) heart failure',
      rationale:
        '"Chronic systolic heart failure, and right now you\'re having a mild exacerbation, acute on chronic": an exacerbation of chronic failure is coded acute on chronic; EF 30%.',
    },
    {
      code: 'I48.19',
      description: 'Other persistent atrial fibrillation',
      rationale:
        '"Your atrial fibrillation is persistent, the rate is controlled"; not described as longstanding persistent (I48.11). Addressed: anticoagulation and rate reviewed.',
    },
    {
      code: 'Z79.01',
      description: 'Long term (current) use of anticoagulants',
      rationale:
        'Ongoing apixaban 5 mg twice daily for stroke prevention, reviewed for adherence and bleeding.',
    },
  ],
  notCoded: [
    {
      text: 'Essential hypertension (I10) as on the problem list',
      reason: 'Superseded by the combination code I11.0 because heart failure is present.',
    },
    {
      text: 'Chronic systolic heart failure (I50.22) as on the problem list',
      reason: 'Today the failure is acute on chronic (I50.23); the two are not reported together.',
    },
    {
      text: 'Ankle edema, dyspnea on exertion, orthopnea, weight gain',
      reason: 'Signs and symptoms integral to the heart-failure exacerbation.',
    },
    {
      text: 'Paroxysmal nocturnal dyspnea, chest pain, syncope, bleeding, black stools',
      reason: 'Negated findings (denied).',
    },
    {
      text: 'Cough and "likely viral upper respiratory infection" in the outside note',
      reason: "Outside provider's uncertain diagnosis, resolved history; not addressed today.",
    },
    {
      text: 'Mild mitral regurgitation and small pleural effusion on the outside echo',
      reason:
        'Incidental report findings not separately evaluated or treated; the effusion is integral to the heart failure.',
    },
    {
      text: 'Hearing aid whistling (hearing loss)',
      reason: 'Mentioned but referred to the audiologist; not addressed.',
    },
    {
      text: 'Lisinopril intolerance (cough)',
      reason: "Allergy/intolerance history that did not affect today's management.",
    },
  ],
  em: {
    code: '99215',
    patientStatus: 'established',
    basis: 'time',
    totalTimeMinutes: 44,
    mdm: {
      problems: {
        level: 'moderate',
        rationale:
          'A chronic illness with exacerbation (mild HF exacerbation) plus stable persistent AF and hypertension at goal. Treated at home, no rest dyspnea, SpO2 95%: not a severe exacerbation or a threat to life, so not high.',
      },
      data: {
        level: 'moderate',
        rationale:
          "Category 1 with at least three elements: outside primary-care note reviewed, outside echo result reviewed, BMP (the outside BMP and today's order count once), magnesium and NT-proBNP ordered. No independent interpretation or discussion with the outside physician, so not extensive.",
      },
      risk: {
        level: 'moderate',
        rationale:
          'Prescription drug management: furosemide doubled for 5 days, other drugs continued. A single check of electrolytes after a short diuretic increase is routine monitoring, not intensive toxicity monitoring; hospitalisation was not weighed.',
      },
      overall: 'moderate',
    },
  },
  addOns: [
    {
      code: 'G2211',
      rationale:
        'Medicare patient; the cardiologist provides ongoing longitudinal care for a single serious, complex condition ("I\'m the one looking after your heart failure"). No modifier-25 service. G2212 does not apply: 44 minutes is below the 69-minute threshold with 99215.',
    },
  ],
};
