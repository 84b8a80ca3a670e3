/**
 * Paediatrics fixture: Milo Testpatient-Brook, 4, State Medicaid, established with Dr. Moreno,
 * brought by his mother with fever and LEFT ear pain. His chart holds a RIGHT ear infection a
 * year ago (resolved), resolved iron deficiency anemia, active eczema and "no known allergies".
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  birthDateForAge,
  buildCoverage,
  buildNoKnownAllergies,
  buildPatient,
  chartScope,
  daysBefore,
  refTo,
  transactionBundle,
} from './builders/index.ts';
import { gold } from './paediatrics-otitis-media-gold.ts';
import { documents } from './paediatrics-otitis-media-notes.ts';
import { observations } from './paediatrics-otitis-media-observations.ts';
import { transcript } from './paediatrics-otitis-media-transcript.ts';
import { CLINIC, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';

const P = 'rp-brook';
const VISIT_TIME = '11:15';
const doctor = PRACTITIONER.paediatrics;
const dr = refTo(doctor);

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-brook',
    mrn: 'RP-TEST-100004',
    given: ['Milo'],
    family: 'Testpatient-Brook',
    gender: 'male',
    birthDate: birthDateForAge(today, 4, 95),
    houseNumber: 104,
    phoneLast2: 14,
    contact: { given: 'Dana', family: 'Testpatient-Brook', relationship: 'MTH', phoneLast2: 15 },
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
  const sameDay = 'Office visit, established patient, acute (same day)';
  const well = chart.priorVisit('well3', {
    daysAgo: 430,
    time: '09:45',
    minutes: 30,
    typeText: 'Well child visit, 3 years',
    reasonText: '3-year well child check',
  });
  const aom = chart.priorVisit('d400', {
    daysAgo: 400,
    time: '14:20',
    minutes: 15,
    typeText: sameDay,
    reasonText: 'Right ear pain and fever',
  });
  const visit = chart.todayVisit({
    time: VISIT_TIME,
    typeText: sameDay,
    reasonText: 'Fever and left ear pain since last night',
  });

  return [
    patient,
    doctor,
    CLINIC,
    PAYER.medicaid,
    well,
    aom,
    visit,
    chart.condition(
      'eczema',
      { code: 'L20.9', display: 'Atopic dermatitis, unspecified' },
      { code: '24079001', display: 'Atopic dermatitis' },
      birthDateForAge(today, 3, 95),
    ),
    chart.condition(
      'ida',
      { code: 'D50.9', display: 'Iron deficiency anemia, unspecified' },
      { code: '87522002', display: 'Iron deficiency anemia' },
      daysBefore(today, 1180),
      { abatement: daysBefore(today, 800) },
    ),
    chart.condition(
      'aom-right',
      {
        code: 'H66.001',
        display: 'Acute suppurative otitis media without spontaneous rupture of ear drum, right ear',
      },
      { code: '65363002', display: 'Otitis media' },
      daysBefore(today, 401),
      { category: 'encounter-diagnosis', abatement: daysBefore(today, 390), encounter: refTo(aom) },
    ),
    chart.medication(
      'ibuprofen',
      { code: '197803', display: 'ibuprofen 20 MG/ML Oral Suspension' },
      '7.5 mL (150 mg) by mouth every 6-8 hours as needed for fever or pain, with food',
      daysBefore(today, 400),
      { asNeeded: true, encounter: refTo(aom) },
    ),
    buildNoKnownAllergies({
      id: `${P}-allergy-nka`,
      patient: pt,
      recorded: daysBefore(today, 430),
      recorder: dr,
    }),
    ...observations({ idPrefix: P, patient: pt, today, encounterAt: chart.encounterAt(visit, well, aom) }),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.medicaid),
      kind: 'medicaid',
      subscriberId: 'MCD-TEST-100004',
      relationship: 'self',
      start: birthDateForAge(today, 4, 90),
      planName: 'State Medicaid Child Health',
    }),
    ...documents(chart, { well, aom }),
  ];
}

export const paediatricsOtitisMedia: PatientFixture = {
  key: 'paediatrics-otitis-media',
  specialty: 'paediatrics',
  summary: '4-year-old with fever and left ear pain after a cold; mother gives the history (Medicaid)',
  patientId: 'rp-pt-brook',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
