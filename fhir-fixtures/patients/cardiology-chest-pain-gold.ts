/**
 * The answer a certified coder gives for the cardiology new-patient chest-pain visit: the symptom is
 * coded because angina is only "possible", and the level is 99204 because problems and risk are
 * moderate even though the data (notes, results, an order and an independent ECG read) are extensive.
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'New patient referred by primary care for chest pain',
    'Six weeks of central chest pressure like a tight band on exertion (uphill from the train, carrying groceries up stairs, raking), sometimes to the left shoulder',
    'Relieved by 3 to 4 minutes of rest; two or three times a week; unchanged pattern; never at rest or at night',
    'Mild shortness of breath with episodes; no sweating, nausea, fainting, palpitations, orthopnea, leg swelling, heartburn or chest-wall tenderness',
    'Hypertension for eight years on lisinopril 20 mg every morning; BP 148/90, repeat 146/88; goal under 130/80',
    'LDL 162 (148 a year ago), total cholesterol 231, HDL 41, triglycerides 138; declined a statin two years ago',
    'Never smoked; A1c 5.4; creatinine 0.98; potassium 4.3',
    'Father had a heart attack at 52 and bypass surgery',
    'Gout managed by primary care, quiet since spring',
    'Aspirin 81 mg started by primary care last week; no erectile dysfunction medicines; no drug allergies',
    'Heart rate 76 and regular; weight 92 kg, BMI about 29; no JVD, no carotid bruits, no murmurs, lungs clear, no edema, good foot pulses',
    'Own read of the referring office ECG: sinus rhythm 74, normal PR and QRS, normal axis, no Q waves, no ST or T-wave changes, no LVH voltage: normal resting ECG',
    'Assessment: possible stable angina, not confirmed; not an emergency',
    'Exercise stress echocardiogram ordered within one to two weeks',
    'Nitroglycerin 0.4 mg under the tongue as needed, every 5 minutes up to 3; call 911 if not gone 5 minutes after the first',
    'Amlodipine 5 mg daily added; lisinopril 20 mg continued; beta-blocker held until after the stress test',
    'Atorvastatin 40 mg every evening; lipid panel and liver tests in about eight weeks; continue aspirin 81 mg',
    'Follow-up after the stress test in two to three weeks; letter to the primary-care doctor',
  ],
  diagnoses: [
    {
      code: 'R07.89',
      description: 'Other chest pain',
      rationale:
        'Angina is uncertain ("possible stable angina"; "I can\'t say you have angina yet"), so the symptom is coded. The documented symptom is chest pressure, a tight band, which the ICD-10-CM index sends to R07.89 (pressure/tightness in chest), more specific than R07.9.',
    },
    {
      code: 'I10',
      description: 'Essential (primary) hypertension',
      rationale:
        'Above goal (148/90, 146/88; goal under 130/80) and treated: amlodipine 5 mg added to lisinopril 20 mg.',
    },
    {
      code: 'E78.5',
      description: 'Hyperlipidemia, unspecified',
      rationale:
        'The cardiologist names "the hyperlipidemia" and starts atorvastatin 40 mg for LDL 162; no type (pure or mixed) is stated, so unspecified.',
    },
    {
      code: 'Z82.49',
      description: 'Family history of ischemic heart disease and other diseases of the circulatory system',
      rationale:
        'Father with a heart attack at 52; used in the risk assessment that drives the workup and the statin decision.',
    },
  ],
  notCoded: [
    {
      text: 'Stable angina / coronary artery disease',
      reason:
        '"Possible" and explicitly unconfirmed pending the stress test; uncertain diagnoses are never coded outpatient (no I20.- or I25.-).',
    },
    {
      text: 'Gout',
      reason:
        'Mentioned and left with primary care ("we\'ll leave the gout with her"); not addressed, so M10.9 is not reported.',
    },
    {
      text: 'Tobacco use',
      reason: 'Never smoked. Negated, so no F17.- or Z87.891.',
    },
    {
      text: 'Syncope, palpitations, orthopnea, leg swelling, rest pain, heartburn',
      reason: 'All denied. Negated findings are never coded.',
    },
    {
      text: 'Abnormal ECG or left ventricular hypertrophy',
      reason: 'The ECG is read as normal, including no LVH voltage; nothing abnormal to code.',
    },
    {
      text: 'Overweight (BMI about 29) and diabetes',
      reason:
        'BMI is recorded but no weight diagnosis is made or addressed; A1c 5.4 is normal and diabetes is denied.',
    },
  ],
  em: {
    code: '99204',
    patientStatus: 'new',
    basis: 'mdm',
    mdm: {
      problems: {
        level: 'moderate',
        rationale:
          'An undiagnosed new problem with uncertain prognosis (exertional chest pressure, possible angina), plus hypertension not at goal (treatment escalated) and hyperlipidemia. Not high: the pattern is stable, never at rest, and "this is not an emergency", so no near-term threat to life or bodily function is documented.',
      },
      data: {
        level: 'high',
        rationale:
          'Extensive, two categories. Category 1 (three or more): the primary-care referral note (different specialty), the lipid panel, basic metabolic results and A1c reviewed, and the stress echocardiogram ordered. Category 2: independent interpretation of the ECG recorded and reported by the referring office ("I\'ve gone through the tracing myself").',
      },
      risk: {
        level: 'moderate',
        rationale:
          'Prescription drug management: nitroglycerin, amlodipine and atorvastatin started, lisinopril and aspirin continued. No decision about hospitalisation and no drug needing intensive toxicity monitoring, so not high.',
      },
      overall: 'moderate',
    },
  },
  addOns: [],
  addOnsNotClaimed: [
    {
      code: 'G2211',
      reason:
        'A Medicare add-on, and Summit Mutual is a commercial plan. This is also a referral evaluation of a new problem, not yet a continuing relationship for a serious condition.',
    },
  ],
};
