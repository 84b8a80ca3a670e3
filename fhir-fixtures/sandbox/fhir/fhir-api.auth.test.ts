import type { Bundle, Observation, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../load-bundles.ts';
import { PATIENT_A, PATIENT_B, testBundle } from './test-data.ts';
import { fhirFetch, startFhirTestServer, type FhirTestServer } from './test-server.ts';

let server: FhirTestServer;

beforeAll(async () => {
  server = await startFhirTestServer();
  await loadBundle(server.state, testBundle());
});
afterAll(() => server.close());

const newObservation = (patient: string): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'note-check' },
  subject: { reference: `Patient/${patient}` },
});

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate when there is no token', async () => {
    const res = await fhirFetch<OperationOutcome>(`${server.base}/Patient/${PATIENT_A}`, undefined);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(res.json.resourceType).toBe('OperationOutcome');
  });

  it('answers 401 invalid_token for an unknown token', async () => {
    const res = await fhirFetch(`${server.base}/Patient/${PATIENT_A}`, 'not-a-real-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers 401 for an expired token', async () => {
    const expired = server.token('user/*.rs', undefined, 0);
    const res = await fhirFetch(`${server.base}/Patient/${PATIENT_A}`, expired);
    expect(res.status).toBe(401);
  });

  it('serves /metadata without a token', async () => {
    const res = await fhirFetch(`${server.base}/metadata`, undefined);
    expect(res.status).toBe(200);
    expect(res.json.resourceType).toBe('CapabilityStatement');
  });
});

describe('patient compartment (patient/ scopes)', () => {
  let tokenA: string;
  beforeAll(() => {
    tokenA = server.token('launch/patient openid fhirUser patient/*.rs', PATIENT_A);
  });

  it('reads its own patient and records', async () => {
    expect((await fhirFetch<Patient>(`${server.base}/Patient/${PATIENT_A}`, tokenA)).json.id).toBe(PATIENT_A);
    expect((await fhirFetch(`${server.base}/Observation/a-a1c-0`, tokenA)).status).toBe(200);
    const search = await fhirFetch<Bundle>(`${server.base}/Observation?patient=${PATIENT_A}`, tokenA);
    expect(search.status).toBe(200);
    expect(search.json.total).toBe(8);
  });

  it("refuses another patient's Patient resource with 403", async () => {
    const res = await fhirFetch<OperationOutcome>(`${server.base}/Patient/${PATIENT_B}`, tokenA);
    expect(res.status).toBe(403);
    expect(res.json.resourceType).toBe('OperationOutcome');
  });

  it("refuses another patient's Observation with 403", async () => {
    const res = await fhirFetch<OperationOutcome>(`${server.base}/Observation/b-a1c-0`, tokenA);
    expect(res.status).toBe(403);
    expect(res.json.issue[0]?.code).toBe('forbidden');
  });

  it.each([
    `Observation?patient=${PATIENT_B}`,
    `Observation?patient=Patient/${PATIENT_B}`,
    `Observation?subject=Patient/${PATIENT_B}`,
    `Observation?subject=${PATIENT_B}`,
    `Observation?patient=${PATIENT_A},${PATIENT_B}`,
    `Condition?subject=${PATIENT_B}`,
    `Encounter?patient=${PATIENT_B}&_count=1`,
  ])('refuses %s with 403', async (query) => {
    const res = await fhirFetch<OperationOutcome>(`${server.base}/${query}`, tokenA);
    expect(res.status).toBe(403);
    expect(res.json.resourceType).toBe('OperationOutcome');
  });

  it('refuses Patient?_id=B but narrows Patient searches to the launch patient', async () => {
    expect((await fhirFetch(`${server.base}/Patient?_id=${PATIENT_B}`, tokenA)).status).toBe(403);
    const all = await fhirFetch<Bundle<Patient>>(`${server.base}/Patient`, tokenA);
    expect(all.json.entry?.map((e) => e.resource?.id)).toEqual([PATIENT_A]);
  });

  it('narrows a search with no patient filter to the launch patient', async () => {
    const res = await fhirFetch<Bundle<Observation>>(
      `${server.base}/Observation?code=http://loinc.org|4548-4`,
      tokenA,
    );
    expect(res.json.total).toBe(5);
    expect(new Set(res.json.entry?.map((e) => e.resource?.subject?.reference))).toEqual(
      new Set([`Patient/${PATIENT_A}`]),
    );
  });

  it('reads shared reference data (Practitioner, Organization, Location, Medication)', async () => {
    for (const path of [
      'Practitioner/test-dr',
      'Organization/test-org',
      'Location/test-loc',
      'Medication/test-med',
    ]) {
      expect((await fhirFetch(`${server.base}/${path}`, tokenA)).status).toBe(200);
    }
  });

  it('refuses to create a resource for another patient, even with create scope', async () => {
    const writer = server.token('patient/Observation.crs', PATIENT_A);
    const res = await fhirFetch(`${server.base}/Observation`, writer, {
      method: 'POST',
      body: newObservation(PATIENT_B),
    });
    expect(res.status).toBe(403);
    const mine = await fhirFetch(`${server.base}/Observation`, writer, {
      method: 'POST',
      body: newObservation(PATIENT_A),
    });
    expect(mine.status).toBe(201);
  });

  it('refuses to move its own resource to another patient by update', async () => {
    const writer = server.token('patient/Condition.rus', PATIENT_A);
    const current = await fhirFetch<Observation>(`${server.base}/Condition/a-cond-active`, writer);
    const moved = { ...current.json, subject: { reference: `Patient/${PATIENT_B}` } };
    const res = await fhirFetch(`${server.base}/Condition/a-cond-active`, writer, {
      method: 'PUT',
      body: moved,
    });
    expect(res.status).toBe(403);
    expect(
      (await fhirFetch<Observation>(`${server.base}/Condition/a-cond-active`, writer)).json.subject
        ?.reference,
    ).toBe(`Patient/${PATIENT_A}`);
  });

  it('refuses a transaction that touches another patient and commits none of it', async () => {
    const writer = server.token('patient/*.cruds', PATIENT_A);
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: { ...newObservation(PATIENT_A), code: { text: 'txn-marker' } },
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: { ...newObservation(PATIENT_B), code: { text: 'txn-marker' } },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await fhirFetch(server.base, writer, { method: 'POST', body: bundle });
    expect(res.status).toBe(403);
    const all = await server.state.repo.searchResources<Observation>({
      resourceType: 'Observation',
      count: 1000,
    });
    expect(all.filter((o) => o.code.text === 'txn-marker')).toHaveLength(0);
  });

  it('refuses patient/ scopes when the grant has no patient', async () => {
    const noPatient = server.token('patient/*.rs');
    expect((await fhirFetch(`${server.base}/Observation/a-a1c-0`, noPatient)).status).toBe(403);
  });
});

describe('scopes per interaction', () => {
  it.each(['patient/*.rs', 'patient/*.read', 'user/*.read'])(
    'refuses create under read-only %s',
    async (scope) => {
      const token = server.token(scope, PATIENT_A);
      const res = await fhirFetch<OperationOutcome>(`${server.base}/Observation`, token, {
        method: 'POST',
        body: newObservation(PATIENT_A),
      });
      expect(res.status).toBe(403);
      expect(res.json.resourceType).toBe('OperationOutcome');
    },
  );

  it.each(['patient/Observation.c', 'patient/*.write', 'patient/*.cruds', 'user/Observation.c'])(
    'allows create under %s',
    async (scope) => {
      const token = server.token(scope, PATIENT_A);
      const res = await fhirFetch(`${server.base}/Observation`, token, {
        method: 'POST',
        body: newObservation(PATIENT_A),
      });
      expect(res.status).toBe(201);
    },
  );

  it('needs s to search and r to read', async () => {
    const readOnly = server.token('patient/Observation.r', PATIENT_A);
    expect((await fhirFetch(`${server.base}/Observation/a-a1c-0`, readOnly)).status).toBe(200);
    expect((await fhirFetch(`${server.base}/Observation?patient=${PATIENT_A}`, readOnly)).status).toBe(403);
    const searchOnly = server.token('patient/Observation.s', PATIENT_A);
    expect((await fhirFetch(`${server.base}/Observation/a-a1c-0`, searchOnly)).status).toBe(403);
    expect((await fhirFetch(`${server.base}/Observation?patient=${PATIENT_A}`, searchOnly)).status).toBe(200);
  });

  it('refuses a type the scopes do not name', async () => {
    const token = server.token('patient/Observation.rs', PATIENT_A);
    expect((await fhirFetch(`${server.base}/Condition/a-cond-active`, token)).status).toBe(403);
  });

  it('needs d to delete and u to update', async () => {
    const token = server.token('patient/Observation.crs', PATIENT_A);
    const created = await fhirFetch<Observation>(`${server.base}/Observation`, token, {
      method: 'POST',
      body: newObservation(PATIENT_A),
    });
    const url = `${server.base}/Observation/${created.json.id}`;
    expect((await fhirFetch(url, token, { method: 'DELETE' })).status).toBe(403);
    expect(
      (await fhirFetch(url, token, { method: 'PUT', body: { ...created.json, status: 'amended' } })).status,
    ).toBe(403);
    const full = server.token('patient/Observation.cruds', PATIENT_A);
    expect(
      (await fhirFetch(url, full, { method: 'PUT', body: { ...created.json, status: 'amended' } })).status,
    ).toBe(200);
    expect((await fhirFetch(url, full, { method: 'DELETE' })).status).toBe(200);
  });

  it('gives user/ scopes the whole type across patients', async () => {
    const token = server.token('user/Observation.rs');
    expect((await fhirFetch(`${server.base}/Observation/b-a1c-0`, token)).status).toBe(200);
    const res = await fhirFetch<Bundle>(`${server.base}/Observation?code=http://loinc.org|4548-4`, token);
    expect(res.json.total).toBe(7);
  });

  it('honours a v2 scope filter', async () => {
    const token = server.token('patient/Observation.rs?category=vital-signs', PATIENT_A);
    const res = await fhirFetch<Bundle>(`${server.base}/Observation?patient=${PATIENT_A}`, token);
    expect(res.json.total).toBe(3);
    expect((await fhirFetch(`${server.base}/Observation/a-hr-0`, token)).status).toBe(200);
    expect((await fhirFetch(`${server.base}/Observation/a-a1c-0`, token)).status).toBe(403);
  });
});
