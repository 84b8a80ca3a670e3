/**
 * Behavioural-health fixture: Dana Testpatient-Nakamura, 41, Evergreen Health Plan (commercial),
 * established with Dr. Brennan for recurrent major depression and generalized anxiety. PHQ-9 and
 * GAD-7 climb over three visits; her outside psychologist's letter and a primary-care TSH are in the
 * chart. Today's visit is billed by time (42 minutes), which beats the MDM level.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  birthDateForAge,
  buildCoverage,
  buildNoKnownAllergies,
  buildOrganization,
  buildPatient,
  buildPractitioner,
  chartScope,
  daysBefore,
  refTo,
  transactionBundle,
} from './builders/index.ts';
import { gold } from './behavioural-health-depression-gold.ts';
import { PRIOR_NOTE_D42, PRIOR_NOTE_D91, THERAPIST_LETTER } from './behavioural-health-depression-notes.ts';
import { transcript } from './behavioural-health-depression-transcript.ts';
import { CLINIC, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';
import { observations } from './behavioural-health-depression-observations.ts';

const P = 'rp-nakamura';
const VISIT_TIME = '14:00';
const doctor = PRACTITIONER['behavioural-health'];
const dr = refTo(doctor);

/** Her weekly CBT is with a psychologist in another practice: an external source for MDM data. */
const HARBOR = buildOrganization({
  id: 'rp-org-harbor-counseling',
  name: 'Harbor Counseling (Fictional)',
  kind: 'prov',
  npi: '9999900610',
  houseNumber: 610,
  phoneLast2: 61,
});
const THERAPIST = buildPractitioner({
  id: 'rp-dr-ext-harbor-psychologist',
  npi: '9999900611',
  given: 'Jamie',
  family: 'Harbor-Testclinician',
  degree: { code: 'PHD', display: 'Doctor of Philosophy' },
  taxonomy: { code: '103TC0700X', display: 'Clinical Psychologist' },
  phoneLast2: 62,
});

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-nakamura',
    mrn: 'RP-TEST-100006',
    given: ['Dana'],
    family: 'Testpatient-Nakamura',
    gender: 'female',
    birthDate: birthDateForAge(today, 41, 200),
    houseNumber: 106,
    phoneLast2: 16,
  });
  const pt = refTo(patient);
  const chart = chartScope({ prefix: P, patient: pt, practitioner: dr, clinic: refTo(CLINIC), today });
  const followUp = 'Office visit, established patient, medication management';
  const d91 = chart.priorVisit('d91', {
    daysAgo: 91,
    time: '14:00',
    minutes: 25,
    typeText: followUp,
    reasonText: 'Depression and anxiety follow-up',
  });
  const d42 = chart.priorVisit('d42', {
    daysAgo: 42,
    time: '15:00',
    minutes: 25,
    typeText: followUp,
    reasonText: 'Depression and anxiety follow-up; new work stress',
  });
  const therapy = chart.priorVisit('d8-therapy', {
    daysAgo: 8,
    time: '17:00',
    minutes: 50,
    typeText: 'Psychotherapy session (outside practice)',
    reasonText: 'Weekly cognitive behavioural therapy',
    outside: { clinic: refTo(HARBOR), practitioner: refTo(THERAPIST) },
  });
  const now = chart.todayVisit({
    time: VISIT_TIME,
    typeText: followUp,
    reasonText: 'Depression and anxiety follow-up; PHQ-9 and GAD-7 completed on the portal',
  });
  const at = (d: 91 | 42) => refTo(d === 91 ? d91 : d42);
  const mdd = chart.condition(
    'mdd',
    { code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' },
    { code: '18818009', display: 'Moderate recurrent major depression' },
    daysBefore(today, 270),
    { note: 'Recurrent: episodes in 2013 and 2019; current episode since about nine months ago.' },
  );
  const gad = chart.condition(
    'gad',
    { code: 'F41.1', display: 'Generalized anxiety disorder' },
    { code: '21897009', display: 'Generalized anxiety disorder' },
    '2019-02-01',
  );
  // Each prescription on her list names the depression as its reason.
  const forMdd = { reason: refTo(mdd) };

  return [
    patient,
    doctor,
    CLINIC,
    HARBOR,
    THERAPIST,
    PAYER.evergreen,
    d91,
    d42,
    therapy,
    now,
    mdd,
    gad,
    chart.condition(
      'mdd-single-2013',
      { code: 'F32.1', display: 'Major depressive disorder, single episode, moderate' },
      { code: '832007', display: 'Moderate major depression' },
      '2013-03-01',
      {
        abatement: '2014-01-15',
        note: 'First episode; superseded by recurrent major depressive disorder.',
      },
    ),
    chart.medication(
      'sertraline-50-old',
      { code: '312941', display: 'sertraline 50 MG Oral Tablet' },
      '1 tablet (50 mg) by mouth every morning',
      daysBefore(today, 240),
      { ...forMdd, status: 'stopped' },
    ),
    chart.medication(
      'sertraline-100',
      { code: '312938', display: 'sertraline 100 MG Oral Tablet' },
      '1 tablet (100 mg) by mouth every morning',
      daysBefore(today, 150),
      { ...forMdd, dispense: { quantity: 90, unit: 'tablet', refills: 1 } },
    ),
    chart.medication(
      'trazodone',
      { code: '856377', display: 'trazodone hydrochloride 50 MG Oral Tablet' },
      '1 tablet (50 mg) by mouth at bedtime as needed for sleep',
      daysBefore(today, 91),
      {
        ...forMdd,
        asNeeded: true,
        encounter: at(91),
        dispense: { quantity: 30, unit: 'tablet', refills: 2 },
      },
    ),
    buildNoKnownAllergies({
      id: `${P}-allergy-nka`,
      patient: pt,
      recorded: daysBefore(today, 240),
      recorder: dr,
    }),
    ...observations({ today, patient: pt, at: (d) => (d === 0 ? refTo(now) : at(d)) }),
    chart.note(
      'd91',
      d91,
      'Psychiatry progress note: depression and anxiety follow-up',
      PRIOR_NOTE_D91,
      '16:30',
    ),
    chart.note(
      'd42',
      d42,
      'Psychiatry progress note: depression and anxiety follow-up',
      PRIOR_NOTE_D42,
      '17:10',
    ),
    // Sent the morning after the session.
    chart.note(
      'd8-therapist-letter',
      therapy,
      'Letter from treating psychologist: progress update',
      THERAPIST_LETTER,
      '09:15',
      { author: refTo(THERAPIST), custodian: refTo(HARBOR), signedOn: daysBefore(today, 7) },
    ),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.evergreen),
      kind: 'commercial',
      subscriberId: 'EHP-TEST-100006',
      relationship: 'self',
      start: daysBefore(today, 1200),
      planName: 'Evergreen Choice HMO',
      groupId: 'TEST-GRP-6620',
    }),
  ];
}

export const behaviouralHealthDepression: PatientFixture = {
  key: 'behavioural-health-depression',
  specialty: 'behavioural-health',
  summary:
    'Recurrent major depression and generalized anxiety, scores rising: medication follow-up (Evergreen)',
  patientId: 'rp-pt-nakamura',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
