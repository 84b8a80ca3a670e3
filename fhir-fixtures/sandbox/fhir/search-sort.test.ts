import type { Observation, Patient } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFhirDefinitions } from './fhir-definitions.ts';
import { sortResources } from './search-sort.ts';

beforeAll(() => ensureFhirDefinitions());

const obs = (id: string, when?: string | { start: string }): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ code: id.slice(0, 1) }] },
  ...(typeof when === 'string' ? { effectiveDateTime: when } : when ? { effectivePeriod: when } : {}),
});

describe('sortResources', () => {
  const list = [
    obs('a1', '2024-01-01'),
    obs('b2', { start: '2024-03-01T00:00:00Z' }),
    obs('a3', '2024-02-01T12:00:00+05:00'),
    obs('b4'),
  ];

  it('orders dates as instants, Periods by start, missing values last', () => {
    expect(sortResources(list, [{ code: 'date' }]).map((o) => o.id)).toEqual(['a1', 'a3', 'b2', 'b4']);
    expect(sortResources(list, [{ code: 'date', descending: true }]).map((o) => o.id)).toEqual([
      'b2',
      'a3',
      'a1',
      'b4',
    ]);
  });

  it('lets the first rule decide and later rules break ties', () => {
    const ids = sortResources(list, [{ code: 'code' }, { code: 'date', descending: true }]).map((o) => o.id);
    expect(ids).toEqual(['a3', 'a1', 'b2', 'b4']);
  });

  it('compares time zones correctly', () => {
    const early = obs('x', '2024-05-01T10:00:00+02:00'); // 08:00Z
    const late = obs('y', '2024-05-01T09:00:00Z');
    expect(sortResources([late, early], [{ code: 'date' }]).map((o) => o.id)).toEqual(['x', 'y']);
  });

  it('sorts strings case-insensitively', () => {
    const people: Patient[] = [
      { resourceType: 'Patient', id: '1', name: [{ family: 'zeta' }] },
      { resourceType: 'Patient', id: '2', name: [{ family: 'Alpha' }] },
    ];
    expect(sortResources(people, [{ code: 'family' }]).map((p) => p.id)).toEqual(['2', '1']);
  });
});
