/**
 * Primary-care acute-illness fixture: Devon Testpatient-Boateng, 46, State Medicaid, established with
 * Dr. Okafor, seen for five days of productive cough and fever. Today's rapid COVID/influenza
 * antigen results are in the chart (negative); a penicillin allergy and a long smoking history
 * shape the plan. The gold answer codes the bronchitis, never the pneumonia being ruled out.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  atTime,
  birthDateForAge,
  buildAllergy,
  buildCondition,
  buildCoverage,
  buildMedicationRequest,
  buildNote,
  buildPatient,
  buildPriorVisit,
  buildTodayVisit,
  daysBefore,
  NOTE_TYPE,
  refTo,
  transactionBundle,
} from './builders/index.ts';
import { gold } from './primary-care-bronchitis-gold.ts';
import { transcript } from './primary-care-bronchitis-transcript.ts';
import { CLINIC, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';
import { PRIOR_NOTE_D120, PRIOR_NOTE_D400 } from './primary-care-bronchitis-notes.ts';
import { observations } from './primary-care-bronchitis-observations.ts';

const P = 'rp-boateng';
const VISIT_TIME = '15:20';
const doctor = PRACTITIONER['primary-care'];
const dr = refTo(doctor);

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-boateng',
    mrn: 'RP-TEST-100007',
    given: ['Devon'],
    family: 'Testpatient-Boateng',
    gender: 'male',
    birthDate: birthDateForAge(today, 46, 150),
    houseNumber: 107,
    phoneLast2: 17,
  });
  const pt = refTo(patient);
  const visit = { patient: pt, practitioner: dr, clinic: refTo(CLINIC) };
  const d400 = buildPriorVisit({
    ...visit,
    id: `${P}-enc-d400`,
    day: daysBefore(today, 400),
    time: '11:00',
    minutes: 20,
    typeText: 'Office visit, established patient, acute',
    reasonText: 'Fever, cough and body aches for two days',
  });
  const d120 = buildPriorVisit({
    ...visit,
    id: `${P}-enc-d120`,
    day: daysBefore(today, 120),
    time: '09:40',
    minutes: 25,
    typeText: 'Office visit, established patient, follow-up',
    reasonText: 'Low back pain follow-up; labs',
  });
  const now = buildTodayVisit({
    ...visit,
    id: `${P}-enc-today`,
    day: today,
    time: VISIT_TIME,
    typeText: 'Office visit, established patient, acute (same day)',
    reasonText: 'Cough for 5 days with fever',
  });
  const at = (d: 400 | 120) => refTo(d === 400 ? d400 : d120);
  const backPain = buildCondition({
    id: `${P}-cond-low-back-pain`,
    patient: pt,
    icd10: { code: 'M54.50', display: 'Low back pain, unspecified' },
    snomed: { code: '279039007', display: 'Low back pain' },
    clinicalStatus: 'active',
    category: 'problem-list-item',
    onset: daysBefore(today, 900),
    recorder: dr,
  });

  return [
    patient,
    doctor,
    CLINIC,
    PAYER.medicaid,
    d400,
    d120,
    now,
    buildCondition({
      id: `${P}-cond-nicotine`,
      patient: pt,
      icd10: { code: 'F17.210', display: 'Nicotine dependence, cigarettes, uncomplicated' },
      snomed: { code: '56294008', display: 'Nicotine dependence' },
      clinicalStatus: 'active',
      category: 'problem-list-item',
      onset: '2000-01-01',
      recorder: dr,
      note: 'About 1 pack per day since age 18.',
    }),
    backPain,
    buildCondition({
      id: `${P}-cond-influenza`,
      patient: pt,
      icd10: {
        code: 'J10.1',
        display: 'Influenza due to other identified influenza virus with other respiratory manifestations',
      },
      snomed: { code: '6142004', display: 'Influenza' },
      clinicalStatus: 'resolved',
      category: 'encounter-diagnosis',
      onset: daysBefore(today, 402),
      abatement: daysBefore(today, 390),
      recorder: dr,
      encounter: at(400),
    }),
    buildMedicationRequest({
      id: `${P}-med-naproxen`,
      patient: pt,
      requester: dr,
      rxnorm: { code: '198014', display: 'naproxen 500 MG Oral Tablet' },
      dosageText: '1 tablet (500 mg) by mouth twice daily with food as needed for back pain',
      authoredOn: daysBefore(today, 120),
      encounter: at(120),
      reason: refTo(backPain),
      asNeeded: true,
      dispense: { quantity: 60, unit: 'tablet', refills: 1 },
    }),
    buildAllergy({
      id: `${P}-allergy-penicillin`,
      patient: pt,
      substance: { system: 'rxnorm', code: '70618', display: 'penicillin' },
      type: 'allergy',
      category: 'medication',
      criticality: 'low',
      manifestation: { code: '126485001', display: 'Urticaria' },
      severity: 'moderate',
      recorded: '2016-05-10',
      recorder: dr,
      note: 'Generalised hives as a child after amoxicillin.',
    }),
    ...observations({ today, patient: pt, at: (d) => (d === 0 ? refTo(now) : at(d)) }),
    buildNote({
      id: `${P}-note-d400`,
      patient: pt,
      author: dr,
      type: NOTE_TYPE.progressNote,
      title: 'Progress note: influenza-like illness',
      text: PRIOR_NOTE_D400,
      encounter: at(400),
      date: atTime(daysBefore(today, 400), '12:15'),
      period: d400.period ?? {},
    }),
    buildNote({
      id: `${P}-note-d120`,
      patient: pt,
      author: dr,
      type: NOTE_TYPE.progressNote,
      title: 'Progress note: low back pain follow-up',
      text: PRIOR_NOTE_D120,
      encounter: at(120),
      date: atTime(daysBefore(today, 120), '10:40'),
      period: d120.period ?? {},
    }),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.medicaid),
      kind: 'medicaid',
      subscriberId: 'MCD-TEST-100007',
      relationship: 'self',
      start: daysBefore(today, 1500),
      planName: 'State Medicaid Managed Care',
    }),
  ];
}

export const primaryCareBronchitis: PatientFixture = {
  key: 'primary-care-bronchitis',
  specialty: 'primary-care',
  summary: 'Same-day visit: cough and fever for 5 days in a daily smoker (State Medicaid)',
  patientId: 'rp-pt-boateng',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
