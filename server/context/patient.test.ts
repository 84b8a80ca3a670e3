import { describe, expect, it } from 'vitest';
import { formatAge, normalisePatient } from './patient.ts';

describe('formatAge', () => {
  it('gives years from two on, months before, days in the first month', () => {
    expect(formatAge('1946-08-22', '2025-03-10')).toBe('78 y');
    expect(formatAge('1946-08-22', '2025-08-22T09:00:00-05:00')).toBe('79 y');
    expect(formatAge('2023-09-01', '2025-03-10')).toBe('18 m');
    expect(formatAge('2025-03-01', '2025-03-10')).toBe('9 d');
  });

  it('gives nothing for a bad or future birth date', () => {
    expect(formatAge('next year', '2025-03-10')).toBeUndefined();
    expect(formatAge('2026-01-01', '2025-03-10')).toBeUndefined();
  });
});

describe('normalisePatient', () => {
  const patient = {
    resourceType: 'Patient',
    id: 'p1',
    identifier: [
      { system: 'urn:ssn', value: '000-00-0000' },
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
        value: 'RP-TEST-1',
      },
    ],
    name: [
      { use: 'nickname', given: ['Glo'] },
      { use: 'official', given: ['Gloria', 'Ann'], family: 'Testpatient' },
    ],
    gender: 'female',
    birthDate: '1946-08-22',
  };

  it('takes the official name, the MR identifier and the age at the visit', () => {
    expect(normalisePatient(patient, '2025-03-10')).toEqual({
      ref: 'Patient/p1',
      name: 'Gloria Ann Testpatient',
      birthDate: '1946-08-22',
      age: '78 y',
      gender: 'female',
      mrn: 'RP-TEST-1',
    });
  });

  it('still shows a patient without a name or birth date', () => {
    expect(normalisePatient({ resourceType: 'Patient', id: 'p2' }, '2025-03-10')).toEqual({
      ref: 'Patient/p2',
      name: 'Name not recorded',
    });
  });

  it('refuses what is not a Patient', () => {
    expect(normalisePatient({ resourceType: 'OperationOutcome', id: 'x' }, '2025-03-10')).toBeUndefined();
    expect(normalisePatient('<html>', '2025-03-10')).toBeUndefined();
  });
});
