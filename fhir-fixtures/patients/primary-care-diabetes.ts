/**
 * Primary-care fixture: Walter Testpatient-Quill, 72, Medicare, established with Dr. Okafor, back
 * for type 2 diabetes with rising A1c, CKD stage 3a with falling eGFR, hypertension above goal and
 * hyperlipidemia. The problem list holds what the EHR holds (I10, E11.65); the gold answer holds
 * what a coder reports today (I12.9 and E11.22 by the ICD-10-CM "with" convention).
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  birthDateForAge,
  bloodPressureTrend,
  buildAllergy,
  buildCoverage,
  buildPatient,
  chartScope,
  daysBefore,
  LAB,
  labTrend,
  pts,
  refTo,
  transactionBundle,
  vitalTrend,
} from './builders/index.ts';
import { gold } from './primary-care-diabetes-gold.ts';
import { PRIOR_NOTE_D100, PRIOR_NOTE_D190 } from './primary-care-diabetes-notes.ts';
import { transcript } from './primary-care-diabetes-transcript.ts';
import { CLINIC, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';

const P = 'rp-quill';
const VISIT_TIME = '08:30';
const doctor = PRACTITIONER['primary-care'];
const dr = refTo(doctor);

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-quill',
    mrn: 'RP-TEST-100001',
    given: ['Walter'],
    family: 'Testpatient-Quill',
    gender: 'male',
    birthDate: birthDateForAge(today, 72, 140),
    houseNumber: 101,
    phoneLast2: 11,
  });
  const pt = refTo(patient);
  const chart = chartScope({ prefix: P, patient: pt, practitioner: dr, clinic: refTo(CLINIC), today });
  const followUp = 'Office visit, established patient, chronic care follow-up';
  const prior1 = chart.priorVisit('d100', {
    daysAgo: 100,
    time: '09:00',
    minutes: 25,
    typeText: followUp,
    reasonText: 'Diabetes, blood pressure and kidney follow-up',
  });
  const prior2 = chart.priorVisit('d190', {
    daysAgo: 190,
    time: '10:30',
    minutes: 25,
    typeText: followUp,
    reasonText: 'Diabetes and blood pressure follow-up',
  });
  const today1 = chart.todayVisit({
    time: VISIT_TIME,
    typeText: followUp,
    reasonText: '3-month follow-up: diabetes, blood pressure, kidney function; review labs',
  });
  // Every prescription on this list is a 90-day supply with three refills.
  const supply = { dispense: { quantity: 90, unit: 'tablet', refills: 3 } };
  const trend = { idPrefix: P, patient: pt, today, encounterAt: chart.encounterAt(today1, prior1, prior2) };
  const labs = { idPrefix: P, patient: pt, today };

  return [
    patient,
    doctor,
    CLINIC,
    PAYER.medicare,
    prior2,
    prior1,
    today1,
    chart.condition(
      't2dm',
      { code: 'E11.65', display: 'Type 2 diabetes mellitus with hyperglycemia' },
      { code: '44054006', display: 'Diabetes mellitus type 2' },
      '2014-05-01',
    ),
    chart.condition(
      'htn',
      { code: 'I10', display: 'Essential (primary) hypertension' },
      { code: '59621000', display: 'Essential hypertension' },
      '2009-03-01',
    ),
    chart.condition(
      'ckd3a',
      { code: 'N18.31', display: 'Chronic kidney disease, stage 3a' },
      { code: '700378005', display: 'Chronic kidney disease stage 3A' },
      daysBefore(today, 190),
    ),
    chart.condition(
      'hld',
      { code: 'E78.5', display: 'Hyperlipidemia, unspecified' },
      { code: '55822004', display: 'Hyperlipidemia' },
      '2011-08-01',
    ),
    chart.condition(
      'sinusitis',
      { code: 'J01.90', display: 'Acute sinusitis, unspecified' },
      { code: '444814009', display: 'Viral sinusitis' },
      daysBefore(today, 420),
      { category: 'encounter-diagnosis', abatement: daysBefore(today, 400) },
    ),
    chart.medication(
      'metformin',
      { code: '861004', display: 'metformin hydrochloride 1000 MG Oral Tablet' },
      '1 tablet (1000 mg) by mouth twice daily with breakfast and supper',
      daysBefore(today, 100),
      supply,
    ),
    chart.medication(
      'lisinopril',
      { code: '314077', display: 'lisinopril 20 MG Oral Tablet' },
      '1 tablet (20 mg) by mouth once daily',
      daysBefore(today, 190),
      supply,
    ),
    chart.medication(
      'atorvastatin',
      { code: '617310', display: 'atorvastatin 20 MG Oral Tablet' },
      '1 tablet (20 mg) by mouth at bedtime',
      daysBefore(today, 100),
      supply,
    ),
    buildAllergy({
      id: `${P}-allergy-sulfa`,
      patient: pt,
      substance: { system: 'rxnorm', code: '10180', display: 'sulfamethoxazole' },
      type: 'allergy',
      category: 'medication',
      criticality: 'low',
      manifestation: { code: '271807003', display: 'Eruption of skin' },
      severity: 'moderate',
      recorded: '2015-02-10',
      note: 'Generalised rash after trimethoprim-sulfamethoxazole in 2015.',
    }),
    ...bloodPressureTrend({
      ...trend,
      points: pts([370, [138, 82]], [190, [142, 84]], [100, [146, 86]], [0, [148, 88]]),
    }),
    ...vitalTrend('weight', { ...trend, points: pts([370, 98.0], [190, 97.2], [100, 96.8], [0, 97.5]) }),
    ...vitalTrend('height', { ...trend, points: pts([370, 178]) }),
    ...vitalTrend('bmi', { ...trend, points: pts([190, 30.7], [100, 30.6], [0, 30.8]) }),
    ...vitalTrend('heartRate', { ...trend, points: pts([100, 74], [0, 76]) }),
    ...vitalTrend('temperature', { ...trend, points: pts([0, 36.7]) }),
    ...vitalTrend('spo2', { ...trend, points: pts([0, 97]) }),
    // Labs drawn last week were ordered at the d100 visit; they are results, not visit measurements.
    ...labTrend('a1c', LAB.hba1c, { ...labs, points: pts([370, 7.2], [190, 7.6], [100, 8.1], [6, 8.6]) }),
    ...labTrend('egfr', LAB.egfr, { ...labs, points: pts([370, 62], [190, 57], [100, 53], [6, 48]) }),
    ...labTrend('creatinine', LAB.creatinine, {
      ...labs,
      points: pts([370, 1.23], [190, 1.32], [100, 1.41], [6, 1.53]),
    }),
    ...labTrend('potassium', LAB.potassium, { ...labs, points: pts([100, 4.4], [6, 4.6]) }),
    ...labTrend('sodium', LAB.sodium, { ...labs, points: pts([6, 139]) }),
    ...labTrend('glucose', LAB.glucose, { ...labs, points: pts([100, 158], [6, 171]) }),
    ...labTrend('ldl', LAB.ldl, { ...labs, points: pts([370, 74], [6, 68]) }),
    ...labTrend('uacr', LAB.uacr, { ...labs, points: pts([370, 38]) }),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.medicare),
      kind: 'medicare',
      subscriberId: 'MCR-TEST-100001',
      relationship: 'self',
      start: birthDateForAge(today, 7, 140),
      planName: 'Medicare Part B',
    }),
    chart.note(
      'd100',
      prior1,
      'Progress note: diabetes and hypertension follow-up',
      PRIOR_NOTE_D100,
      '12:10',
    ),
    chart.note('d190', prior2, 'Progress note: diabetes follow-up', PRIOR_NOTE_D190, '13:05'),
  ];
}

export const primaryCareDiabetes: PatientFixture = {
  key: 'primary-care-diabetes',
  specialty: 'primary-care',
  summary: 'Type 2 diabetes with rising A1c, CKD 3a, hypertension: 3-month follow-up (Medicare)',
  patientId: 'rp-pt-quill',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
