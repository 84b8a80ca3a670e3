/**
 * Records the cardiology fixture's patient brings from primary care: the annual visit a year ago,
 * last week's chest-pain visit with its referral, and that visit's ECG report (the machine read
 * the cardiologist re-reads himself). Entirely fictional.
 *
 * @module
 */

export const PCP_NOTE_D375 = `PROGRESS NOTE (fictional test record)
Patient: Glenn Testpatient-Harrow, 57M. Established patient, annual chronic-care review.
S: Feels well. Walks to and from the train daily. No chest pain or shortness of breath. Never smoker. Gout flare last year, none since.
O: BP 142/88, HR 72, weight 91.0 kg, BMI 28.7. Heart regular, no murmur.
Labs: total cholesterol 216, LDL 148, HDL 43, triglycerides 125. A1c 5.3. Creatinine 0.95.
A/P: 1. Hypertension, slightly above goal: continue lisinopril 20 mg daily, home readings, less salt. 2. Hyperlipidemia: 10-year ASCVD risk intermediate; statin recommended again, as last year; patient still prefers diet and exercise; recheck in a year. 3. Gout, quiet.
Electronically signed: Riley Okafor-Testdoc, MD.`;

export const PCP_NOTE_D9 = `PROGRESS NOTE (fictional test record)
Patient: Glenn Testpatient-Harrow, 58M. Established patient, acute concern.
S: Five weeks of central chest pressure walking uphill from the train and carrying groceries upstairs, relieved by rest within a few minutes. None at rest. Father had an MI at 52 (CABG).
O: BP 150/92, HR 78, weight 92.4 kg. Heart regular, no murmur. Lungs clear. Chest wall not tender.
ECG in office: sinus rhythm, normal ECG (see report).
Labs drawn today: lipid panel, basic metabolic panel, A1c.
A/P: Exertional chest pressure, concerning for angina. Start aspirin 81 mg daily. Urgent cardiology referral placed. Advised to call 911 for rest pain or pain lasting more than 15 minutes. Continue lisinopril 20 mg.
REFERRAL TO CARDIOLOGY: 58-year-old man with hypertension, untreated hyperlipidemia and a family history of premature coronary disease, with five weeks of exertional chest pressure. Resting ECG normal. Please evaluate for stable angina and advise on further testing.
Electronically signed: Riley Okafor-Testdoc, MD.`;

export const ECG_REPORT_D9 = `ECG REPORT (fictional test record), Example Valley Health primary care
12-lead resting ECG. Ventricular rate 74. PR 158 ms, QRS 92 ms, QT/QTc 384/418 ms, axis +45.
Machine interpretation: Normal sinus rhythm. Normal ECG.
Reviewed and confirmed by the ordering physician: Riley Okafor-Testdoc, MD.`;
