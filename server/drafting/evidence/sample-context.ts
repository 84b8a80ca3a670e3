/**
 * A small synthetic chart (an obviously fictional patient) for the evidence tests: every panel
 * filled, including items the facts must leave out (a resolved problem, a vital with no points).
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';

export const unavailable = {
  status: 'unavailable',
  reason: 'Not loaded.',
  cause: 'failed',
  retryable: true,
} as const;

export const sampleContext: ClinicalContext = {
  fetchedAt: '2024-03-15T10:00:00Z',
  patient: { ref: 'Patient/p1', name: 'Gloria Testperson', age: '78 y', gender: 'female' },
  encounter: {
    status: 'ok',
    data: {
      ref: 'Encounter/e1',
      status: 'in-progress',
      class: 'ambulatory',
      type: 'Office visit',
      start: '2024-03-15T09:30:00Z',
      reasons: ['Ankle swelling', 'Dyspnea'],
    },
  },
  problems: {
    status: 'ok',
    data: [
      {
        ref: 'Condition/c1',
        display: 'Chronic systolic heart failure',
        icd10: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.22' },
        clinicalStatus: 'active',
        onset: '2019-04-01',
      },
      { ref: 'Condition/c2', display: 'Old ankle fracture', clinicalStatus: 'resolved' },
      { ref: 'Condition/c3', display: 'Hypertension' },
    ],
  },
  medications: {
    status: 'ok',
    data: [
      {
        ref: 'MedicationRequest/m1',
        display: 'Furosemide 40 mg tablet',
        status: 'active',
        dosage: '1 tablet every morning',
      },
      { ref: 'MedicationRequest/m2', display: 'Apixaban 5 mg tablet', status: 'on-hold' },
    ],
  },
  allergies: {
    status: 'ok',
    data: [
      { ref: 'AllergyIntolerance/a1', display: 'Lisinopril', reactions: ['Cough'] },
      { ref: 'AllergyIntolerance/a2', display: 'Latex', reactions: [] },
    ],
  },
  vitals: {
    status: 'ok',
    data: [
      {
        code: '85354-9',
        label: 'Blood pressure',
        unit: 'mmHg',
        points: [
          { ref: 'Observation/bp1', effective: '2024-01-10T09:00:00Z', value: 140, value2: 90 },
          { ref: 'Observation/bp2', effective: '2024-03-15T09:40:00Z', value: 132, value2: 78 },
        ],
        latestDisplay: '132/78 mmHg',
        trend: 'down',
      },
      { code: '8867-4', label: 'Heart rate', unit: '/min', points: [], latestDisplay: '', trend: null },
    ],
  },
  labs: {
    status: 'ok',
    data: [
      {
        ref: 'Observation/l1',
        display: 'NT-proBNP',
        value: '1450 pg/mL',
        flag: 'high',
        effective: '2024-02-20',
      },
      { ref: 'Observation/l2', display: 'Potassium', value: '4.5 mmol/L', flag: null },
    ],
  },
  coverage: {
    status: 'ok',
    data: [
      {
        ref: 'Coverage/cov1',
        payerName: 'Medicare',
        planName: 'Part B',
        payerType: 'medicare',
        status: 'active',
      },
    ],
  },
  practitioner: { status: 'ok', data: { ref: 'Practitioner/dr1', name: 'Dr. Example' } },
  notes: { status: 'ok', data: [] },
};
