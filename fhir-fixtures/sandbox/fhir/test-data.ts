/**
 * For tests: two fictional patients with known Observations, Conditions and Encounters, plus
 * shared reference data, as one transaction Bundle with fixed ids. Values are chosen so search
 * tests can count exact answers.
 *
 * @module
 */
import type { Bundle, BundleEntry, Condition, Encounter, Observation, Resource } from '@medplum/fhirtypes';

export const PATIENT_A = 'test-pat-a';
export const PATIENT_B = 'test-pat-b';
export const HBA1C = { system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c' };
export const HEART_RATE = { system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' };

const category = (code: string): Observation['category'] => [
  { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] },
];

function observation(
  id: string,
  patient: string,
  code: typeof HBA1C,
  when: string | { start: string; end: string },
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: category(code === HBA1C ? 'laboratory' : 'vital-signs'),
    code: { coding: [code] },
    subject: { reference: `Patient/${patient}` },
    ...(typeof when === 'string' ? { effectiveDateTime: when } : { effectivePeriod: when }),
    valueQuantity: { value: code === HBA1C ? 7.1 : 72, unit: code === HBA1C ? '%' : '/min' },
  };
}

function condition(id: string, patient: string, status: 'active' | 'resolved', code: string): Condition {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }],
    },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
    subject: { reference: `Patient/${patient}` },
  };
}

function encounter(id: string, patient: string, start: string): Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: `Patient/${patient}` },
    period: { start, end: start },
  };
}

/** A's HbA1c dates, oldest first; four of them fall in 2024 or later. */
export const A_HBA1C_DATES = ['2023-06-01', '2024-01-15', '2024-06-15', '2024-12-31', '2025-03-01'];

export const TEST_RESOURCES: readonly Resource[] = [
  {
    resourceType: 'Patient',
    id: PATIENT_A,
    name: [{ family: 'Testperson', given: ['Ada'] }],
    gender: 'female',
    birthDate: '1970-01-01',
  },
  {
    resourceType: 'Patient',
    id: PATIENT_B,
    name: [{ family: 'Testperson', given: ['Bo'] }],
    gender: 'male',
    birthDate: '1980-02-02',
  },
  { resourceType: 'Practitioner', id: 'test-dr', name: [{ family: 'Doctor', given: ['Test'] }] },
  { resourceType: 'Organization', id: 'test-org', name: 'Test Clinic' },
  { resourceType: 'Location', id: 'test-loc', name: 'Test Clinic Room 1' },
  {
    resourceType: 'Medication',
    id: 'test-med',
    code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975' }] },
  },
  ...A_HBA1C_DATES.map((date, i) => observation(`a-a1c-${i}`, PATIENT_A, HBA1C, date)),
  observation('a-hr-0', PATIENT_A, HEART_RATE, '2024-02-01T09:00:00Z'),
  observation('a-hr-1', PATIENT_A, HEART_RATE, '2024-03-01T09:00:00Z'),
  observation('a-hr-2', PATIENT_A, HEART_RATE, {
    start: '2024-04-01T09:00:00Z',
    end: '2024-04-01T09:05:00Z',
  }),
  observation('b-a1c-0', PATIENT_B, HBA1C, '2024-05-05'),
  observation('b-a1c-1', PATIENT_B, HBA1C, '2024-07-07'),
  condition('a-cond-active', PATIENT_A, 'active', 'E11.9'),
  condition('a-cond-resolved', PATIENT_A, 'resolved', 'J06.9'),
  condition('b-cond-active', PATIENT_B, 'active', 'I10'),
  encounter('a-enc', PATIENT_A, '2024-06-15T10:00:00Z'),
  encounter('b-enc', PATIENT_B, '2024-07-07T10:00:00Z'),
];

export function testBundle(): Bundle {
  const entry: BundleEntry[] = TEST_RESOURCES.map((resource) => ({
    resource,
    request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
  }));
  return { resourceType: 'Bundle', type: 'transaction', entry };
}
