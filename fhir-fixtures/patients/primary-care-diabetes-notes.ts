/**
 * Prior progress notes for the primary-care diabetes fixture (fictional), stored in the bundle as
 * DocumentReferences of the two finished visits so cloned-text checks have something to compare.
 *
 * @module
 */

export const PRIOR_NOTE_D100 = `PROGRESS NOTE (fictional test record)
Patient: Walter Testpatient-Quill. Established patient, chronic care follow-up.
S: Feels well. Fasting sugars 130-160. Taking metformin 1000 mg twice daily, lisinopril 20 mg daily, atorvastatin 20 mg nightly. No lows, no chest pain.
O: BP 146/86, HR 74, weight 96.8 kg. Feet: monofilament intact.
Labs today: A1c 8.1% (7.6% six months ago). eGFR 53, creatinine 1.41, K 4.4.
A/P:
1. Type 2 diabetes with hyperglycemia, A1c rising. Diet review; recheck A1c and BMP in 3 months. Discussed adding an SGLT2 inhibitor if still above goal.
2. CKD stage 3a, eGFR 53, slowly declining. Avoid NSAIDs.
3. Hypertension, above goal. Home readings requested.
4. Hyperlipidemia on atorvastatin 20 mg; lipid panel with next labs.
Return 3 months. Electronically signed: Riley Okafor-Testdoc, MD.`;

export const PRIOR_NOTE_D190 = `PROGRESS NOTE (fictional test record)
Patient: Walter Testpatient-Quill. Established patient, diabetes follow-up.
S: Doing well, walking daily. Metformin tolerated.
O: BP 142/84, weight 97.2 kg.
Labs: A1c 7.6%. eGFR 57 (62 six months earlier), creatinine 1.32.
A/P:
1. Type 2 diabetes, A1c 7.6%, slightly above goal. Continue metformin 1000 mg twice daily.
2. eGFR 45-59 on two readings more than 3 months apart: CKD stage 3a, likely diabetic and hypertensive. Added to problem list.
3. Hypertension: continue lisinopril 20 mg daily.
Return 3 months. Electronically signed: Riley Okafor-Testdoc, MD.`;
