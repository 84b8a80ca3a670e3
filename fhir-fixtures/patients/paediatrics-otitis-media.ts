/**
 * Paediatrics fixture: Milo Testpatient-Brook, 4, State Medicaid, established with Dr. Moreno,
 * brought by his mother with fever and LEFT ear pain. His chart holds a RIGHT ear infection a
 * year ago (resolved), resolved iron deficiency anemia, active eczema and "no known allergies".
 *
 * @module
 */
import type { Encounter, Resource } from '@medplum/fhirtypes';
import {
  birthDateForAge,
  buildCondition,
  buildCoverage,
  buildMedicationRequest,
  buildNoKnownAllergies,
  buildPatient,
  buildPriorVisit,
  buildTodayVisit,
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

function daysAgoOf(today: string, e: Encounter): number {
  return Math.round((Date.parse(today) - Date.parse(e.period?.start?.slice(0, 10) ?? today)) / 86_400_000);
}

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
  const ours = { patient: pt, practitioner: dr, clinic: refTo(CLINIC) };
  const well = buildPriorVisit({
    ...ours,
    id: `${P}-enc-well3`,
    day: daysBefore(today, 430),
    time: '09:45',
    minutes: 30,
    typeText: 'Well child visit, 3 years',
    reasonText: '3-year well child check',
  });
  const aom = buildPriorVisit({
    ...ours,
    id: `${P}-enc-d400`,
    day: daysBefore(today, 400),
    time: '14:20',
    minutes: 15,
    typeText: 'Office visit, established patient, acute (same day)',
    reasonText: 'Right ear pain and fever',
  });
  const visit = buildTodayVisit({
    ...ours,
    id: `${P}-enc-today`,
    day: today,
    time: VISIT_TIME,
    typeText: 'Office visit, established patient, acute (same day)',
    reasonText: 'Fever and left ear pain since last night',
  });
  const byDay = new Map([visit, well, aom].map((e) => [daysAgoOf(today, e), refTo(e)] as const));

  return [
    patient,
    doctor,
    CLINIC,
    PAYER.medicaid,
    well,
    aom,
    visit,
    buildCondition({
      id: `${P}-cond-eczema`,
      patient: pt,
      icd10: { code: 'L20.9', display: 'Atopic dermatitis, unspecified' },
      snomed: { code: '24079001', display: 'Atopic dermatitis' },
      clinicalStatus: 'active',
      category: 'problem-list-item',
      onset: birthDateForAge(today, 3, 95),
      recorder: dr,
    }),
    buildCondition({
      id: `${P}-cond-ida`,
      patient: pt,
      icd10: { code: 'D50.9', display: 'Iron deficiency anemia, unspecified' },
      snomed: { code: '87522002', display: 'Iron deficiency anemia' },
      clinicalStatus: 'resolved',
      category: 'problem-list-item',
      onset: daysBefore(today, 1180),
      abatement: daysBefore(today, 800),
      recorder: dr,
    }),
    buildCondition({
      id: `${P}-cond-aom-right`,
      patient: pt,
      icd10: {
        code: 'H66.001',
        display: 'Acute suppurative otitis media without spontaneous rupture of ear drum, right ear',
      },
      snomed: { code: '65363002', display: 'Otitis media' },
      clinicalStatus: 'resolved',
      category: 'encounter-diagnosis',
      onset: daysBefore(today, 401),
      abatement: daysBefore(today, 390),
      encounter: refTo(aom),
      recorder: dr,
    }),
    buildMedicationRequest({
      id: `${P}-med-ibuprofen`,
      patient: pt,
      requester: dr,
      rxnorm: { code: '197803', display: 'ibuprofen 20 MG/ML Oral Suspension' },
      dosageText: '7.5 mL (150 mg) by mouth every 6-8 hours as needed for fever or pain, with food',
      asNeeded: true,
      authoredOn: daysBefore(today, 400),
      encounter: refTo(aom),
    }),
    buildNoKnownAllergies({
      id: `${P}-allergy-nka`,
      patient: pt,
      recorded: daysBefore(today, 430),
      recorder: dr,
    }),
    ...observations({ idPrefix: P, patient: pt, today, encounterAt: (d) => byDay.get(d) }),
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
    ...documents({ patient: pt, doctor: dr, today, well, aom }),
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
