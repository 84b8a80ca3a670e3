import type { Bundle, CapabilityStatement } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartConfiguration } from './auth/discovery.ts';
import { fhirFetch, startFhirTestServer, type FhirTestServer } from './fhir/test-server.ts';

let server: FhirTestServer;
beforeAll(async () => {
  server = await startFhirTestServer();
});
afterAll(() => server.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${server.control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('/_sandbox/faults', () => {
  it('reads, partially updates and clears the fault settings', async () => {
    expect((await call('GET', '/faults')).json).toEqual({
      latencyMs: 0,
      mode: 'none',
      appliesTo: 'all',
      remaining: null,
    });
    const set = await call('PUT', '/faults', { mode: 'http-503', remaining: 2 });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ mode: 'http-503', remaining: 2, appliesTo: 'all' });
    await call('PUT', '/faults', { latencyMs: 25 });
    expect(server.state.faults).toEqual({ latencyMs: 25, mode: 'http-503', appliesTo: 'all', remaining: 2 });
    await call('PUT', '/faults', { remaining: null });
    expect(server.state.faults.remaining).toBeUndefined();
    expect((await call('DELETE', '/faults')).json).toMatchObject({ mode: 'none', latencyMs: 0 });
    expect(server.state.faults.mode).toBe('none');
  });

  it.each([
    [{ mode: 'explode' }, /mode/],
    [{ latencyMs: -5 }, /latencyMs/],
    [{ remaining: 0 }, /remaining/],
    [{ appliesTo: 'some' }, /appliesTo/],
    [{ surprise: true }, /surprise|unrecognized/i],
  ])('refuses %j with a clear 400', async (body, message) => {
    const before = { ...server.state.faults };
    const res = await call('PUT', '/faults', body);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
    expect(String(res.json.message)).toMatch(message);
    expect(server.state.faults).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await call('PUT', '/faults', '{"mode":');
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
  });

  it('drives the FHIR API', async () => {
    await call('PUT', '/faults', { mode: 'http-500', remaining: 1 });
    const token = server.token('user/*.rs');
    expect((await fhirFetch(`${server.base}/Patient?_count=1`, token)).status).toBe(500);
    expect((await fhirFetch(`${server.base}/Patient?_count=1`, token)).status).toBe(200);
  });
});

describe('/_sandbox/vendor', () => {
  it('sets the vendor profile, visible in /metadata', async () => {
    expect((await call('GET', '/vendor')).json).toEqual({ vendor: 'generic' });
    expect((await call('PUT', '/vendor', { vendor: 'oracle-health' })).json).toEqual({
      vendor: 'oracle-health',
    });
    expect(server.state.vendor).toBe('oracle-health');
    const metadata = await fhirFetch<CapabilityStatement>(`${server.base}/metadata`, undefined);
    expect(metadata.json.software?.name).toMatch(/Oracle Health/);
    const bad = await call('PUT', '/vendor', { vendor: 'meditech' });
    expect(bad.status).toBe(400);
    expect(server.state.vendor).toBe('oracle-health');
    await call('PUT', '/vendor', { vendor: 'generic' });
  });
});

describe('/_sandbox/scope-syntax', () => {
  it('reads and sets the scope syntax, which discovery follows at once', async () => {
    const discovery = () => smartConfiguration(server.state);
    expect((await call('GET', '/scope-syntax')).json).toEqual({ scopeSyntax: 'v2' });
    expect(discovery().capabilities).toContain('permission-v2');
    expect((await call('PUT', '/scope-syntax', { scopeSyntax: 'v1' })).json).toEqual({ scopeSyntax: 'v1' });
    expect(server.state.scopeSyntax).toBe('v1');
    expect(discovery().capabilities).not.toContain('permission-v2');
    expect((await call('PUT', '/scope-syntax', { scopeSyntax: 'v2' })).json).toEqual({ scopeSyntax: 'v2' });
  });

  it.each([{ scopeSyntax: 'v3' }, { scopeSyntax: 1 }, { syntax: 'v1' }, {}])(
    'refuses %j with 400',
    async (body) => {
      const res = await call('PUT', '/scope-syntax', body);
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('invalid_request');
      expect(server.state.scopeSyntax).toBe('v2');
    },
  );
});

describe('/_sandbox tokens', () => {
  it('expires every access token at once', async () => {
    const token = server.token('user/*.rs');
    expect((await fhirFetch(`${server.base}/Patient`, token)).status).toBe(200);
    expect((await call('POST', '/tokens/expire')).status).toBe(200);
    expect((await fhirFetch(`${server.base}/Patient`, token)).status).toBe(401);
  });

  it('sets the access-token lifetime', async () => {
    expect((await call('PUT', '/token-lifetime', { seconds: 570 })).json).toEqual({ seconds: 570 });
    expect(server.state.accessTokenLifetimeSeconds).toBe(570);
    expect((await call('PUT', '/token-lifetime', { seconds: 0 })).status).toBe(400);
    expect((await call('PUT', '/token-lifetime', { seconds: 'soon' })).status).toBe(400);
  });
});

describe('/_sandbox/max-page-size', () => {
  it('reads and sets the page-size ceiling, which the FHIR API applies at once', async () => {
    expect((await call('GET', '/max-page-size')).json).toEqual({ maxPageSize: 1000 });
    const token = server.token('user/*.rs');
    const before = await fhirFetch<Bundle>(`${server.base}/Patient?_count=100`, token);
    expect(before.json.link?.find((l) => l.relation === 'self')?.url).toContain('_count=100');
    expect((await call('PUT', '/max-page-size', { maxPageSize: 2 })).json).toEqual({ maxPageSize: 2 });
    expect(server.state.maxPageSize).toBe(2);
    const after = await fhirFetch<Bundle>(`${server.base}/Patient?_count=100`, token);
    expect(after.json.link?.find((l) => l.relation === 'self')?.url).toContain('_count=2');
    await call('PUT', '/max-page-size', { maxPageSize: 1000 });
  });

  it.each([{ maxPageSize: 0 }, { maxPageSize: 2.5 }, { maxPageSize: '10' }, { maxPageSize: 10_001 }, {}])(
    'refuses %j with 400',
    async (body) => {
      const res = await call('PUT', '/max-page-size', body);
      expect(res.status).toBe(400);
      expect(String(res.json.message)).toMatch(/maxPageSize/);
      expect(server.state.maxPageSize).toBe(1000);
    },
  );
});
