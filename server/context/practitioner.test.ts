import { describe, expect, it } from 'vitest';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { UnreadableResourceError } from './panel.ts';
import { loadPractitioner, normalisePractitioner, practitionerIdOf } from './practitioner.ts';

describe('practitionerIdOf', () => {
  it('takes the id from relative and absolute references', () => {
    expect(practitionerIdOf('Practitioner/rp-dr-okafor')).toBe('rp-dr-okafor');
    expect(practitionerIdOf('https://ehr.example/fhir/r4/Practitioner/abc.123')).toBe('abc.123');
    expect(practitionerIdOf('https://ehr.example/fhir/Practitioner/abc/_history/3')).toBe('abc');
  });

  it('gives nothing for other users and junk', () => {
    expect(practitionerIdOf(undefined)).toBeUndefined();
    expect(practitionerIdOf('Patient/p1')).toBeUndefined();
    expect(practitionerIdOf('https://ehr.example/fhir/RelatedPerson/r1')).toBeUndefined();
    expect(practitionerIdOf('https://[bad/Practitioner/x')).toBeUndefined();
    expect(practitionerIdOf('Practitioner/')).toBeUndefined();
  });
});

describe('normalisePractitioner', () => {
  it('formats the name and finds the NPI', () => {
    const practitioner = {
      resourceType: 'Practitioner',
      id: 'd1',
      identifier: [
        { system: 'urn:other', value: '1' },
        { system: 'http://hl7.org/fhir/sid/us-npi', value: '9999900001' },
      ],
      name: [{ use: 'official', given: ['Riley'], family: 'Okafor-Testdoc', suffix: ['MD'] }],
    };
    expect(normalisePractitioner(practitioner)).toEqual({
      ref: 'Practitioner/d1',
      name: 'Riley Okafor-Testdoc MD',
      npi: '9999900001',
    });
    expect(normalisePractitioner({ resourceType: 'Practitioner', id: 'd2' })).toEqual({
      ref: 'Practitioner/d2',
      name: 'Name not recorded',
    });
  });
});

describe('loadPractitioner', () => {
  it('makes no request when the user is not a practitioner', async () => {
    const reader = new FakeFhirReader({ resources: [] });
    expect(await loadPractitioner(reader, undefined)).toEqual({ data: null, warnings: [] });
    expect(reader.calls).toEqual([]);
  });

  it('calls a non-Practitioner answer malformed', async () => {
    const reader = {
      canRead: () => true,
      search: () => Promise.resolve([]),
      read: () => Promise.resolve({ resourceType: 'Bundle' }),
    };
    await expect(loadPractitioner(reader as never, 'd1')).rejects.toBeInstanceOf(UnreadableResourceError);
  });
});
