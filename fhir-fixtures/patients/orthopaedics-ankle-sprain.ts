/**
 * Orthopaedics fixture: Morgan Testpatient-Alvarez, 34, Summit Mutual (commercial), a NEW patient of
 * Dr. Tanaka three days after a right ankle inversion injury. The only prior record is the outside
 * urgent-care visit (note, radiograph report, an unspecified-ligament sprain diagnosis); the gold
 * answer holds the specific ligament code the surgeon's examination supports.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  atTime,
  birthDateForAge,
  buildAllergy,
  buildCoverage,
  buildOrganization,
  buildPatient,
  buildPractitioner,
  buildTextReport,
  chartScope,
  daysBefore,
  refTo,
  REPORT_TYPE,
  transactionBundle,
} from './builders/index.ts';
import { gold } from './orthopaedics-ankle-sprain-gold.ts';
import { transcript } from './orthopaedics-ankle-sprain-transcript.ts';
import { CLINIC, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';
import { URGENT_CARE_NOTE, XR_REPORT } from './orthopaedics-ankle-sprain-notes.ts';
import { observations } from './orthopaedics-ankle-sprain-observations.ts';

const P = 'rp-alvarez';
const VISIT_TIME = '10:30';
const doctor = PRACTITIONER.orthopaedics;
const dr = refTo(doctor);

/** The outside urgent care that saw her the night of the injury (not part of the clinic). */
const URGENT_CARE = buildOrganization({
  id: 'rp-org-example-urgent-care',
  name: 'Example Urgent Care (Fictional)',
  kind: 'prov',
  npi: '9999900510',
  houseNumber: 510,
  phoneLast2: 51,
});
const URGENT_CARE_DOCTOR = buildPractitioner({
  id: 'rp-dr-ext-urgent-care',
  npi: '9999900511',
  given: 'Robin',
  family: 'Urgentcare-Testdoc',
  degree: { code: 'DO', display: 'Doctor of Osteopathy' },
  taxonomy: { code: '207P00000X', display: 'Emergency Medicine Physician' },
  phoneLast2: 52,
});

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-alvarez',
    mrn: 'RP-TEST-100005',
    given: ['Morgan'],
    family: 'Testpatient-Alvarez',
    gender: 'female',
    birthDate: birthDateForAge(today, 34, 75),
    houseNumber: 105,
    phoneLast2: 15,
  });
  const pt = refTo(patient);
  const ucDr = refTo(URGENT_CARE_DOCTOR);
  const chart = chartScope({ prefix: P, patient: pt, practitioner: dr, clinic: refTo(CLINIC), today });
  const ucVisit = chart.priorVisit('d3-urgent-care', {
    daysAgo: 3,
    time: '19:40',
    minutes: 70,
    typeText: 'Urgent care visit',
    reasonText: 'Right ankle injury after stepping off a curb',
    outside: { clinic: refTo(URGENT_CARE), practitioner: ucDr },
  });
  const visit = chart.todayVisit({
    time: VISIT_TIME,
    typeText: 'Office visit, new patient',
    reasonText: 'Right ankle injury 3 days ago; referred by urgent care (X-rays negative for fracture)',
  });
  const uc = refTo(ucVisit);
  const now = refTo(visit);
  // History entered today from her intake form, with no clinician named as recorder.
  const intake = { recorded: today, recorder: null };

  return [
    patient,
    doctor,
    CLINIC,
    URGENT_CARE,
    URGENT_CARE_DOCTOR,
    PAYER.summit,
    ucVisit,
    visit,
    // What urgent care recorded: a sprain with no ligament named. Today's coder must not copy it.
    chart.condition(
      'uc-ankle-sprain',
      { code: 'S93.401A', display: 'Sprain of unspecified ligament of right ankle, initial encounter' },
      { code: '44465007', display: 'Sprain of ankle' },
      daysBefore(today, 3),
      {
        category: 'encounter-diagnosis',
        recorded: daysBefore(today, 3),
        recorder: ucDr,
        encounter: uc,
        note: 'Right ankle, inversion injury stepping off a curb.',
      },
    ),
    // Reported on the new-patient intake form; deliberately not addressed today.
    chart.condition(
      'left-knee-pain',
      { code: 'M25.562', display: 'Pain in left knee' },
      { code: '30989003', display: 'Knee pain' },
      daysBefore(today, 730),
      {
        ...intake,
        note: 'Left knee, patient-reported on intake questionnaire: aches on stairs and after running for about two years.',
      },
    ),
    chart.condition(
      'seasonal-rhinitis',
      { code: 'J30.2', display: 'Other seasonal allergic rhinitis' },
      { code: '367498001', display: 'Seasonal allergic rhinitis' },
      '2010-04-01',
      intake,
    ),
    chart.condition(
      'pharyngitis',
      { code: 'J02.9', display: 'Acute pharyngitis, unspecified' },
      { code: '363746003', display: 'Acute pharyngitis' },
      daysBefore(today, 640),
      {
        ...intake,
        category: 'encounter-diagnosis',
        abatement: daysBefore(today, 630),
        note: 'Self-reported history on intake.',
      },
    ),
    chart.medication(
      'ibuprofen',
      { code: '310965', display: 'ibuprofen 200 MG Oral Tablet' },
      '2 tablets (400 mg) by mouth up to three times daily with food as needed for pain (over the counter)',
      daysBefore(today, 3),
      { requester: ucDr, encounter: uc, asNeeded: true },
    ),
    buildAllergy({
      id: `${P}-allergy-latex`,
      patient: pt,
      substance: { system: 'snomed', code: '111088007', display: 'Latex (substance)' },
      type: 'allergy',
      category: 'environment',
      criticality: 'low',
      manifestation: { code: '126485001', display: 'Urticaria' },
      severity: 'moderate',
      recorded: daysBefore(today, 3),
      recorder: ucDr,
      note: 'Hives from latex gloves (dental hygienist).',
    }),
    ...observations({ today, patient: pt, at: (d) => (d === 0 ? now : uc) }),
    buildTextReport({
      id: `${P}-report-xr-ankle`,
      patient: pt,
      type: REPORT_TYPE.imaging,
      title: 'XR ankle right, 3 views (AP, mortise, lateral)',
      section: 'RAD',
      effective: atTime(daysBefore(today, 3), '20:05'),
      issued: atTime(daysBefore(today, 3), '21:30'),
      performer: refTo(URGENT_CARE),
      conclusion: 'No acute fracture or dislocation. Lateral soft-tissue swelling.',
      text: XR_REPORT,
      encounter: uc,
    }),
    chart.note('d3-urgent-care', ucVisit, 'Urgent care note: right ankle injury', URGENT_CARE_NOTE, '21:45', {
      author: ucDr,
      custodian: refTo(URGENT_CARE),
    }),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.summit),
      kind: 'commercial',
      subscriberId: 'SMI-TEST-100005',
      relationship: 'self',
      start: daysBefore(today, 900),
      planName: 'Summit Mutual PPO',
      groupId: 'TEST-GRP-5510',
    }),
  ];
}

export const orthopaedicsAnkleSprain: PatientFixture = {
  key: 'orthopaedics-ankle-sprain',
  specialty: 'orthopaedics',
  summary:
    'New patient: right ankle inversion injury 3 days ago, urgent-care X-rays negative (Summit Mutual)',
  patientId: 'rp-pt-alvarez',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
