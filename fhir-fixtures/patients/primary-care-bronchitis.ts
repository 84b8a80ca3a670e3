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
  birthDateForAge,
  buildAllergy,
  buildCoverage,
  buildPatient,
  chartScope,
  daysBefore,
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
  const chart = chartScope({ prefix: P, patient: pt, practitioner: dr, clinic: refTo(CLINIC), today });
  const d400 = chart.priorVisit('d400', {
    daysAgo: 400,
    time: '11:00',
    minutes: 20,
    typeText: 'Office visit, established patient, acute',
    reasonText: 'Fever, cough and body aches for two days',
  });
  const d120 = chart.priorVisit('d120', {
    daysAgo: 120,
    time: '09:40',
    minutes: 25,
    typeText: 'Office visit, established patient, follow-up',
    reasonText: 'Low back pain follow-up; labs',
  });
  const now = chart.todayVisit({
    time: VISIT_TIME,
    typeText: 'Office visit, established patient, acute (same day)',
    reasonText: 'Cough for 5 days with fever',
  });
  const at = (d: 400 | 120) => refTo(d === 400 ? d400 : d120);
  const backPain = chart.condition(
    'low-back-pain',
    { code: 'M54.50', display: 'Low back pain, unspecified' },
    { code: '279039007', display: 'Low back pain' },
    daysBefore(today, 900),
  );

  return [
    patient,
    doctor,
    CLINIC,
    PAYER.medicaid,
    d400,
    d120,
    now,
    chart.condition(
      'nicotine',
      { code: 'F17.210', display: 'Nicotine dependence, cigarettes, uncomplicated' },
      { code: '56294008', display: 'Nicotine dependence' },
      '2000-01-01',
      { note: 'About 1 pack per day since age 18.' },
    ),
    backPain,
    chart.condition(
      'influenza',
      {
        code: 'J10.1',
        display: 'Influenza due to other identified influenza virus with other respiratory manifestations',
      },
      { code: '6142004', display: 'Influenza' },
      daysBefore(today, 402),
      { category: 'encounter-diagnosis', abatement: daysBefore(today, 390), encounter: at(400) },
    ),
    chart.medication(
      'naproxen',
      { code: '198014', display: 'naproxen 500 MG Oral Tablet' },
      '1 tablet (500 mg) by mouth twice daily with food as needed for back pain',
      daysBefore(today, 120),
      {
        encounter: at(120),
        reason: refTo(backPain),
        asNeeded: true,
        dispense: { quantity: 60, unit: 'tablet', refills: 1 },
      },
    ),
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
    chart.note('d400', d400, 'Progress note: influenza-like illness', PRIOR_NOTE_D400, '12:15'),
    chart.note('d120', d120, 'Progress note: low back pain follow-up', PRIOR_NOTE_D120, '10:40'),
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
