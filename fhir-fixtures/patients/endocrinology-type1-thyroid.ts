/**
 * Endocrinology fixture: Jordan Testpatient-Alder, 34, Evergreen Health Plan (commercial), a NEW
 * patient to Dr. Haddad, referred by her primary-care doctor (same clinic, different specialty, so
 * the referral note counts as external) for nocturnal hypoglycemia on insulin (type 1 diabetes) and
 * a rising TSH on levothyroxine. Her Lakeport endocrinologist's note sits with a finished outside
 * encounter.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  birthDateForAge,
  buildAllergy,
  buildCoverage,
  buildOrganization,
  buildPatient,
  chartScope,
  daysBefore,
  refTo,
  transactionBundle,
} from './builders/index.ts';
import { gold } from './endocrinology-type1-thyroid-gold.ts';
import { documents } from './endocrinology-type1-thyroid-notes.ts';
import { observations } from './endocrinology-type1-thyroid-observations.ts';
import { transcript } from './endocrinology-type1-thyroid-transcript.ts';
import { CLINIC, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';

const P = 'rp-alder';
const VISIT_TIME = '10:00';
const doctor = PRACTITIONER.endocrinology;
const pcpDoctor = PRACTITIONER['primary-care'];

/** Her previous endocrinologist, in the city she moved from. */
const LAKEPORT = buildOrganization({
  id: 'rp-org-lakeport-endocrine',
  name: 'Lakeport Endocrine Associates (Fictional)',
  kind: 'prov',
  npi: '9999900300',
  houseNumber: 700,
  phoneLast2: 70,
});

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-alder',
    mrn: 'RP-TEST-100003',
    given: ['Jordan'],
    family: 'Testpatient-Alder',
    gender: 'female',
    birthDate: birthDateForAge(today, 34, 75),
    houseNumber: 103,
    phoneLast2: 13,
  });
  const pt = refTo(patient);
  const pcp = refTo(pcpDoctor);
  // Her chart here is primary care's so far: Dr. Okafor recorded her problems and medications.
  const chart = chartScope({
    prefix: P,
    patient: pt,
    practitioner: pcp,
    clinic: refTo(CLINIC),
    today,
    noteSegment: 'doc',
  });
  const d120 = chart.priorVisit('d120', {
    daysAgo: 120,
    time: '11:30',
    minutes: 40,
    typeText: 'Office visit, new patient, primary care (establish care)',
    reasonText: 'New to the area; establish primary care',
  });
  const d30 = chart.priorVisit('d30', {
    daysAgo: 30,
    time: '16:00',
    minutes: 25,
    typeText: 'Office visit, established patient, primary care',
    reasonText: 'Night-time low blood sugars; thyroid follow-up',
  });
  const outside = chart.priorVisit('lakeport', {
    daysAgo: 400,
    time: '15:00',
    minutes: 30,
    typeText: 'Outside office visit (Lakeport Endocrine Associates)',
    reasonText: 'Diabetes and thyroid follow-up',
    outside: { clinic: refTo(LAKEPORT) },
  });
  const visit = chart.todayVisit({
    practitioner: refTo(doctor),
    time: VISIT_TIME,
    typeText: 'Office visit, new patient, endocrinology (referred by primary care)',
    reasonText: 'Referral: recurrent nocturnal hypoglycemia on insulin; rising TSH on levothyroxine',
  });
  // Refilled at the establish-care visit.
  const refilled = daysBefore(today, 120);

  return [
    patient,
    doctor,
    pcpDoctor,
    CLINIC,
    LAKEPORT,
    PAYER.evergreen,
    outside,
    d120,
    d30,
    visit,
    chart.condition(
      't1dm',
      { code: 'E10.9', display: 'Type 1 diabetes mellitus without complications' },
      { code: '46635009', display: 'Diabetes mellitus type 1' },
      birthDateForAge(today, 22, 75),
    ),
    chart.condition(
      'hypothyroid',
      { code: 'E03.9', display: 'Hypothyroidism, unspecified' },
      { code: '40930008', display: 'Hypothyroidism' },
      birthDateForAge(today, 10, 75),
    ),
    chart.condition(
      'pharyngitis',
      { code: 'J02.9', display: 'Acute pharyngitis, unspecified' },
      { code: '195662009', display: 'Acute viral pharyngitis' },
      daysBefore(today, 95),
      { category: 'encounter-diagnosis', abatement: daysBefore(today, 85) },
    ),
    chart.medication(
      'levothyroxine',
      { code: '966171', display: 'levothyroxine sodium 0.075 MG Oral Tablet [Synthroid]' },
      '1 tablet (75 mcg) by mouth once daily in the morning',
      refilled,
    ),
    chart.medication(
      'glargine',
      { code: '847232', display: '3 ML insulin glargine 100 UNT/ML Pen Injector [Lantus]' },
      '24 units subcutaneously at bedtime',
      refilled,
    ),
    chart.medication(
      'lispro',
      { code: '1652640', display: '3 ML insulin lispro 100 UNT/ML Pen Injector [Humalog]' },
      'Subcutaneously with meals: 1 unit per 10 g carbohydrate, plus 1 unit per 50 mg/dL above 150 mg/dL',
      refilled,
    ),
    buildAllergy({
      id: `${P}-allergy-penicillin`,
      patient: pt,
      substance: { system: 'rxnorm', code: '7980', display: 'penicillin G' },
      type: 'allergy',
      category: 'medication',
      criticality: 'low',
      manifestation: { code: '126485001', display: 'Urticaria' },
      severity: 'moderate',
      recorded: daysBefore(today, 120),
      recorder: pcp,
      note: 'Hives to penicillin in childhood.',
    }),
    ...observations({
      idPrefix: P,
      patient: pt,
      today,
      encounterAt: chart.encounterAt(visit, d30, d120, outside),
    }),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.evergreen),
      kind: 'commercial',
      subscriberId: 'EVG-TEST-100003',
      relationship: 'self',
      start: daysBefore(today, 130),
      planName: 'Evergreen PPO',
      groupId: 'GRP-TEST-EVG-0077',
    }),
    ...documents(chart, { lakeport: refTo(LAKEPORT), d30, d120, outside }),
  ];
}

export const endocrinologyType1Thyroid: PatientFixture = {
  key: 'endocrinology-type1-thyroid',
  specialty: 'endocrinology',
  summary:
    'New patient: type 1 diabetes with night-time lows on insulin, rising TSH on levothyroxine (Evergreen)',
  patientId: 'rp-pt-alder',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
