import { describe, expect, it } from 'vitest';
import { userKey } from './user-key.ts';

describe('userKey', () => {
  it.each([
    ['https://ehr.example/fhir/r4/Practitioner/123', 'Practitioner/123'],
    ['http://localhost:8090/fhir/r4/Practitioner/rp-billing-biller', 'Practitioner/rp-billing-biller'],
    ['Practitioner/123', 'Practitioner/123'],
    ['  Practitioner/abc.DEF-9 ', 'Practitioner/abc.DEF-9'],
    ['https://ehr.example/fhir/Practitioner/123/_history/4', 'Practitioner/123'],
    ['https://ehr.example/fhir/PractitionerRole/7', 'PractitionerRole/7'],
  ])('reads %s as %s', (given, key) => {
    expect(userKey(given)).toBe(key);
  });

  it('keeps what is not a FHIR reference as given', () => {
    expect(userKey('billing-user-42')).toBe('billing-user-42');
    expect(userKey('https://ehr.example/fhir/Observation/1')).toBe('https://ehr.example/fhir/Observation/1');
    expect(userKey('Practitioner/')).toBe('Practitioner/');
  });
});
