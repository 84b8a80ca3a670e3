import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createSecretCipher } from '../crypto/secret-cipher.ts';
import { createPipeline } from '../http/pipeline.ts';
import { anyFrameAncestor } from '../http/security-headers.ts';
import { listen, type HttpListener } from '../lifecycle/http-server.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import type { EhrRegistration } from '../registry/ehr-registration.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { createUserRoleStore } from '../roles/user-role-store.ts';
import { userRoleRoutes } from './user-role-routes.ts';

const TOKEN = 'admin-token-1f3e5d7c9b0a2c4e6f8a0b2d4c6e8f0a';

let db: TestDb;
let registration: EhrRegistration;
let url: string;
const listeners: HttpListener[] = [];

beforeAll(async () => {
  db = await openTestDb();
  const registry = createEhrRegistry(db, createSecretCipher({ current: { id: 'k1', key: randomBytes(32) } }));
  registration = await registry.create({
    name: 'Sandbox EHR',
    issuer: 'https://ehr.roles.example/fhir/r4',
    clientId: 'rp',
    authMethod: 'private_key_jwt',
    vendor: 'generic',
    frameOrigins: ['https://ehr.roles.example'],
    scopes: 'launch openid fhirUser patient/*.rs',
  });
  const app = createPipeline(
    { log: createMemoryLog().log, frameAncestors: anyFrameAncestor, hsts: false },
    (a) =>
      a.use('/admin/api', userRoleRoutes({ registry, roles: createUserRoleStore(db), adminApiToken: TOKEN })),
  );
  const listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  listeners.push(listener);
  url = `http://127.0.0.1:${listener.port}/admin/api/ehr-registrations`;
});
beforeEach(() => db.query('delete from app_user_role'));
afterAll(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close(0)));
  await db.close();
});

function call(path: string, method: string, body?: unknown, token: string | null = TOKEN): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('admin API: user roles', () => {
  it('needs the admin token', async () => {
    const res = await call(`/${registration.id}/user-roles`, 'GET', undefined, null);
    expect(res.status).toBe(401);
  });

  it('gives a user roles, lists them, changes them and takes them away', async () => {
    const put = await call(`/${registration.id}/user-roles`, 'PUT', {
      fhirUser: 'https://ehr.roles.example/fhir/r4/Practitioner/rp-billing-biller',
      roles: ['billing'],
      displayName: 'Bea Biller',
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      registrationId: registration.id,
      fhirUser: 'Practitioner/rp-billing-biller',
      displayName: 'Bea Biller',
      roles: ['billing'],
      updatedBy: 'admin-api',
    });

    await call(`/${registration.id}/user-roles`, 'PUT', {
      fhirUser: 'Practitioner/rp-billing-biller',
      roles: ['billing', 'admin'],
    });
    const list = await call(`/${registration.id}/user-roles`, 'GET');
    expect(await list.json()).toMatchObject({
      users: [
        {
          fhirUser: 'Practitioner/rp-billing-biller',
          roles: ['billing', 'admin'],
          displayName: 'Bea Biller',
        },
      ],
    });

    const removed = await call(
      `/${registration.id}/user-roles?fhirUser=Practitioner/rp-billing-biller`,
      'DELETE',
    );
    expect(removed.status).toBe(204);
    const again = await call(
      `/${registration.id}/user-roles?fhirUser=Practitioner/rp-billing-biller`,
      'DELETE',
    );
    expect(again.status).toBe(404);
    expect(await (await call(`/${registration.id}/user-roles`, 'GET')).json()).toEqual({ users: [] });
  });

  it('says what is wrong with an assignment, field by field', async () => {
    const res = await call(`/${registration.id}/user-roles`, 'PUT', {
      fhirUser: 'Observation/1',
      roles: ['billing', 'superuser'],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('bad_request');
    expect(body.message).toContain('fhirUser: must be the user’s FHIR reference');
    expect(body.message).toContain('roles.1: must each be one of clinician, billing, admin');

    const none = await call(`/${registration.id}/user-roles`, 'PUT', {
      fhirUser: 'Practitioner/1',
      roles: [],
    });
    expect(((await none.json()) as { message: string }).message).toContain('roles: needs at least one role');
    const noUser = await call(`/${registration.id}/user-roles`, 'DELETE');
    expect(noUser.status).toBe(400);
  });

  it('answers 404 for an unknown registration', async () => {
    const res = await call('/no-such-ehr/user-roles', 'PUT', {
      fhirUser: 'Practitioner/1',
      roles: ['billing'],
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});
