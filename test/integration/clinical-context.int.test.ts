/**
 * The context builder against the sandbox EHR over HTTP: bearer tokens from the sandbox's grant
 * store, searches paged by following `link[rel=next]`, the EHR's own refusals and injected faults.
 * The FhirReader here is a small independent one written with fetch (the app's own reader runs
 * over fhirclient); it maps HTTP outcomes to `FhirReadError`s the way the contract describes.
 */
import type { Bundle, Coverage, Organization, Resource, ResourceType } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payerKindOf } from '../../fhir-fixtures/patients/builders/index.ts';
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import { startSandbox, type RunningSandbox } from '../../fhir-fixtures/sandbox/create-sandbox.ts';
import { PANEL_NAMES as PANELS } from '../../server/contract/clinical-context.ts';
import { loadBundleFile } from '../../fhir-fixtures/sandbox/load-bundles.ts';
import { usCoreBundlePath } from '../../fhir-fixtures/shared-data.ts';
import type { Panel } from '../../server/contract/clinical-context.ts';
import { FhirReadError, type FhirReader } from '../../server/context/fhir-reader.ts';
import { loadClinicalContext } from '../../server/context/load-clinical-context.ts';

interface HttpReaderOptions {
  /** What `canRead` answers; default everything. */
  readonly granted?: (type: ResourceType) => boolean;
  /** Overrides `_count`, to make small pages. */
  readonly pageSize?: number;
  /** Requests of this type go first; the others wait until it has answered (to aim a one-shot fault). */
  readonly first?: ResourceType;
}

class HttpFhirReader implements FhirReader {
  /** Every URL path requested, and for searches the pages and resources seen. */
  readonly requests: string[] = [];
  readonly searches: { type: string; params: Record<string, string>; pages: number; seen: number }[] = [];
  readonly #firstDone: Promise<void>;
  #markFirstDone: () => void = () => undefined;

  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly options: HttpReaderOptions = {},
  ) {
    this.#firstDone = options.first
      ? new Promise((resolve) => (this.#markFirstDone = resolve))
      : Promise.resolve();
  }

  canRead(type: ResourceType): boolean {
    return this.options.granted?.(type) ?? true;
  }

  async #turn<T>(type: ResourceType, work: () => Promise<T>): Promise<T> {
    if (type !== this.options.first) {
      await this.#firstDone;
      return work();
    }
    try {
      return await work();
    } finally {
      this.#markFirstDone();
    }
  }

  async #get(url: string): Promise<Resource> {
    this.requests.push(new URL(url).pathname);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/fhir+json' },
      });
    } catch (error) {
      throw new FhirReadError('unavailable', 'The EHR did not answer', undefined, { cause: error });
    }
    const { status } = response;
    if (status === 401) throw new FhirReadError('session_expired', 'The access token was refused', status);
    if (status === 403) throw new FhirReadError('forbidden', 'The EHR refused the read', status);
    if (status === 404 || status === 410) throw new FhirReadError('not_found', 'Not found', status);
    if (status >= 500 || status === 429) throw new FhirReadError('unavailable', 'The EHR failed', status);
    try {
      const body = (await response.json()) as Resource;
      if (!response.ok || typeof body?.resourceType !== 'string') throw new Error('not FHIR');
      return body;
    } catch (error) {
      throw new FhirReadError('malformed', 'The answer was not FHIR', status, { cause: error });
    }
  }

  read<K extends ResourceType>(type: K, id: string): Promise<Extract<Resource, { resourceType: K }>> {
    return this.#turn(type, async () => {
      const resource = await this.#get(`${this.base}/${type}/${encodeURIComponent(id)}`);
      if (resource.resourceType !== type) throw new FhirReadError('malformed', `Expected a ${type}`);
      return resource as Extract<Resource, { resourceType: K }>;
    });
  }

  search<K extends ResourceType>(
    type: K,
    params: Readonly<Record<string, string>>,
    options: { readonly maxPages?: number } = {},
  ): Promise<Extract<Resource, { resourceType: K }>[]> {
    return this.#turn(type, async () => {
      const query = {
        ...params,
        ...(this.options.pageSize ? { _count: String(this.options.pageSize) } : {}),
      };
      let next: string | undefined = `${this.base}/${type}?${new URLSearchParams(query).toString()}`;
      const found: Extract<Resource, { resourceType: K }>[] = [];
      let pages = 0;
      while (next && pages < (options.maxPages ?? 20)) {
        const bundle = await this.#get(next);
        if (bundle.resourceType !== 'Bundle') throw new FhirReadError('malformed', 'Expected a Bundle');
        pages++;
        for (const entry of bundle.entry ?? []) {
          if (entry.resource?.resourceType === type)
            found.push(entry.resource as Extract<Resource, { resourceType: K }>);
        }
        next = bundle.link?.find((l) => l.relation === 'next')?.url;
      }
      this.searches.push({ type, params: { ...params }, pages, seen: found.length });
      return found;
    });
  }
}

function okData<T>(panel: Panel<T>): T {
  if (panel.status !== 'ok') throw new Error(`panel unavailable: ${panel.reason}`);
  return panel.data;
}

let sandbox: RunningSandbox;

function tokenFor(patient: string, fhirUser: string, scope = 'launch openid fhirUser patient/*.rs'): string {
  return sandbox.state.grants.issueAccessToken({ clientId: 'context-test', scope, patient, fhirUser }, 3600);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  await loadBundleFile(sandbox.state, usCoreBundlePath('355'));
});
afterAll(() => sandbox?.close());
afterEach(async () => {
  await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
});

describe('clinical context from the sandbox EHR over HTTP', () => {
  it.each(patientFixtures.map((f) => [f.key, f] as const))(
    '%s: every panel loads and the payer is classified as the fixture says',
    async (_key, fixture) => {
      const resources = (fixture.bundle(sandbox.state.today).entry ?? []).map((e) => e.resource as Resource);
      const coverage = resources.find((r): r is Coverage => r.resourceType === 'Coverage')!;
      const payer = resources.find(
        (r): r is Organization => `Organization/${r.id}` === coverage.payor[0]?.reference,
      )!;
      const reader = new HttpFhirReader(
        sandbox.fhirBaseUrl,
        tokenFor(fixture.patientId, fixture.practitionerRef),
      );
      const context = await loadClinicalContext(reader, {
        patientId: fixture.patientId,
        encounterId: fixture.encounterId,
        fhirUser: `${sandbox.fhirBaseUrl}/${fixture.practitionerRef}`,
      });
      expect(okData(context.coverage).map((c) => [c.payerType, c.payerName])).toEqual([
        [payerKindOf(coverage), payer.name],
      ]);
      expect(okData(context.practitioner)?.ref).toBe(fixture.practitionerRef);
      expect(okData(context.encounter)?.ref).toBe(`Encounter/${fixture.encounterId}`);
      for (const name of PANELS) expect(context[name].status).toBe('ok');
    },
  );

  it('follows next links through every page of vital signs and labs (US Core patient 355)', async () => {
    const bundle = JSON.parse(readFileSync(usCoreBundlePath('355'), 'utf8')) as Bundle;
    const count = (category: string) =>
      (bundle.entry ?? []).filter(
        (e) =>
          e.resource?.resourceType === 'Observation' &&
          e.resource.category?.some((c) => c.coding?.some((x) => x.code === category)),
      ).length;
    const reader = new HttpFhirReader(sandbox.fhirBaseUrl, tokenFor('355', 'Practitioner/none'), {
      pageSize: 4,
    });
    const context = await loadClinicalContext(reader, { patientId: '355' });
    const vitals = reader.searches.find((s) => s.params.category === 'vital-signs')!;
    const labs = reader.searches.find((s) => s.params.category === 'laboratory')!;
    expect(vitals.pages).toBeGreaterThan(1);
    expect(vitals.seen).toBe(count('vital-signs'));
    expect(labs.pages).toBeGreaterThan(1);
    expect(labs.seen).toBe(count('laboratory'));
    expect(okData(context.vitals).length).toBeGreaterThan(3);
    // `maxPages: 1` searches stop after one page whatever the page size.
    expect(reader.searches.find((s) => s.type === 'DocumentReference')?.pages).toBe(1);
    expect(reader.searches.find((s) => s.type === 'Encounter')?.pages).toBe(1);
  });

  it('degrades only the panel whose read the EHR failed, and offers a retry', async () => {
    const fixture = patientFixtures[1]!;
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'http-503', appliesTo: 'reads', remaining: 1 }),
    });
    const reader = new HttpFhirReader(
      sandbox.fhirBaseUrl,
      tokenFor(fixture.patientId, fixture.practitionerRef),
      {
        first: 'AllergyIntolerance',
      },
    );
    const context = await loadClinicalContext(reader, {
      patientId: fixture.patientId,
      encounterId: fixture.encounterId,
    });
    expect(context.allergies).toEqual({
      status: 'unavailable',
      cause: 'failed',
      retryable: true,
      reason: 'Allergies could not be loaded from the EHR; the rest is current.',
    });
    for (const name of PANELS.filter((p) => p !== 'allergies')) expect(context[name].status).toBe('ok');
  });

  it("reports the EHR's refusal of one type without a retry, the rest loading", async () => {
    const fixture = patientFixtures[0]!;
    const scope = [
      'Patient',
      'Encounter',
      'Condition',
      'MedicationRequest',
      'Observation',
      'Coverage',
      'Organization',
      'Practitioner',
      'DocumentReference',
    ]
      .map((t) => `patient/${t}.rs`)
      .join(' ');
    const reader = new HttpFhirReader(
      sandbox.fhirBaseUrl,
      tokenFor(fixture.patientId, fixture.practitionerRef, scope),
    );
    const context = await loadClinicalContext(reader, {
      patientId: fixture.patientId,
      fhirUser: fixture.practitionerRef,
    });
    expect(context.allergies).toMatchObject({ status: 'unavailable', cause: 'failed', retryable: false });
    for (const name of PANELS.filter((p) => p !== 'allergies')) expect(context[name].status).toBe('ok');
  });

  it('sends no request for types the grant does not cover', async () => {
    const fixture = patientFixtures[0]!;
    const reader = new HttpFhirReader(
      sandbox.fhirBaseUrl,
      tokenFor(fixture.patientId, fixture.practitionerRef),
      {
        granted: (type) => type !== 'Coverage' && type !== 'Observation',
      },
    );
    const context = await loadClinicalContext(reader, {
      patientId: fixture.patientId,
      fhirUser: fixture.practitionerRef,
    });
    for (const name of ['coverage', 'vitals', 'labs'] as const)
      expect(context[name]).toMatchObject({ cause: 'not_granted' });
    expect(reader.requests.filter((p) => /\/(Coverage|Observation|Organization)(\/|$)/.test(p))).toEqual([]);
    expect(context.problems.status).toBe('ok');
  });

  it('rejects with session_expired when the EHR stops honouring the token, so the user relaunches', async () => {
    const fixture = patientFixtures[0]!;
    const reader = new HttpFhirReader(
      sandbox.fhirBaseUrl,
      tokenFor(fixture.patientId, fixture.practitionerRef),
    );
    await fetch(`${sandbox.url}/_sandbox/tokens/expire`, { method: 'POST' });
    await expect(loadClinicalContext(reader, { patientId: fixture.patientId })).rejects.toMatchObject({
      name: 'FhirReadError',
      failure: 'session_expired',
    });
  });
});
