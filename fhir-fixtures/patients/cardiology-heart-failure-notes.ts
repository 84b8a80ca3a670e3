/**
 * Documents for the cardiology heart-failure fixture (fictional): Dr. Lindqvist's prior progress
 * notes, and the two outside records reviewed today, the Riverbend primary-care note and echo report.
 *
 * @module
 */
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import { NOTE_TYPE, refTo } from './builders/index.ts';
import type { ChartScope, WithId } from './builders/index.ts';
import { OUTSIDE_HOSPITAL } from './shared.ts';

type Visit = WithId<Encounter>;

/** The four documents, each tied to the finished visit that produced it. */
export function documents(
  chart: ChartScope,
  visits: { readonly d95: Visit; readonly d280: Visit; readonly pcp: Visit; readonly echo: Visit },
): DocumentReference[] {
  const riverbend = { author: refTo(OUTSIDE_HOSPITAL), custodian: refTo(OUTSIDE_HOSPITAL) };
  return [
    chart.note('d95', visits.d95, 'Cardiology progress note', CARDIO_NOTE_D95, '11:20'),
    chart.note('d280', visits.d280, 'Cardiology progress note', CARDIO_NOTE_D280, '15:10'),
    chart.note(
      'outside-pcp',
      visits.pcp,
      'Riverbend Medical Group office note',
      OUTSIDE_PCP_NOTE,
      '16:00',
      riverbend,
    ),
    chart.note('outside-echo', visits.echo, 'Riverbend echocardiogram report', OUTSIDE_ECHO_REPORT, '15:30', {
      ...riverbend,
      type: NOTE_TYPE.imagingStudy,
    }),
  ];
}

const CARDIO_NOTE_D95 = `CARDIOLOGY PROGRESS NOTE (fictional test record)
Patient: Gloria Testpatient-Marsh. Established patient.
S: Stable. Walks to the mailbox daily, one flight of stairs slowly. One pillow. Daily weights 72-73 kg. No bleeding on apixaban.
O: BP 126/76, HR 76 irregularly irregular, SpO2 97%, weight 72.5 kg. JVP not raised, lungs clear, trace ankle edema.
Labs: NT-proBNP 820 pg/mL, K 4.3, creatinine 0.90, eGFR 65.
A/P:
1. Chronic systolic heart failure (HFrEF, EF 35%), NYHA II, euvolemic. Continue sacubitril-valsartan 49/51 mg twice daily, metoprolol succinate 50 mg daily, spironolactone 25 mg daily, furosemide 40 mg daily.
2. Persistent atrial fibrillation, rate controlled. CHA2DS2-VASc 5. Continue apixaban 5 mg twice daily (no dose-reduction criteria).
3. Hypertension, at goal.
Call if weight up more than 1.5 kg. Return 3 months. Electronically signed: Sam Lindqvist-Testdoc, MD.`;

const CARDIO_NOTE_D280 = `CARDIOLOGY PROGRESS NOTE (fictional test record)
Patient: Gloria Testpatient-Marsh. Established patient.
S: Feels well after the sacubitril-valsartan titration.
O: BP 128/74, HR 78, weight 71.8 kg, lungs clear, no edema.
Labs: NT-proBNP 640 pg/mL, creatinine 0.88, eGFR 68.
A/P: HFrEF stable on guideline therapy; persistent atrial fibrillation on apixaban; hypertension controlled. Echo in about 6 months. Electronically signed: Sam Lindqvist-Testdoc, MD.`;

const OUTSIDE_PCP_NOTE = `RIVERBEND MEDICAL GROUP - OFFICE NOTE (fictional test record, received via health information exchange)
Patient: Gloria Testpatient-Marsh.
S: Dry cough for 5 days, mild fatigue. No fever. Followed by cardiology for heart failure and atrial fibrillation.
O: T 36.8 C, BP 130/76, HR 84 irregular, SpO2 96%. Few bibasilar crackles, trace ankle edema.
Labs drawn today: K 4.5, Na 138, creatinine 0.95, eGFR 61, NT-proBNP 1,450 pg/mL.
A/P: Likely viral upper respiratory infection. Transthoracic echocardiogram ordered to reassess LV function. Advised to keep her cardiology follow-up.
Signed: Jamie Riverside-Testdoc, MD, Riverbend Medical Group.`;

const OUTSIDE_ECHO_REPORT = `RIVERBEND REGIONAL HOSPITAL - TRANSTHORACIC ECHOCARDIOGRAM REPORT (fictional test record)
Patient: Gloria Testpatient-Marsh. Indication: heart failure, reassess LV function. Rhythm during study: atrial fibrillation.
Findings: Left ventricle moderately dilated, global hypokinesis. LVEF 30% by biplane Simpson (35% on prior study one year ago). Left atrium severely enlarged. Right ventricle normal size, mildly reduced function. Mild mitral regurgitation, unchanged. Estimated RV systolic pressure 42 mmHg. Small left pleural effusion. No pericardial effusion.
Impression: Dilated left ventricle with severely reduced systolic function, LVEF 30%, slightly lower than prior. Severe left atrial enlargement. Mildly elevated pulmonary pressure.
Interpreting physician: Robin Echo-Testdoc, MD, Riverbend Regional Hospital.`;
