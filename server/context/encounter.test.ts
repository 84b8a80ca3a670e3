import type { Encounter } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { loadEncounter, normaliseEncounter } from './encounter.ts';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { UnreadableResourceError } from './panel.ts';

const visit = (id: string, start: string, extra: Partial<Encounter> = {}): Encounter => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  subject: { reference: 'Patient/p1' },
  period: { start },
  ...extra,
});

describe('normaliseEncounter', () => {
  it('reads class, type, times, reasons and place', () => {
    const summary = normaliseEncounter(
      visit('e1', '2025-03-10T09:15:00-05:00', {
        status: 'in-progress',
        class: { code: 'VR', display: 'virtual' },
        type: [{ text: 'Office visit' }],
        reasonCode: [{ text: 'Ankle swelling' }, { coding: [{ code: 'x', display: 'Weight gain' }] }],
        reasonReference: [
          { reference: 'Condition/c1', display: 'Heart failure' },
          { reference: 'Condition/c2' },
        ],
        location: [{ location: { reference: 'Location/l1' } }, { location: { display: 'Room 4' } }],
        serviceProvider: { display: 'Example Valley' },
      }),
    );
    expect(summary).toEqual({
      ref: 'Encounter/e1',
      status: 'in-progress',
      class: 'virtual',
      type: 'Office visit',
      start: '2025-03-10T09:15:00-05:00',
      reasons: ['Ankle swelling', 'Weight gain', 'Heart failure'],
      location: 'Room 4',
    });
  });

  it('falls back to the service provider and maps the AMB class', () => {
    const summary = normaliseEncounter(visit('e2', '2025-01-01', { serviceProvider: { display: 'Clinic' } }));
    expect(summary).toMatchObject({ class: 'ambulatory', location: 'Clinic', reasons: [] });
  });

  it('refuses an Encounter without a status', () => {
    expect(normaliseEncounter({ resourceType: 'Encounter', id: 'e3' })).toBeUndefined();
  });
});

describe('loadEncounter', () => {
  const resources = [
    visit('old', '2024-01-01'),
    visit('new', '2025-01-01'),
    visit('other', '2025-02-01', { subject: { reference: 'Patient/p2' } }),
  ];

  it('reads the launch encounter when there is one', async () => {
    const reader = new FakeFhirReader({ resources });
    expect((await loadEncounter(reader, 'p1', 'old')).data?.ref).toBe('Encounter/old');
    expect(reader.calls).toEqual([{ op: 'read', type: 'Encounter', id: 'old' }]);
  });

  it("otherwise searches one page for the patient's most recent encounter", async () => {
    const reader = new FakeFhirReader({ resources });
    expect((await loadEncounter(reader, 'p1', undefined)).data?.ref).toBe('Encounter/new');
    expect(reader.calls[0]).toMatchObject({
      op: 'search',
      params: { patient: 'p1', _sort: '-date', _count: '1' },
      maxPages: 1,
    });
    expect((await loadEncounter(reader, 'nobody', undefined)).data).toBeNull();
  });

  it('calls an unreadable encounter malformed', async () => {
    const reader = new FakeFhirReader({ resources: [{ resourceType: 'Encounter', id: 'bad' } as Encounter] });
    await expect(loadEncounter(reader, 'p1', 'bad')).rejects.toBeInstanceOf(UnreadableResourceError);
  });
});
