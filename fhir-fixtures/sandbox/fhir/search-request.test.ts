import { OperationOutcomeError, parseSearchRequest } from '@medplum/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFhirDefinitions } from './fhir-definitions.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, normalizeSearchRequest } from './search-request.ts';

beforeAll(() => ensureFhirDefinitions());

const normalize = (type: string, query: Record<string, string>, maxPageSize?: number) =>
  normalizeSearchRequest(parseSearchRequest(type, query), { maxPageSize });

describe('normalizeSearchRequest', () => {
  it('types a bare id for a Patient-only reference', () => {
    expect(normalize('Observation', { patient: '123' }).filters?.[0]?.value).toBe('Patient/123');
  });

  it('expands a bare id to every target of a polymorphic reference', () => {
    const value = normalize('Observation', { subject: '123' }).filters?.[0]?.value ?? '';
    expect(value.split(',')).toEqual(expect.arrayContaining(['Patient/123', 'Group/123']));
  });

  it('strips an absolute URL to Type/id and keeps typed references', () => {
    expect(
      normalize('Observation', { patient: 'https://ehr.example/fhir/Patient/9' }).filters?.[0]?.value,
    ).toBe('Patient/9');
    expect(normalize('Observation', { patient: 'Patient/9' }).filters?.[0]?.value).toBe('Patient/9');
  });

  it('defaults and caps _count', () => {
    expect(normalize('Observation', {}).count).toBe(DEFAULT_PAGE_SIZE);
    expect(normalize('Observation', { _count: '100000' }).count).toBe(MAX_PAGE_SIZE);
    expect(normalize('Observation', { _count: '0' }).count).toBe(0);
  });

  it('lowers _count, and the default page, to a smaller maxPageSize', () => {
    expect(normalize('Observation', { _count: '100' }, 10).count).toBe(10);
    expect(normalize('Observation', { _count: '7' }, 10).count).toBe(7);
    expect(normalize('Observation', {}, 10).count).toBe(10);
    expect(normalize('Observation', { _count: '5000' }, 2000).count).toBe(2000);
  });

  it.each([
    ['Observation', { bogus: 'x' }, 400],
    ['Observation', { _sort: 'nope' }, 400],
    ['Observation', { _compartment: 'Patient/1' }, 400],
    ['Observation', { 'patient.name': 'x' }, 400],
    ['Observation', { _count: 'many' }, 400],
    ['Spaceship', {}, 404],
  ] as const)('refuses %s %j', (type, query, status) => {
    try {
      normalize(type, query);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(OperationOutcomeError);
      expect((err as OperationOutcomeError).outcome.id === 'not-found' ? 404 : 400).toBe(status);
    }
  });
});
