import type { DocumentReference } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { loadNotes, normaliseNote } from './notes.ts';

function note(
  id: string,
  date: string | undefined,
  extra: Partial<DocumentReference> = {},
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id,
    status: 'current',
    docStatus: 'final',
    subject: { reference: 'Patient/p1' },
    type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
    ...(date ? { date } : {}),
    author: [{ reference: 'Practitioner/d1', display: 'Dr. Okafor' }],
    content: [{ attachment: { contentType: 'text/plain', data: 'c2VjcmV0' } }],
    ...extra,
  };
}

describe('normaliseNote', () => {
  it('keeps type, date, author and statuses, never the body', () => {
    const summary = normaliseNote(note('n1', '2025-01-01T10:00:00Z'));
    expect(summary).toEqual({
      ref: 'DocumentReference/n1',
      type: 'Progress note',
      date: '2025-01-01T10:00:00Z',
      author: 'Dr. Okafor',
      status: 'current',
      docStatus: 'final',
    });
    expect(JSON.stringify(summary)).not.toContain('c2VjcmV0');
  });

  it('falls back to the description and the context period', () => {
    const bare = note('n2', undefined, {
      type: undefined,
      description: 'Echo report',
      author: undefined,
      context: { period: { start: '2024-05-01' } },
    });
    expect(normaliseNote(bare)).toMatchObject({ type: 'Echo report', date: '2024-05-01' });
    expect(normaliseNote({ resourceType: 'DocumentReference', id: 'x' })).toBeUndefined();
  });
});

describe('loadNotes', () => {
  it('asks for one page of the ten newest, and lists them newest first without entered-in-error ones', async () => {
    const reader = new FakeFhirReader({
      resources: [
        note('a', '2024-01-01T00:00:00Z'),
        note('b', '2025-01-01T00:00:00Z'),
        note('c', '2025-02-01T00:00:00Z', { status: 'entered-in-error' }),
      ],
    });
    const { data } = await loadNotes(reader, 'p1');
    expect(data.map((n) => n.ref)).toEqual(['DocumentReference/b', 'DocumentReference/a']);
    expect(reader.calls[0]).toMatchObject({
      params: { patient: 'p1', _sort: '-date', _count: '10' },
      maxPages: 1,
    });
  });
});
