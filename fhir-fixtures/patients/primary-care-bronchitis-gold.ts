/**
 * The answer a certified coder gives for the acute-bronchitis visit: the definite diagnosis is coded,
 * the pneumonia being ruled out is not, nicotine dependence is coded with the counselling, and the
 * counselling itself (about five minutes) is reported separately from the E/M.
 *
 * @module
 */
import type { GoldAnswer } from './types.ts';

export const gold: GoldAnswer = {
  keyFacts: [
    'Cough for five days with yellow-green sputum, mostly in the morning',
    'Fever up to 101.6 F at home with chills, sweats and body aches; temperature 38.3 C (about 100.9 F) in clinic',
    'No blood in sputum; no sharp or pleuritic chest pain (chest muscles sore from coughing); short of breath only with coughing fits; mild wheeze at night',
    'Rapid COVID and influenza A and B swab negative',
    'Oxygen saturation 95 percent, heart rate 98, respiratory rate 18',
    'Bilateral coarse rhonchi that partly clear with cough, expiratory wheeze, no focal crackles, no egophony, no dullness; mildly red throat; no leg swelling',
    'Diagnosis: acute bronchitis',
    'Chest X-ray today to rule out pneumonia (probably not pneumonia)',
    'No antibiotics now; doxycycline if the X-ray shows pneumonia because of penicillin allergy (hives)',
    'Albuterol inhaler 2 puffs every 4 to 6 hours as needed; benzonatate 100 mg three times a day as needed, swallowed whole',
    'Acetaminophen up to 1,000 mg three times a day for fever; no ibuprofen on top of naproxen',
    'Smokes about a pack a day since age 18 (about 28 years); failed cold-turkey attempt two years ago because of cravings',
    'About five minutes of smoking-cessation counselling: quit date in about two weeks, nicotine patch 21 mg daily, quitline 1-800-QUIT-NOW',
    'Return precautions; call with the X-ray result today; follow-up in two weeks',
    'Back pain deferred to a separate visit',
  ],
  diagnoses: [
    {
      code: 'J20.9',
      description: 'Acute bronchitis, unspecified',
      rationale:
        'Stated as definite: "Your story and your exam fit acute bronchitis ... That\'s my diagnosis." No organism is identified (rapid COVID and influenza negative), so the unspecified code is right.',
    },
    {
      code: 'F17.210',
      description: 'Nicotine dependence, cigarettes, uncomplicated',
      rationale:
        'About a pack of cigarettes a day for 28 years with cravings that defeated a quit attempt; addressed with counselling and a nicotine patch. No current withdrawal or nicotine-induced disorder is documented, so uncomplicated.',
    },
    {
      code: 'Z71.6',
      description: 'Tobacco abuse counseling',
      rationale:
        'Cessation counselling was given ("We spent about five minutes on quitting"); Z71.6 is reported with the nicotine dependence code, as its tabular note directs.',
    },
  ],
  notCoded: [
    {
      text: 'Pneumonia',
      reason:
        'Uncertain: "It\'s probably not pneumonia ... I want a chest X-ray today to rule it out." Uncertain diagnoses are never coded outpatient; J18.9 waits for a confirmed result.',
    },
    {
      text: 'Fever, cough and wheezing',
      reason:
        'Signs routinely part of acute bronchitis; once the definite diagnosis is coded, R50.9, R05.1 and R06.2 are not added.',
    },
    {
      text: 'COVID-19 and influenza',
      reason: 'Rapid tests negative. Negated findings are never coded.',
    },
    {
      text: 'Hemoptysis, pleuritic chest pain, shortness of breath at rest',
      reason: 'Denied ("No, no blood"; "no sharp pain"). Negated findings are never coded.',
    },
    {
      text: 'Low back pain',
      reason:
        'Mentioned but deferred to a separate visit ("Today is about your chest"); not addressed, so M54.50 is not reported.',
    },
    {
      text: 'LDL 112 mg/dL flagged high on labs four months ago',
      reason: 'Chart data only: not mentioned or addressed today, so no lipid code is reported.',
    },
    {
      text: 'Penicillin allergy (Z88.0)',
      reason:
        'On the allergy list and shaped only a contingency plan; no antibiotic was prescribed today, so the status code is not reported.',
    },
  ],
  em: {
    code: '99214',
    patientStatus: 'established',
    basis: 'mdm',
    mdm: {
      problems: {
        level: 'moderate',
        rationale:
          'Acute illness with systemic symptoms: five days of fever to 101.6 F with chills, sweats and myalgia in a daily smoker, with pneumonia in the differential needing imaging to exclude. Nicotine dependence was addressed, but its counselling is reported separately (99406) and is not relied on for the E/M level.',
      },
      data: {
        level: 'low',
        rationale:
          'Limited, Category 1 with two unique tests: the rapid SARS-CoV-2/influenza A-B antigen test reviewed (one multiplex test) and the chest X-ray ordered. No external notes, no independent historian, no independent interpretation (the X-ray is not yet done).',
      },
      risk: {
        level: 'moderate',
        rationale:
          'Prescription drug management: albuterol inhaler, benzonatate and nicotine patches prescribed; antibiotic deliberately withheld pending the X-ray.',
      },
      overall: 'moderate',
    },
  },
  addOns: [
    {
      code: '99406',
      rationale:
        'Smoking-cessation counselling, intermediate (more than 3 and up to 10 minutes): "We spent about five minutes on quitting today." A separately reported service rather than a true add-on, so the E/M takes modifier 25 and its minutes are excluded from E/M time.',
    },
  ],
  addOnsNotClaimed: [
    {
      code: 'G2211',
      reason:
        'A Medicare add-on, and this patient is covered by State Medicaid, although Dr. Okafor is his continuing primary-care clinician.',
    },
  ],
};
