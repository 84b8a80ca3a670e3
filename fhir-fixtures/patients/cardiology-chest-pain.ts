/**
 * Cardiology fixture: Glenn Testpatient-Harrow, 58, Summit Mutual (commercial), a NEW patient of
 * Dr. Lindqvist referred by primary care (same group, different specialty) for exertional chest
 * pressure. The chart holds the referring visit's note, its ECG report (for the cardiologist to
 * re-read), a year of lipid trend, hypertension above goal and an untreated hyperlipidemia.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import {
  atTime,
  birthDateForAge,
  buildCoverage,
  buildNoKnownAllergies,
  buildPatient,
  buildTextReport,
  chartScope,
  daysBefore,
  refTo,
  REPORT_TYPE,
  transactionBundle,
} from './builders/index.ts';
import { ECG_REPORT_D9, PCP_NOTE_D375, PCP_NOTE_D9 } from './cardiology-chest-pain-notes.ts';
import { gold } from './cardiology-chest-pain-gold.ts';
import { transcript } from './cardiology-chest-pain-transcript.ts';
import { CLINIC, PAYER, PRACTITIONER } from './shared.ts';
import type { PatientFixture } from './types.ts';
import { observations } from './cardiology-chest-pain-observations.ts';

const P = 'rp-harrow';
const VISIT_TIME = '13:15';
const doctor = PRACTITIONER.cardiology;
const pcp = PRACTITIONER['primary-care'];

function resources(today: string): Resource[] {
  const patient = buildPatient({
    id: 'rp-pt-harrow',
    mrn: 'RP-TEST-100008',
    given: ['Glenn'],
    family: 'Testpatient-Harrow',
    gender: 'male',
    birthDate: birthDateForAge(today, 58, 200),
    houseNumber: 108,
    phoneLast2: 18,
  });
  const pt = refTo(patient);
  const pc = refTo(pcp);
  // His chart so far is primary care's; today's visit is the cardiologist's.
  const chart = chartScope({ prefix: P, patient: pt, practitioner: pc, clinic: refTo(CLINIC), today });
  const d375 = chart.priorVisit('d375', {
    daysAgo: 375,
    time: '08:40',
    minutes: 30,
    typeText: 'Office visit, established patient, primary care annual review',
    reasonText: 'Hypertension and cholesterol review',
  });
  const d9 = chart.priorVisit('d9', {
    daysAgo: 9,
    time: '16:00',
    minutes: 30,
    typeText: 'Office visit, established patient, primary care acute',
    reasonText: 'Chest pressure with exertion',
  });
  const now = chart.todayVisit({
    practitioner: refTo(doctor),
    time: VISIT_TIME,
    typeText: 'Office visit, new patient (cardiology referral)',
    reasonText: 'Referred by primary care: exertional chest pressure, evaluate for angina',
  });
  const at = (d: 375 | 9) => refTo(d === 375 ? d375 : d9);
  const htn = chart.condition(
    'htn',
    { code: 'I10', display: 'Essential (primary) hypertension' },
    { code: '59621000', display: 'Essential hypertension' },
    daysBefore(today, 8 * 365),
  );

  return [
    patient,
    doctor,
    pcp,
    CLINIC,
    PAYER.summit,
    d375,
    d9,
    now,
    htn,
    chart.condition(
      'hld',
      { code: 'E78.5', display: 'Hyperlipidemia, unspecified' },
      { code: '55822004', display: 'Hyperlipidemia' },
      daysBefore(today, 3 * 365),
    ),
    chart.condition(
      'gout',
      { code: 'M10.9', display: 'Gout, unspecified' },
      { code: '90560007', display: 'Gout' },
      '2021-06-01',
    ),
    chart.condition(
      'chest-pain-d9',
      { code: 'R07.89', display: 'Other chest pain' },
      { code: '29857009', display: 'Chest pain' },
      daysBefore(today, 42),
      {
        category: 'encounter-diagnosis',
        encounter: at(9),
        note: 'Exertional chest pressure; cardiology referral.',
      },
    ),
    chart.condition(
      'kidney-stone',
      { code: 'N20.0', display: 'Calculus of kidney' },
      { code: '95570007', display: 'Kidney stone' },
      '2019-09-10',
      { abatement: '2019-10-01' },
    ),
    chart.medication(
      'lisinopril',
      { code: '314077', display: 'lisinopril 20 MG Oral Tablet' },
      '1 tablet (20 mg) by mouth every morning',
      daysBefore(today, 375),
      { encounter: at(375), reason: refTo(htn), dispense: { quantity: 90, unit: 'tablet', refills: 3 } },
    ),
    chart.medication(
      'aspirin',
      { code: '243670', display: 'aspirin 81 MG Oral Tablet' },
      '1 tablet (81 mg) by mouth daily',
      daysBefore(today, 9),
      { encounter: at(9) },
    ),
    buildNoKnownAllergies({
      id: `${P}-allergy-nka`,
      patient: pt,
      recorded: daysBefore(today, 375),
      recorder: pc,
    }),
    ...observations({ today, patient: pt, at: (d) => (d === 0 ? refTo(now) : at(d)) }),
    buildTextReport({
      id: `${P}-report-ecg-d9`,
      patient: pt,
      type: REPORT_TYPE.ecg,
      title: '12-lead resting ECG',
      section: 'EC',
      effective: atTime(daysBefore(today, 9), '16:15'),
      issued: atTime(daysBefore(today, 9), '16:40'),
      performer: pc,
      conclusion: 'Normal sinus rhythm, rate 74. Normal ECG.',
      text: ECG_REPORT_D9,
      encounter: at(9),
    }),
    chart.note('d375', d375, 'Primary care progress note: annual review', PCP_NOTE_D375, '09:45'),
    chart.note(
      'd9',
      d9,
      'Primary care progress note: chest pressure, referral to cardiology',
      PCP_NOTE_D9,
      '17:20',
    ),
    buildCoverage({
      id: `${P}-coverage`,
      patient: pt,
      payer: refTo(PAYER.summit),
      kind: 'commercial',
      subscriberId: 'SMI-TEST-100008',
      relationship: 'self',
      start: daysBefore(today, 2400),
      planName: 'Summit Mutual PPO',
      groupId: 'TEST-GRP-8810',
    }),
  ];
}

export const cardiologyChestPain: PatientFixture = {
  key: 'cardiology-chest-pain',
  specialty: 'cardiology',
  summary: 'New patient referred for exertional chest pressure; hypertension, hyperlipidemia (Summit Mutual)',
  patientId: 'rp-pt-harrow',
  encounterId: `${P}-enc-today`,
  practitionerRef: `Practitioner/${doctor.id}`,
  visitTime: VISIT_TIME,
  bundle: (today) => transactionBundle(resources(today)),
  visit: { transcript, gold },
};
