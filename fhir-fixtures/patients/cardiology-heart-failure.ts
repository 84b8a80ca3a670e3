/**
 * Cardiology fixture: Gloria Testpatient-Marsh, 78, Medicare, established with Dr. Lindqvist:
 * persistent atrial fibrillation on apixaban and HFrEF with a mild exacerbation (weight up,
 * edema, NT-proBNP climbing). Two outside records (the Riverbend primary-care visit with its labs,
 * and the Riverbend echo) sit in the bundle as finished outside encounters with their documents.
 *
 * @module
 */
import type { Encounter, Resource } from '@medplum/fhirtypes';
import type { Coded } from './builders/index.ts';
import {
  birthDateForAge,
  buildAllergy,
  buildCondition,
  buildCoverage,
  buildMedicationRequest,
  buildPatient,
  buildPriorVisit,
  buildTodayVisit,
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

/** Whole days from an encounter's start to `today`. */
function daysAgoOf(today: string, e: Encounter): number {
  return Math.round((Date.parse(today) - Date.parse(e.period?.start?.slice(0, 10) ?? today)) / 86_400_000);
}

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
  const ours = { patient: pt, practitioner: dr, clinic: refTo(CLINIC) };
  const outside = { patient: pt, clinic: refTo(OUTSIDE_HOSPITAL) };
  const followUp = 'Office visit, established patient, cardiology follow-up';
  // [id, days ago, time, minutes, type, reason, outside?]
  const prior = (
    id: string,
    daysAgo: number,
    time: string,
    minutes: number,
    typeText: string,
    reasonText: string,
    out = false,
  ) =>
    buildPriorVisit({
      ...(out ? outside : ours),
      id: `${P}-enc-${id}`,
      day: daysBefore(today, daysAgo),
      time,
      minutes,
      typeText,
      reasonText,
    });
  const d95 = prior('d95', 95, '10:00', 30, followUp, 'Heart failure and atrial fibrillation follow-up');
  const d280 = prior(
    'd280',
    280,
    '14:00',
    30,
    followUp,
    'Heart failure follow-up after medication titration',
  );
  const pcp = prior(
    'outside-pcp',
    24,
    '11:00',
    20,
    'Outside office visit (Riverbend Medical Group)',
    'Cough and fatigue',
    true,
  );
  const echo = prior(
    'outside-echo',
    21,
    '08:00',
    45,
    'Outside outpatient imaging (Riverbend Regional Hospital)',
    'Transthoracic echocardiogram',
    true,
  );
  const visit = buildTodayVisit({
    ...ours,
    id: `${P}-enc-today`,
    day: today,
    time: VISIT_TIME,
    typeText: followUp,
    reasonText: 'Weight gain and ankle swelling for 10 days; heart failure and atrial fibrillation',
  });

  const byDay = new Map([visit, d95, d280, pcp].map((e) => [daysAgoOf(today, e), refTo(e)] as const));
  const problem = (id: string, icd10: Coded, snomed: Coded, onset: string) =>
    buildCondition({
      id: `${P}-cond-${id}`,
      patient: pt,
      icd10,
      snomed,
      clinicalStatus: 'active',
      category: 'problem-list-item',
      onset,
      recorder: dr,
    });
  const med = (id: string, code: string, display: string, dosageText: string, daysAgo: number) =>
    buildMedicationRequest({
      id: `${P}-med-${id}`,
      patient: pt,
      requester: dr,
      rxnorm: { code, display },
      dosageText,
      authoredOn: daysBefore(today, daysAgo),
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
    problem(
      'af',
      { code: 'I48.19', display: 'Other persistent atrial fibrillation' },
      { code: '440059007', display: 'Persistent atrial fibrillation' },
      daysBefore(today, 1150),
    ),
    problem(
      'hf',
      { code: 'I50.22', display: 'Chronic systolic (congestive) heart failure' },
      { code: '703272007', display: 'Heart failure with reduced ejection fraction' },
      daysBefore(today, 760),
    ),
    problem(
      'htn',
      { code: 'I10', display: 'Essential (primary) hypertension' },
      { code: '59621000', display: 'Essential hypertension' },
      '2004-06-01',
    ),
    buildCondition({
      id: `${P}-cond-pneumonia`,
      patient: pt,
      icd10: { code: 'J18.9', display: 'Pneumonia, unspecified organism' },
      snomed: { code: '385093006', display: 'Community acquired pneumonia' },
      clinicalStatus: 'resolved',
      category: 'problem-list-item',
      onset: daysBefore(today, 430),
      abatement: daysBefore(today, 405),
    }),
    med('apixaban', '1364445', 'apixaban 5 MG Oral Tablet', '1 tablet (5 mg) by mouth twice daily', 95),
    med(
      'metoprolol',
      '866436',
      '24 HR metoprolol succinate 50 MG Extended Release Oral Tablet',
      '1 tablet (50 mg) by mouth once daily',
      95,
    ),
    med(
      'sacval',
      '1656349',
      'sacubitril 49 MG / valsartan 51 MG Oral Tablet',
      '1 tablet by mouth twice daily',
      280,
    ),
    med(
      'spironolactone',
      '313096',
      'spironolactone 25 MG Oral Tablet',
      '1 tablet (25 mg) by mouth once daily',
      95,
    ),
    med(
      'furosemide',
      '313988',
      'furosemide 40 MG Oral Tablet',
      '1 tablet (40 mg) by mouth once daily in the morning',
      95,
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
    ...observations({ idPrefix: P, patient: pt, today, encounterAt: (d) => byDay.get(d) }),
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
    ...documents({ patient: pt, doctor: dr, today, d95, d280, pcp, echo }),
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
