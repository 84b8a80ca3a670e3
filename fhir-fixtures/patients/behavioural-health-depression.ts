/**
 * Behavioural-health fixture: Dana Testpatient-Nakamura, 41, Evergreen Health Plan (commercial),
 * established with Dr. Brennan for recurrent major depression and generalized anxiety. PHQ-9 and
 * GAD-7 climb over three visits; her outside psychologist's letter and a primary-care TSH are in the
 * chart. Today's visit is billed by time (42 minutes), which beats the MDM level.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import type { MedicationInput } from './builders/index.ts';
import {
  atTime,
  birthDateForAge,
  buildCondition,
  buildCoverage,
  buildMedicationRequest,
  buildNoKnownAllergies,
  buildNote,
  buildOrganization,
  buildPatient,
  buildPractitioner,
  buildPriorVisit,
  buildTodayVisit,
  daysBefore,
  NOTE_TYPE,
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
  const visit = { patient: pt, practitioner: dr, clinic: refTo(CLINIC) };
  const followUp = 'Office visit, established patient, medication management';
  const d91 = buildPriorVisit({
    ...visit,
    id: `${P}-enc-d91`,
    day: daysBefore(today, 91),
    time: '14:00',
    minutes: 25,
    typeText: followUp,
    reasonText: 'Depression and anxiety follow-up',
  });
  const d42 = buildPriorVisit({
    ...visit,
    id: `${P}-enc-d42`,
    day: daysBefore(today, 42),
    time: '15:00',
    minutes: 25,
    typeText: followUp,
    reasonText: 'Depression and anxiety follow-up; new work stress',
  });
  const therapy = buildPriorVisit({
    id: `${P}-enc-d8-therapy`,
    patient: pt,
    practitioner: refTo(THERAPIST),
    clinic: refTo(HARBOR),
    day: daysBefore(today, 8),
    time: '17:00',
    minutes: 50,
    typeText: 'Psychotherapy session (outside practice)',
    reasonText: 'Weekly cognitive behavioural therapy',
  });
  const now = buildTodayVisit({
    ...visit,
    id: `${P}-enc-today`,
    day: today,
    time: VISIT_TIME,
    typeText: followUp,
    reasonText: 'Depression and anxiety follow-up; PHQ-9 and GAD-7 completed on the portal',
  });
  const at = (d: 91 | 42) => refTo(d === 91 ? d91 : d42);
  const mdd = buildCondition({
    id: `${P}-cond-mdd`,
    patient: pt,
    icd10: { code: 'F33.1', display: 'Major depressive disorder, recurrent, moderate' },
    snomed: { code: '18818009', display: 'Moderate recurrent major depression' },
    clinicalStatus: 'active',
    category: 'problem-list-item',
    onset: daysBefore(today, 270),
    recorder: dr,
    note: 'Recurrent: episodes in 2013 and 2019; current episode since about nine months ago.',
  });
  const gad = buildCondition({
    id: `${P}-cond-gad`,
    patient: pt,
    icd10: { code: 'F41.1', display: 'Generalized anxiety disorder' },
    snomed: { code: '21897009', display: 'Generalized anxiety disorder' },
    clinicalStatus: 'active',
    category: 'problem-list-item',
    onset: '2019-02-01',
    recorder: dr,
  });
  const med = (
    id: string,
    code: string,
    display: string,
    dosageText: string,
    daysAgo: number,
    extra: Pick<MedicationInput, 'status' | 'asNeeded' | 'encounter' | 'dispense'> = {},
  ) =>
    buildMedicationRequest({
      id: `${P}-med-${id}`,
      patient: pt,
      requester: dr,
      rxnorm: { code, display },
      dosageText,
      authoredOn: daysBefore(today, daysAgo),
      reason: refTo(mdd),
      ...extra,
    });

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
    buildCondition({
      id: `${P}-cond-mdd-single-2013`,
      patient: pt,
      icd10: { code: 'F32.1', display: 'Major depressive disorder, single episode, moderate' },
      snomed: { code: '832007', display: 'Moderate major depression' },
      clinicalStatus: 'resolved',
      category: 'problem-list-item',
      onset: '2013-03-01',
      abatement: '2014-01-15',
      recorder: dr,
      note: 'First episode; superseded by recurrent major depressive disorder.',
    }),
    med(
      'sertraline-50-old',
      '312941',
      'sertraline 50 MG Oral Tablet',
      '1 tablet (50 mg) by mouth every morning',
      240,
      {
        status: 'stopped',
      },
    ),
    med(
      'sertraline-100',
      '312938',
      'sertraline 100 MG Oral Tablet',
      '1 tablet (100 mg) by mouth every morning',
      150,
      {
        dispense: { quantity: 90, unit: 'tablet', refills: 1 },
      },
    ),
    med(
      'trazodone',
      '856377',
      'trazodone hydrochloride 50 MG Oral Tablet',
      '1 tablet (50 mg) by mouth at bedtime as needed for sleep',
      91,
      {
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
    buildNote({
      id: `${P}-note-d91`,
      patient: pt,
      author: dr,
      type: NOTE_TYPE.progressNote,
      title: 'Psychiatry progress note: depression and anxiety follow-up',
      text: PRIOR_NOTE_D91,
      encounter: at(91),
      date: atTime(daysBefore(today, 91), '16:30'),
      period: d91.period ?? {},
    }),
    buildNote({
      id: `${P}-note-d42`,
      patient: pt,
      author: dr,
      type: NOTE_TYPE.progressNote,
      title: 'Psychiatry progress note: depression and anxiety follow-up',
      text: PRIOR_NOTE_D42,
      encounter: at(42),
      date: atTime(daysBefore(today, 42), '17:10'),
      period: d42.period ?? {},
    }),
    buildNote({
      id: `${P}-note-d8-therapist-letter`,
      patient: pt,
      author: refTo(THERAPIST),
      type: NOTE_TYPE.progressNote,
      title: 'Letter from treating psychologist: progress update',
      text: THERAPIST_LETTER,
      encounter: refTo(therapy),
      date: atTime(daysBefore(today, 7), '09:15'),
      period: therapy.period ?? {},
      custodian: refTo(HARBOR),
    }),
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
