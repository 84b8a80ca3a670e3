import { readFileSync } from 'node:fs';
import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientFixtures } from '../patients/index.ts';
import { usCoreBundlePath } from '../shared-data.ts';
import { fhirFetch, startFhirTestServer, type FhirTestServer } from './fhir/test-server.ts';
import { loadBundle, loadBundleFile, loadFixturePatients } from './load-bundles.ts';
import { SandboxState } from './state.ts';

/** How many resources of a type the file itself holds: the truth the server must match. */
function countInFile(file: string, resourceType: string): number {
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
  return bundle.entry?.filter((e) => e.resource?.resourceType === resourceType).length ?? 0;
}

/** Follows `next` links from `url` to the end; returns every entry id and the page count. */
async function pageThrough(
  url: string,
  token: string,
): Promise<{ ids: string[]; pages: number; total: number | undefined }> {
  const ids: string[] = [];
  let pages = 0;
  let total: number | undefined;
  let next: string | undefined = url;
  while (next) {
    const res: { status: number; json: Bundle } = await fhirFetch<Bundle>(next, token);
    expect(res.status).toBe(200);
    total = res.json.total;
    ids.push(...(res.json.entry ?? []).map((e) => e.resource?.id ?? ''));
    next = res.json.link?.find((l) => l.relation === 'next')?.url;
    pages++;
  }
  return { ids, pages, total };
}

describe('US Core (Synthea) bundles', () => {
  let server: FhirTestServer;
  beforeAll(async () => {
    server = await startFhirTestServer();
    await loadBundleFile(server.state, usCoreBundlePath('355'));
    await loadBundleFile(server.state, usCoreBundlePath('85'));
  });
  afterAll(() => server.close());

  it('loads both patients with urn:uuid references resolved', async () => {
    const token = server.token('user/*.rs');
    for (const id of ['355', '85']) {
      expect((await fhirFetch<Patient>(`${server.base}/Patient/${id}`, token)).json.id).toBe(id);
    }
    const page = await fhirFetch<Bundle<Observation>>(
      `${server.base}/Observation?patient=355&_count=5`,
      token,
    );
    expect(page.json.entry?.every((e) => e.resource?.subject?.reference === 'Patient/355')).toBe(true);
    expect(
      page.json.entry?.every((e) => /^Encounter\/[^:]+$/.test(e.resource?.encounter?.reference ?? '')),
    ).toBe(true);
  });

  it.each([
    ['Observation', 25],
    ['Encounter', 40],
  ])(
    "pages through patient 355's %s with _count=%i and next links to the full count",
    async (type, count) => {
      const token = server.token('launch/patient patient/*.rs', '355');
      const expected = countInFile(usCoreBundlePath('355'), type);
      const { ids, pages, total } = await pageThrough(
        `${server.base}/${type}?patient=355&_count=${count}`,
        token,
      );
      expect(total).toBe(expected);
      expect(ids).toHaveLength(expected);
      expect(new Set(ids).size).toBe(expected);
      expect(pages).toBe(Math.ceil(expected / count));
    },
  );

  it('keeps patient 85 separate: a narrowed search for 355 does not see 85', async () => {
    const token = server.token('patient/Observation.rs', '355');
    const all = await fhirFetch<Bundle>(`${server.base}/Observation?_summary=count`, token);
    expect(all.json.total).toBe(countInFile(usCoreBundlePath('355'), 'Observation'));
    const other = await fhirFetch<Bundle>(
      `${server.base}/Observation?patient=85`,
      server.token('user/Observation.rs'),
    );
    expect(other.json.total).toBe(countInFile(usCoreBundlePath('85'), 'Observation'));
  });
});

describe('loadBundle', () => {
  it('loads a transaction with more updates than the router allows as a checked batch', async () => {
    const state = new SandboxState();
    const entry = Array.from({ length: 60 }, (_, i) => ({
      resource: { resourceType: 'Patient' as const, id: `bulk-${i}` },
      request: { method: 'PUT' as const, url: `Patient/bulk-${i}` },
    }));
    await loadBundle(state, { resourceType: 'Bundle', type: 'transaction', entry });
    expect(await state.repo.searchResources({ resourceType: 'Patient', count: 100 })).toHaveLength(60);
  });

  it('throws when an entry fails', async () => {
    const state = new SandboxState();
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ request: { method: 'DELETE', url: 'Patient/not-there' } }],
    };
    await expect(loadBundle(state, bundle)).rejects.toThrow(/#0 \(404\)/);
  });

  it('refuses something that is not a transaction or batch', async () => {
    await expect(
      loadBundle(new SandboxState(), { resourceType: 'Bundle', type: 'collection' }),
    ).rejects.toThrow(/transaction or batch/);
  });
});

describe('loadFixturePatients', () => {
  it("loads every synthetic fixture with its patient and today's encounter", async () => {
    const state = new SandboxState({ today: '2026-03-02' });
    expect(await loadFixturePatients(state)).toBe(patientFixtures.length);
    for (const fixture of patientFixtures) {
      expect((await state.repo.readResource('Patient', fixture.patientId)).id).toBe(fixture.patientId);
      expect((await state.repo.readResource('Encounter', fixture.encounterId)).id).toBe(fixture.encounterId);
    }
  });
});
