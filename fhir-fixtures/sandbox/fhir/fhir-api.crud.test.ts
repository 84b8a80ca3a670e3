import type { Bundle, CapabilityStatement, Observation, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../load-bundles.ts';
import { MAX_BODY_BYTES } from './body-parsing.ts';
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

const obs = (text: string): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text },
  subject: { reference: `Patient/${PATIENT_A}` },
});

describe('metadata', () => {
  it('names the vendor profile in software.name and follows changes', async () => {
    const generic = await fhirFetch<CapabilityStatement>(`${server.base}/metadata`, undefined);
    expect(generic.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(generic.json.fhirVersion).toBe('4.0.1');
    expect(generic.json.software?.name).toMatch(/generic/i);
    server.state.vendor = 'epic';
    expect(
      (await fhirFetch<CapabilityStatement>(`${server.base}/metadata`, undefined)).json.software?.name,
    ).toMatch(/^Epic/);
    server.state.vendor = 'oracle-health';
    expect(
      (await fhirFetch<CapabilityStatement>(`${server.base}/metadata`, undefined)).json.software?.name,
    ).toMatch(/Oracle Health/);
    server.state.vendor = 'generic';
    const observation = generic.json.rest?.[0]?.resource?.find((r) => r.type === 'Observation');
    expect(observation?.searchParam?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['patient', 'code', 'date', 'category']),
    );
  });
});

describe('read, vread, create, update, patch, delete', () => {
  it('reads a resource as application/fhir+json with an ETag', async () => {
    const res = await fhirFetch<Patient>(`${server.base}/Patient/${PATIENT_A}`, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(res.headers.get('etag')).toBe(`W/"${res.json.meta?.versionId}"`);
  });

  it('creates with 201, a server-assigned id and a Location that reads back', async () => {
    const res = await fhirFetch<Observation>(`${server.base}/Observation`, token, {
      method: 'POST',
      body: { ...obs('created'), id: 'client-picked', meta: { versionId: 'x' } },
    });
    expect(res.status).toBe(201);
    expect(res.json.id).not.toBe('client-picked');
    expect(res.json.meta?.versionId).not.toBe('x');
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`${server.base}/Observation/${res.json.id}/_history/${res.json.meta?.versionId}`);
    const back = await fhirFetch<Observation>(location, token);
    expect(back.status).toBe(200);
    expect(back.json.code.text).toBe('created');
  });

  it('updates with PUT, keeps versions for vread, patches and deletes', async () => {
    const created = (
      await fhirFetch<Observation>(`${server.base}/Observation`, token, { method: 'POST', body: obs('v1') })
    ).json;
    const url = `${server.base}/Observation/${created.id}`;
    const updated = await fhirFetch<Observation>(url, token, {
      method: 'PUT',
      body: { ...created, code: { text: 'v2' } },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.meta?.versionId).not.toBe(created.meta?.versionId);
    const v1 = await fhirFetch<Observation>(`${url}/_history/${created.meta?.versionId}`, token);
    expect(v1.json.code.text).toBe('v1');
    const history = await fhirFetch<Bundle>(`${url}/_history`, token);
    expect(history.json.entry).toHaveLength(2);

    const patched = await fhirFetch<Observation>(url, token, {
      method: 'PATCH',
      body: [{ op: 'replace', path: '/status', value: 'amended' }],
      headers: { 'content-type': 'application/json-patch+json' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.status).toBe('amended');

    expect((await fhirFetch(url, token, { method: 'DELETE' })).status).toBe(200);
    expect((await fhirFetch(url, token)).status).toBe(404);
  });

  it('answers 412 when If-Match names an old version', async () => {
    const created = (
      await fhirFetch<Observation>(`${server.base}/Observation`, token, { method: 'POST', body: obs('im') })
    ).json;
    const url = `${server.base}/Observation/${created.id}`;
    await fhirFetch(url, token, { method: 'PUT', body: { ...created, status: 'amended' } });
    const stale = await fhirFetch(url, token, {
      method: 'PUT',
      body: { ...created, status: 'corrected' },
      headers: { 'if-match': `W/"${created.meta?.versionId}"` },
    });
    expect(stale.status).toBe(412);
  });
});

describe('batch and transaction', () => {
  it('resolves urn:uuid references in a transaction', async () => {
    const patientUrn = 'urn:uuid:0b7c4f5e-1d2a-4c3b-9e8f-123456789abc';
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: patientUrn,
          resource: { resourceType: 'Patient', name: [{ family: 'Urnson' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'urn' },
            subject: { reference: patientUrn },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await fhirFetch<Bundle>(server.base, token, { method: 'POST', body: bundle });
    expect(res.status).toBe(200);
    expect(res.json.type).toBe('transaction-response');
    const patientId = res.json.entry?.[0]?.resource?.id;
    const observation = res.json.entry?.[1]?.resource as Observation;
    expect(observation.subject?.reference).toBe(`Patient/${patientId}`);
    expect(res.json.entry?.map((e) => e.response?.status)).toEqual(['201', '201']);
  });

  it('rolls a failed transaction back entirely', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: obs('rollback-marker'), request: { method: 'POST', url: 'Observation' } },
        // No status: R4 requires one, so this entry fails validation after the first was written.
        {
          resource: { resourceType: 'Observation', code: { text: 'rollback-marker' } } as Observation,
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await fhirFetch<OperationOutcome>(server.base, token, { method: 'POST', body: bundle });
    expect(res.status).toBe(422);
    const all = await server.state.repo.searchResources<Observation>({
      resourceType: 'Observation',
      count: 1000,
    });
    expect(all.filter((o) => o.code.text === 'rollback-marker')).toHaveLength(0);
  });

  it('reports each entry of a batch separately', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: obs('batch-ok'), request: { method: 'POST', url: 'Observation' } },
        { request: { method: 'GET', url: 'Observation/does-not-exist' } },
        { request: { method: 'GET', url: `Patient/${PATIENT_A}` } },
      ],
    };
    const res = await fhirFetch<Bundle>(server.base, token, { method: 'POST', body: bundle });
    expect(res.status).toBe(200);
    expect(res.json.entry?.map((e) => e.response?.status)).toEqual(['201', '404', '200']);
  });
});

describe('errors are OperationOutcomes with the right status', () => {
  it('404 for an unknown id and for an unknown type', async () => {
    const missing = await fhirFetch<OperationOutcome>(`${server.base}/Patient/nobody`, token);
    expect(missing.status).toBe(404);
    expect(missing.json.resourceType).toBe('OperationOutcome');
    expect((await fhirFetch(`${server.base}/Spaceship/1`, token)).status).toBe(404);
  });

  it('400 for malformed JSON', async () => {
    const res = await fhirFetch<OperationOutcome>(`${server.base}/Observation`, token, {
      method: 'POST',
      body: '{"resourceType": ',
    });
    expect(res.status).toBe(400);
    expect(res.json.resourceType).toBe('OperationOutcome');
  });

  it('400 for a missing body and 415 for a non-JSON one', async () => {
    expect((await fhirFetch(`${server.base}/Observation`, token, { method: 'POST' })).status).toBe(400);
    const text = await fhirFetch(`${server.base}/Observation`, token, {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
  });

  it('413 for a body over the limit', async () => {
    const huge = { ...obs('huge'), note: [{ text: 'x'.repeat(MAX_BODY_BYTES + 1) }] };
    const res = await fhirFetch<OperationOutcome>(`${server.base}/Observation`, token, {
      method: 'POST',
      body: huge,
    });
    expect(res.status).toBe(413);
    expect(res.json.resourceType).toBe('OperationOutcome');
  });

  it('422 for a resource that breaks R4 rules, with the validator issues', async () => {
    const res = await fhirFetch<OperationOutcome>(`${server.base}/Patient`, token, {
      method: 'POST',
      body: { resourceType: 'Patient', favouriteColour: 'blue' },
    });
    expect(res.status).toBe(422);
    expect(res.json.issue.length).toBeGreaterThan(0);
  });

  it('400 when the body type does not match the URL', async () => {
    const res = await fhirFetch(`${server.base}/Observation`, token, {
      method: 'POST',
      body: { resourceType: 'Patient' },
    });
    expect(res.status).toBe(400);
  });

  it('400 for operations and system search, 405 for other methods', async () => {
    expect((await fhirFetch(`${server.base}/Patient/${PATIENT_A}/$everything`, token)).status).toBe(400);
    expect((await fhirFetch(`${server.base}/`, token)).status).toBe(400);
    expect((await fhirFetch(`${server.base}/Patient`, token, { method: 'OPTIONS' })).status).toBe(405);
  });
});
