/**
 * Prior notes in the bronchitis fixture's chart: last year's influenza A visit and a low-back-pain
 * follow-up four months ago, both recording the smoking history. Entirely fictional.
 *
 * @module
 */

export const PRIOR_NOTE_D400 = `PROGRESS NOTE (fictional test record)
Patient: Devon Testpatient-Boateng, 45M. Established patient, acute visit.
S: Two days of fever to 102, cough, body aches, sore throat. Household contact with influenza.
O: T 38.6, HR 104, SpO2 97%. Lungs clear. Rapid influenza A positive.
A/P: Influenza A. Oseltamivir 75 mg twice daily for 5 days, fluids, acetaminophen. Smoker, about a pack a day: advised quitting; not ready today.
Electronically signed: Riley Okafor-Testdoc, MD.`;

export const PRIOR_NOTE_D120 = `PROGRESS NOTE (fictional test record)
Patient: Devon Testpatient-Boateng, 46M. Established patient, follow-up.
S: Low back ache after long shifts at the warehouse, no leg symptoms, no bowel or bladder change. Naproxen helps.
O: BP 128/82, HR 78. Lumbar paraspinal tenderness, straight-leg raise negative, strength and reflexes normal.
Labs: glucose 94, creatinine 0.92, total cholesterol 186, LDL 112.
A/P: 1. Chronic nonspecific low back pain: home exercise sheet, naproxen 500 mg twice daily with food as needed. 2. Nicotine dependence, cigarettes: about a pack a day; thinking about quitting, not yet ready. Revisit at each visit.
3. LDL 112, no other risk factors apart from smoking: diet advice, recheck yearly.
Electronically signed: Riley Okafor-Testdoc, MD.`;
