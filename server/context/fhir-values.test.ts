import { describe, expect, it } from 'vitest';
import {
  codingIn,
  codesIn,
  conceptText,
  firstCode,
  newestFirst,
  resourceOf,
  str,
  SYSTEMS,
  timeOf,
} from './fhir-values.ts';

describe('fhir values', () => {
  it('accepts a resource only of the asked type and with an id', () => {
    expect(resourceOf({ resourceType: 'Patient', id: 'p1' }, 'Patient')).toBeDefined();
    expect(resourceOf({ resourceType: 'Patient' }, 'Patient')).toBeUndefined();
    expect(resourceOf({ resourceType: 'Patient', id: 'p1' }, 'Encounter')).toBeUndefined();
    expect(resourceOf('Patient/p1', 'Patient')).toBeUndefined();
  });

  it('finds codings under a system URL or its OID', () => {
    const concept = {
      coding: [
        { system: 'urn:oid:2.16.840.1.113883.6.90', code: 'E11.9', display: 'Type 2 diabetes' },
        { system: 'http://snomed.info/sct', code: '44054006' },
      ],
    };
    expect(codingIn(concept, SYSTEMS.icd10cm)).toEqual({
      system: 'urn:oid:2.16.840.1.113883.6.90',
      code: 'E11.9',
      display: 'Type 2 diabetes',
    });
    expect(codingIn(concept, SYSTEMS.snomed)).toEqual({ system: 'http://snomed.info/sct', code: '44054006' });
    expect(codingIn(concept, SYSTEMS.rxnorm)).toBeUndefined();
    expect(codesIn({ coding: 'junk' } as never, SYSTEMS.loinc)).toEqual([]);
    expect(firstCode({ coding: [{ code: 'active' }] })).toBe('active');
  });

  it('reads a concept as text, else from its codings', () => {
    expect(conceptText({ text: ' Asthma ', coding: [{ display: 'x' }] })).toBe('Asthma');
    expect(conceptText({ coding: [{ code: '1', display: 'One' }] })).toBe('One');
    expect(conceptText({ coding: [{ code: '1' }] })).toBe('1');
    expect(conceptText(undefined)).toBe('');
  });

  it('sorts newest first with undated last, across time zones', () => {
    const dates = ['2024-01-01T10:00:00-05:00', undefined, '2024-01-01T14:30:00Z', '2023-12-31'];
    expect([...dates].sort(newestFirst)).toEqual([
      '2024-01-01T10:00:00-05:00',
      '2024-01-01T14:30:00Z',
      '2023-12-31',
      undefined,
    ]);
    expect(timeOf('not a date')).toBeUndefined();
    expect(str('  ')).toBeUndefined();
  });
});
