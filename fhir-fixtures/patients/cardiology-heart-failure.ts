/**
 * Cardiology fixture: Gloria Testpatient-Marsh, 78, Medicare, established with Dr. Lindqvist:
 * persistent atrial fibrillation on apixaban and HFrEF with a mild exacerbation (weight up,
 * edema, NT-proBNP climbing). Two outside records (the Riverbend primary-care visit with its labs,
 * and the Riverbend echo) sit in the bundle as finished outside encounters with their documents.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  birthDateForAge,
  buildAllergy,
  buildCoverage,
  buildPatient,
  chartScope,
  daysBefore,
  refTo,
  transactionBundle,
} from './builders/index.ts';
import { gold } from './cardiology-heart-failure-gold.ts';
import { observations } from './cardiology-heart-failure-observations.ts';
import { documents } from './cardiology-heart-failure-notes.ts';
import { transcript } from './cardiology-heart-failure-transcript.ts';
import { CLINIC, OUTSIDE_HOSPITAL, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';

const P = 'rp-marsh';
const VISIT_TIME = '09:15';
const doctor = PRACTITIONER.cardiology;
const dr = refTo(doctor);

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-marsh',
    mrn: 'RP-TEST-100002',
    given: ['Gloria'],
    family: 'Testpatient-Marsh',
    gender: 'female',
    birthDate: birthDateForAge(today, 78, 200),
    houseNumber: 102,
    phoneLast2: 12,
  });
  const pt = refTo(patient);
  const chart = chartScope({
    prefix: P,
    patient: pt,
    practitioner: dr,
    clinic: refTo(CLINIC),
    today,
    noteSegment: 'doc',
  });
  const riverbend = { clinic: refTo(OUTSIDE_HOSPITAL) };
  const followUp = 'Office visit, established patient, cardiology follow-up';
  const d95 = chart.priorVisit('d95', {
    daysAgo: 95,
    time: '10:00',
    minutes: 30,
    typeText: followUp,
    reasonText: 'Heart failure and atrial fibrillation follow-up',
  });
  const d280 = chart.priorVisit('d280', {
    daysAgo: 280,
    time: '14:00',
    minutes: 30,
    typeText: followUp,
    reasonText: 'Heart failure follow-up after medication titration',
  });
  const pcp = chart.priorVisit('outside-pcp', {
    daysAgo: 24,
    time: '11:00',
    minutes: 20,
    typeText: 'Outside office visit (Riverbend Medical Group)',
    reasonText: 'Cough and fatigue',
    outside: riverbend,
  });
  const echo = chart.priorVisit('outside-echo', {
    daysAgo: 21,
    time: '08:00',
    minutes: 45,
    typeText: 'Outside outpatient imaging (Riverbend Regional Hospital)',
    reasonText: 'Transthoracic echocardiogram',
    outside: riverbend,
  });
  const visit = chart.todayVisit({
    time: VISIT_TIME,
    typeText: followUp,
    reasonText: 'Weight gain and ankle swelling for 10 days; heart failure and atrial fibrillation',
  });
  return [
    patient,
    doctor,
    CLINIC,
    OUTSIDE_HOSPITAL,
    PAYER.medicare,
    d280,
    d95,
    pcp,
    echo,
    visit,
    chart.condition(
      'af',
      { code: 'I48.19', display: 'Other persistent atrial fibrillation' },
      { code: '440059007', display: 'Persistent atrial fibrillation' },
      daysBefore(today, 1150),
    ),
    chart.condition(
      'hf',
      { code: 'I50.22', display: 'Chronic systolic (congestive) heart failure' },
      { code: '703272007', display: 'Heart failure with reduced ejection fraction' },
      daysBefore(today, 760),
    ),
    chart.condition(
      'htn',
      { code: 'I10', display: 'Essential (primary) hypertension' },
      { code: '59621000', display: 'Essential hypertension' },
      '2004-06-01',
    ),
    chart.condition(
      'pneumonia',
      { code: 'J18.9', display: 'Pneumonia, unspecified organism' },
      { code: '385093006', display: 'Community acquired pneumonia' },
      daysBefore(today, 430),
      { abatement: daysBefore(today, 405), recorder: null },
    ),
    chart.medication(
      'apixaban',
      { code: '1364445', display: 'apixaban 5 MG Oral Tablet' },
      '1 tablet (5 mg) by mouth twice daily',
      daysBefore(today, 95),
    ),
    chart.medication(
      'metoprolol',
      { code: '866436', display: '24 HR metoprolol succinate 50 MG Extended Release Oral Tablet' },
      '1 tablet (50 mg) by mouth once daily',
      daysBefore(today, 95),
    ),
    chart.medication(
      'sacval',
      { code: '1656349', display: 'sacubitril 49 MG / valsartan 51 MG Oral Tablet' },
      '1 tablet by mouth twice daily',
      daysBefore(today, 280),
    ),
    chart.medication(
      'spironolactone',
      { code: '313096', display: 'spironolactone 25 MG Oral Tablet' },
      '1 tablet (25 mg) by mouth once daily',
      daysBefore(today, 95),
    ),
    chart.medication(
      'furosemide',
      { code: '313988', display: 'furosemide 40 MG Oral Tablet' },
      '1 tablet (40 mg) by mouth once daily in the morning',
      daysBefore(today, 95),
    ),
    buildAllergy({
      id: `${P}-allergy-lisinopril`,
      patient: pt,
      substance: { system: 'rxnorm', code: '29046', display: 'lisinopril' },
      type: 'intolerance',
      category: 'medication',
      criticality: 'low',
      manifestation: { code: '49727002', display: 'Cough' },
      severity: 'mild',
      recorded: daysBefore(today, 900),
      note: 'Persistent dry cough on lisinopril; no angioedema.',
    }),
    ...observations({
      idPrefix: P,
      patient: pt,
      today,
      encounterAt: chart.encounterAt(visit, d95, d280, pcp),
    }),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.medicare),
      kind: 'medicare',
      subscriberId: 'MCR-TEST-100002',
      relationship: 'self',
      start: birthDateForAge(today, 13, 200),
      planName: 'Medicare Part B',
    }),
    ...documents(chart, { d95, d280, pcp, echo }),
  ];
}

export const cardiologyHeartFailure: PatientFixture = {
  key: 'cardiology-heart-failure',
  specialty: 'cardiology',
  summary: 'HFrEF with mild exacerbation (weight up, edema) and persistent AF on apixaban (Medicare)',
  patientId: 'rp-pt-marsh',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
