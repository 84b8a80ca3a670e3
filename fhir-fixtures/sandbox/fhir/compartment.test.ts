import { parseSearchRequest } from '@medplum/core';
import type { Condition, Observation, Patient, Practitioner } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  isInPatientCompartment,
  isPatientCompartmentType,
  patientIdOf,
  patientsNamedInSearch,
} from './compartment.ts';
import { ensureFhirDefinitions } from './fhir-definitions.ts';
import { normalizeSearchRequest } from './search-request.ts';

beforeAll(() => ensureFhirDefinitions());

describe('patient compartment', () => {
  it('knows which types belong to patients', () => {
    expect(isPatientCompartmentType('Observation')).toBe(true);
    expect(isPatientCompartmentType('Patient')).toBe(true);
    expect(isPatientCompartmentType('Device')).toBe(true);
    expect(isPatientCompartmentType('Practitioner')).toBe(false);
    expect(isPatientCompartmentType('Medication')).toBe(false);
  });

  it('reads patient ids from relative and absolute references', () => {
    expect(patientIdOf('Patient/1')).toBe('1');
    expect(patientIdOf('https://ehr.example/fhir/Patient/1')).toBe('1');
    expect(patientIdOf('Group/1')).toBeUndefined();
  });

  it('places resources by the definition’s parameters', () => {
    const observation: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: {},
      subject: { reference: 'Patient/a' },
    };
    expect(isInPatientCompartment(observation, 'a')).toBe(true);
    expect(isInPatientCompartment(observation, 'b')).toBe(false);
    const asserted: Condition = {
      resourceType: 'Condition',
      subject: { reference: 'Patient/b' },
      asserter: { reference: 'Patient/a' },
    };
    expect(isInPatientCompartment(asserted, 'a')).toBe(true);
    const patient: Patient = { resourceType: 'Patient', id: 'a' };
    expect(isInPatientCompartment(patient, 'a')).toBe(true);
    expect(isInPatientCompartment(patient, 'b')).toBe(false);
    const practitioner: Practitioner = { resourceType: 'Practitioner', id: 'a' };
    expect(isInPatientCompartment(practitioner, 'a')).toBe(false);
  });

  it('finds the patients a search names', () => {
    const named = (type: string, query: Record<string, string>) =>
      patientsNamedInSearch(normalizeSearchRequest(parseSearchRequest(type, query)));
    expect(named('Observation', { patient: 'b' })).toEqual(['b']);
    expect(named('Observation', { subject: 'Patient/a,Patient/b' })).toEqual(['a', 'b']);
    expect(named('Condition', { subject: 'b' })).toEqual(['b']);
    expect(named('Patient', { _id: 'b' })).toEqual(['b']);
    expect(named('Observation', { category: 'vital-signs' })).toEqual([]);
  });
});
