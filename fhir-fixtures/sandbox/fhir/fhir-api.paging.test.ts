import type { Bundle, BundleEntry, Observation } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../load-bundles.ts';
import { fhirFetch, startFhirTestServer, type FhirTestServer } from './test-server.ts';

const PATIENT = 'paging-pat';
const OTHER = 'paging-other';
/** 23 of the patient's, 4 of another patient's: three pages of 10 with a part-filled last one. */
const MINE = 23;

function observation(id: string, patient: string, day: number): BundleEntry<Observation> {
  return {
    resource: {
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: `2025-01-${String(day).padStart(2, '0')}T09:00:00Z`,
    },
    request: { method: 'PUT', url: `Observation/${id}` },
  };
}

let server: FhirTestServer;
const mineIds = Array.from({ length: MINE }, (_, i) => `obs-${i}`);

beforeAll(async () => {
  server = await startFhirTestServer({ maxPageSize: 10 });
  await loadBundle(server.state, {
    resourceType: 'Bundle',
    type: 'batch',
    entry: [
      {
        resource: { resourceType: 'Patient', id: PATIENT },
        request: { method: 'PUT', url: `Patient/${PATIENT}` },
      },
      {
        resource: { resourceType: 'Patient', id: OTHER },
        request: { method: 'PUT', url: `Patient/${OTHER}` },
      },
      ...mineIds.map((id, i) => observation(id, PATIENT, i + 1)),
      ...[1, 2, 3, 4].map((i) => observation(`other-${i}`, OTHER, i)),
    ],
  });
});
afterAll(() => server.close());

const nextOf = (bundle: Bundle): string | undefined => bundle.link?.find((l) => l.relation === 'next')?.url;

/** GETs `url`, then every `next` link; returns each page. */
async function follow(url: string, token: string): Promise<Bundle[]> {
  const pages: Bundle[] = [];
  let next: string | undefined = url;
  while (next) {
    expect(pages.length).toBeLessThan(20); // a next link that never ends is a bug
    const res: { status: number; json: Bundle } = await fhirFetch<Bundle>(next, token);
    expect(res.status).toBe(200);
    pages.push(res.json);
    next = nextOf(res.json);
  }
  return pages;
}

const idsOf = (pages: Bundle[]): string[] =>
  pages.flatMap((page) => page.entry?.map((e) => e.resource?.id ?? '') ?? []);

describe('a sandbox with maxPageSize 10', () => {
  it('answers _count=100 with 10 entries, the exact total and a next link', async () => {
    const token = server.token('user/*.rs');
    const res = await fhirFetch<Bundle>(`${server.base}/Observation?patient=${PATIENT}&_count=100`, token);
    expect(res.status).toBe(200);
    expect(res.json.entry).toHaveLength(10);
    expect(res.json.total).toBe(MINE);
    expect(res.json.link?.find((l) => l.relation === 'self')?.url).toContain('_count=10');
    const next = nextOf(res.json);
    expect(next).toBeDefined();
    expect(new URL(next!).searchParams.get('_offset')).toBe('10');
  });

  it('yields every result exactly once by following next links', async () => {
    const pages = await follow(
      `${server.base}/Observation?patient=${PATIENT}&_count=100`,
      server.token('user/*.rs'),
    );
    expect(pages.map((p) => p.entry?.length ?? 0)).toEqual([10, 10, 3]);
    const ids = idsOf(pages);
    expect(ids).toHaveLength(MINE);
    expect(new Set(ids)).toEqual(new Set(mineIds));
  });

  it('pages a sorted search in order, also without _count (the default page is lowered too)', async () => {
    const pages = await follow(
      `${server.base}/Observation?patient=${PATIENT}&_sort=-date`,
      server.token('user/*.rs'),
    );
    expect(pages).toHaveLength(3);
    expect(idsOf(pages)).toEqual([...mineIds].reverse());
  });

  it("pages a patient-fenced token's narrowed search without the other patient's records", async () => {
    const token = server.token('launch/patient patient/*.rs', PATIENT);
    const pages = await follow(`${server.base}/Observation?_count=50`, token);
    expect(pages.every((p) => p.total === MINE)).toBe(true);
    expect(new Set(idsOf(pages))).toEqual(new Set(mineIds));
    expect(idsOf(pages)).toHaveLength(MINE);
  });

  it('keeps a smaller _count as asked', async () => {
    const pages = await follow(
      `${server.base}/Observation?patient=${PATIENT}&_count=7`,
      server.token('user/*.rs'),
    );
    expect(pages.map((p) => p.entry?.length ?? 0)).toEqual([7, 7, 7, 2]);
    expect(new Set(idsOf(pages)).size).toBe(MINE);
  });

  it('ends with no next link when the last page is exactly full', async () => {
    const token = server.token('user/*.rs');
    const pages = await follow(`${server.base}/Observation?_id=${mineIds.slice(0, 20).join(',')}`, token);
    expect(pages.map((p) => p.entry?.length ?? 0)).toEqual([10, 10]);
  });
});
