import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createSecretCipher } from '../crypto/secret-cipher.ts';
import { createPipeline } from '../http/pipeline.ts';
import { anyFrameAncestor } from '../http/security-headers.ts';
import { listen, type HttpListener } from '../lifecycle/http-server.ts';
import { createMemoryLog, type MemoryLog } from '../observability/memory-log.ts';
import type { EhrRegistration, EhrRegistry } from '../registry/ehr-registration.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { adminRoutes } from './ehr-registration-routes.ts';

const TOKEN = 'admin-token-7c1d0e5f9a2b4c6d8e0f1a3b5c7d9e1f';
const SECRET = 'Oracle-Client-Secret-Do-Not-Echo';

let db: TestDb;
let registry: EhrRegistry;
const listeners: HttpListener[] = [];

beforeAll(async () => {
  db = await openTestDb();
  registry = createEhrRegistry(db, createSecretCipher({ current: { id: 'k1', key: randomBytes(32) } }));
});
beforeEach(() => db.query('delete from ehr_registration'));
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close(0)));
});
afterAll(() => db.close());

async function serve(adminApiToken: string | undefined): Promise<{ url: string; memory: MemoryLog }> {
  const memory = createMemoryLog();
  const app = createPipeline({ log: memory.log, frameAncestors: anyFrameAncestor, hsts: false }, (a) =>
    a.use('/admin/api', adminRoutes({ registry, adminApiToken })),
  );
  const listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  listeners.push(listener);
  return { url: `http://127.0.0.1:${listener.port}/admin/api`, memory };
}

function call(url: string, method: string, body?: unknown, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

const oracle = {
  name: 'Cedar Oracle Health',
  issuer: 'https://fhir.cedar.example/r4/ec2458f2/',
  clientId: 'rp-cedar',
  authMethod: 'client_secret_basic',
  vendor: 'oracle-health',
  frameOrigins: ['https://powerchart.cedar.example'],
  scopes: 'launch openid fhirUser user/Patient.read',
  clientSecret: SECRET,
};

describe('admin API: authentication', () => {
  it('answers 503 admin_disabled on every route when no token is configured', async () => {
    const { url } = await serve(undefined);
    for (const [method, path] of [
      ['GET', '/ehr-registrations'],
      ['POST', '/ehr-registrations'],
      ['DELETE', '/ehr-registrations/x'],
    ] as const) {
      const res = await call(`${url}${path}`, method);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        error: 'admin_disabled',
        message: 'The admin API is disabled: set ADMIN_API_TOKEN on the server to enable it.',
      });
    }
  });

  it.each([
    ['no Authorization header', null],
    ['a wrong token', `${TOKEN.slice(0, -1)}0`],
    ['a shorter token', TOKEN.slice(0, 10)],
    ['an empty token', ''],
  ])('answers 401 unauthorized for %s', async (_label, token) => {
    const { url } = await serve(TOKEN);
    const res = await call(`${url}/ehr-registrations`, 'GET', undefined, token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="revenuepilot-admin"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('refuses other schemes and guards unknown admin paths too', async () => {
    const { url } = await serve(TOKEN);
    const basic = await fetch(`${url}/ehr-registrations`, {
      headers: { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
    expect((await call(`${url}/anything-else`, 'GET', undefined, null)).status).toBe(401);
    expect((await call(`${url}/anything-else`, 'GET')).status).toBe(404);
  });

  it('accepts the scheme in any case', async () => {
    const { url } = await serve(TOKEN);
    const res = await fetch(`${url}/ehr-registrations`, { headers: { authorization: `bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
  });
});

describe('admin API: EHR registrations', () => {
  it('creates, lists, reads, changes and removes a registration, never returning the secret', async () => {
    const { url, memory } = await serve(TOKEN);
    const created = await call(`${url}/ehr-registrations`, 'POST', oracle);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const body = (await created.json()) as EhrRegistration;
    expect(created.headers.get('location')).toBe(`/admin/api/ehr-registrations/${body.id}`);
    expect(body).toMatchObject({
      issuer: 'https://fhir.cedar.example/r4/ec2458f2',
      authMethod: 'client_secret_basic',
      hasClientSecret: true,
    });
    expect(body).not.toHaveProperty('clientSecret');
    expect(await registry.clientSecret(body.id)).toBe(SECRET);

    const list = await call(`${url}/ehr-registrations`, 'GET');
    expect(await list.json()).toEqual({ registrations: [body] });
    const one = await call(`${url}/ehr-registrations/${body.id}`, 'GET');
    expect(await one.json()).toEqual(body);

    const changed = await call(`${url}/ehr-registrations/${body.id}`, 'PUT', {
      authMethod: 'private_key_jwt',
      frameOrigins: ['https://powerchart.cedar.example', 'https://mpages.cedar.example'],
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      id: body.id,
      authMethod: 'private_key_jwt',
      hasClientSecret: false,
      frameOrigins: ['https://powerchart.cedar.example', 'https://mpages.cedar.example'],
    });

    const removed = await call(`${url}/ehr-registrations/${body.id}`, 'DELETE');
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    const gone = await call(`${url}/ehr-registrations/${body.id}`, 'GET');
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: 'not_found' });

    expect(memory.text()).not.toContain(SECRET);
    expect(memory.text()).not.toContain(TOKEN);
  });

  it('answers 400 listing every field problem, without echoing the secret', async () => {
    const { url, memory } = await serve(TOKEN);
    const res = await call(`${url}/ehr-registrations`, 'POST', {
      ...oracle,
      issuer: 'https://fhir.cedar.example/r4?tenant=1',
      frameOrigins: [],
      authMethod: 'none',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      error: 'bad_request',
      message:
        'The EHR registration is not valid: ' +
        'issuer: must be an absolute http(s) URL with no query, fragment or credentials; ' +
        'frameOrigins: needs at least one origin (where the EHR shows the app); ' +
        'clientSecret: is only for authMethod client_secret_basic.',
    });
    expect(text).not.toContain(SECRET);
    expect(memory.text()).not.toContain(SECRET);

    const noBody = await call(`${url}/ehr-registrations`, 'POST');
    expect(noBody.status).toBe(400);
    const badPatch = await call(`${url}/ehr-registrations/whatever`, 'PUT', { vendor: 'meditech' });
    expect(badPatch.status).toBe(400);
  });

  it('answers 409 for a second registration of one issuer and 404 for changes to an unknown id', async () => {
    const { url } = await serve(TOKEN);
    expect((await call(`${url}/ehr-registrations`, 'POST', oracle)).status).toBe(201);
    const again = await call(`${url}/ehr-registrations`, 'POST', { ...oracle, name: 'Duplicate' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'conflict' });
    expect((await call(`${url}/ehr-registrations/nope`, 'PUT', { name: 'x' })).status).toBe(404);
    expect((await call(`${url}/ehr-registrations/nope`, 'DELETE')).status).toBe(404);
  });
});
