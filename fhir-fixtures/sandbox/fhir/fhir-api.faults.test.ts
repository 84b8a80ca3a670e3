import type { Bundle, Observation, OperationOutcome } from '@medplum/fhirtypes';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../load-bundles.ts';
import { NO_FAULTS, type FaultSettings } from '../state.ts';
import { PATIENT_A, testBundle } from './test-data.ts';
import { fhirFetch, startFhirTestServer, type FhirTestServer } from './test-server.ts';

let server: FhirTestServer;
let token: string;

beforeAll(async () => {
  server = await startFhirTestServer();
  await loadBundle(server.state, testBundle());
  token = server.token('user/*.cruds');
});
afterAll(() => server.close());
afterEach(() => {
  server.state.faults = { ...NO_FAULTS };
});

const setFaults = (faults: Partial<FaultSettings>): void => {
  server.state.faults = { ...NO_FAULTS, ...faults };
};
const marked = (text: string): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text },
  subject: { reference: `Patient/${PATIENT_A}` },
});
async function countMarked(repoOf: FhirTestServer, text: string): Promise<number> {
  const all = await repoOf.state.repo.searchResources<Observation>({
    resourceType: 'Observation',
    count: 10_000,
  });
  return all.filter((o) => o.code.text === text).length;
}
const readUrl = (): string => `${server.base}/Patient/${PATIENT_A}`;

describe('http-500 and http-503', () => {
  it.each([
    ['http-500', 500],
    ['http-503', 503],
  ] as const)('%s answers %i with an OperationOutcome', async (mode, status) => {
    setFaults({ mode });
    const res = await fhirFetch<OperationOutcome>(readUrl(), token);
    expect(res.status).toBe(status);
    expect(res.json.resourceType).toBe('OperationOutcome');
  });

  it('does not perform a write it fails', async () => {
    setFaults({ mode: 'http-503' });
    const res = await fhirFetch(`${server.base}/Observation`, token, {
      method: 'POST',
      body: marked('503-write'),
    });
    expect(res.status).toBe(503);
    expect(await countMarked(server, '503-write')).toBe(0);
  });

  it('counts down remaining and clears the fault at 0', async () => {
    setFaults({ mode: 'http-503', remaining: 2 });
    expect((await fhirFetch(readUrl(), token)).status).toBe(503);
    expect(server.state.faults.remaining).toBe(1);
    expect((await fhirFetch(readUrl(), token)).status).toBe(503);
    expect(server.state.faults.mode).toBe('none');
    expect((await fhirFetch(readUrl(), token)).status).toBe(200);
  });

  it('applies only to writes or only to reads when asked', async () => {
    setFaults({ mode: 'http-500', appliesTo: 'writes' });
    expect((await fhirFetch(readUrl(), token)).status).toBe(200);
    expect(
      (await fhirFetch(`${server.base}/Observation`, token, { method: 'POST', body: marked('w') })).status,
    ).toBe(500);
    setFaults({ mode: 'http-500', appliesTo: 'reads' });
    expect((await fhirFetch(readUrl(), token)).status).toBe(500);
    const search = await fetch(`${server.base}/Observation/_search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `patient=${PATIENT_A}`,
    });
    expect(search.status).toBe(500); // POST _search is a read
    expect(
      (await fhirFetch(`${server.base}/Observation`, token, { method: 'POST', body: marked('r') })).status,
    ).toBe(201);
  });

  it('is not used up by requests that fail authentication', async () => {
    setFaults({ mode: 'http-500', remaining: 1 });
    expect((await fhirFetch(readUrl(), 'bad-token')).status).toBe(401);
    expect(server.state.faults.remaining).toBe(1);
  });
});

describe('latency', () => {
  it('delays responses past a short client timeout, and not when cleared', async () => {
    setFaults({ latencyMs: 3000 });
    await expect(
      fetch(readUrl(), { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    setFaults({ latencyMs: 0 });
    const res = await fetch(readUrl(), {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5000),
    });
    expect(res.status).toBe(200);
  });
});

describe('drop-connection', () => {
  it('destroys the socket without an answer and without doing the write', async () => {
    setFaults({ mode: 'drop-connection', appliesTo: 'writes' });
    await expect(
      fhirFetch(`${server.base}/Observation`, token, { method: 'POST', body: marked('dropped') }),
    ).rejects.toThrow(/fetch failed/);
    expect(await countMarked(server, 'dropped')).toBe(0);
  });
});

describe('timeout-after-commit', () => {
  it('commits the write but never answers; the client gives up', async () => {
    setFaults({ mode: 'timeout-after-commit', appliesTo: 'writes', remaining: 1 });
    const controller = new AbortController();
    const pending = fhirFetch(`${server.base}/Observation`, token, {
      method: 'POST',
      body: marked('committed-unknown'),
      signal: controller.signal,
    });
    while ((await countMarked(server, 'committed-unknown')) === 0) await sleep(10);
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    // The write is real: a reconciling client finds it by searching.
    const found = await fhirFetch<Bundle<Observation>>(
      `${server.base}/Observation?patient=${PATIENT_A}&_count=1000`,
      token,
    );
    expect(found.json.entry?.filter((e) => e.resource?.code.text === 'committed-unknown')).toHaveLength(1);
  });

  it('lets the server close with closeAllConnections while a response is held', async () => {
    const own = await startFhirTestServer();
    await loadBundle(own.state, testBundle());
    own.state.faults = { ...NO_FAULTS, mode: 'timeout-after-commit' };
    const pending = fhirFetch(`${own.base}/Observation`, own.token('user/*.cruds'), {
      method: 'POST',
      body: marked('held'),
    });
    const settled = pending.then(
      () => 'answered',
      () => 'failed',
    );
    while ((await countMarked(own, 'held')) === 0) await sleep(10);
    await own.close();
    expect(await settled).toBe('failed');
  });
});
