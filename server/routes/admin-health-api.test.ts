import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createAdminHealthService } from '../admin/health/admin-health-service.ts';
import { createAdminHealthStore } from '../admin/health/admin-health-store.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import type { AdminHealth } from '../contract/admin-health.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import { createPipeline } from '../http/pipeline.ts';
import { noFrameAncestor } from '../http/security-headers.ts';
import { createLaunchStore, sha256 } from '../launch/launch-store.ts';
import { listen, type HttpListener } from '../lifecycle/http-server.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { createUserRoleStore } from '../roles/user-role-store.ts';
import { adminHealthApiRoutes } from './admin-health-api.ts';

const ADMIN = 'AdminHealthAdminLaunch1';
const DOCTOR = 'AdminHealthDoctorLaunch';
const TOKEN = 'session-token-for-admin-health-tests';
const ISSUER = 'https://ehr.adminhealth.example/fhir';
const FAILED_TRACE = 'ab'.repeat(16);

let db: TestDb;
let listener: HttpListener;
let base: string;
let registrationId: string;

beforeAll(async () => {
  db = await openTestDb();
  registrationId = (
    await createEhrRegistry(db, cipherForKeys(Buffer.alloc(32, 9))).create({
      name: 'Admin Health EHR',
      issuer: ISSUER,
      clientId: 'rp',
      authMethod: 'private_key_jwt',
      vendor: 'epic',
      frameOrigins: [new URL(ISSUER).origin],
      scopes: 'launch openid fhirUser patient/*.rs',
    })
  ).id;
  const launches = createLaunchStore(db);
  for (const [id, user] of [
    [ADMIN, `${ISSUER}/Practitioner/rp-admin-ada`],
    [DOCTOR, `${ISSUER}/Practitioner/rp-dr-okafor`],
  ] as const) {
    await launches.create({
      id,
      registrationId,
      launchType: 'ehr',
      browserBinding: sha256('b'),
      expiresAt: new Date(Date.now() + 60_000),
    });
    await launches.activate(id, {
      sessionTokenHash: sha256(TOKEN),
      sessionCookieHash: null,
      patientId: 'rp-pt-quill',
      encounterId: null,
      fhirUser: user,
      grantedScope: 'launch openid fhirUser patient/*.rs',
      needPatientBanner: false,
      smartStyleUrl: null,
      expiresAt: new Date(Date.now() + 600_000),
    });
  }
  const roles = createUserRoleStore(db);
  await roles.put(registrationId, { fhirUser: 'Practitioner/rp-admin-ada', roles: ['admin'] }, null);
  const audit = createAuditLog(db);
  await audit.recordMany([
    {
      requestId: 'r1',
      actor: 'Practitioner/rp-dr-okafor',
      patientRef: 'Patient/rp-pt-quill',
      action: 'fhir.search',
      outcome: 'failure',
      detail: { resourceType: 'Condition', count: 0, pages: 0, registrationId },
      traceId: FAILED_TRACE,
    },
    {
      requestId: 'r1',
      actor: 'Practitioner/rp-dr-okafor',
      patientRef: 'Patient/rp-pt-quill',
      action: 'fhir.read',
      outcome: 'success',
      detail: { resourceType: 'Patient', count: 1, pages: 1, registrationId },
    },
  ]);
  const health = createAdminHealthService({
    store: createAdminHealthStore(db),
    audit,
    now: () => new Date(),
  });
  const app = createPipeline(
    { log: createMemoryLog().log, frameAncestors: noFrameAncestor, hsts: false },
    (a) => a.use(adminHealthApiRoutes({ store: launches, roles, audit, health })),
  );
  listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  base = `http://127.0.0.1:${listener.port}/api/launches`;
});
afterAll(async () => {
  await listener?.close(0);
  await db?.close();
});

const call = (launch: string, token = TOKEN) =>
  fetch(`${base}/${launch}/admin/health`, { headers: { authorization: `Bearer ${token}` } });

describe('admin health API', () => {
  it('answers an admin with failures, the outbox state and the registrations, and audits the read', async () => {
    const res = await call(ADMIN);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as AdminHealth;
    expect(body.failures.endpoints).toEqual([
      expect.objectContaining({ action: 'fhir.search', count: 1, traceIds: [FAILED_TRACE] }),
    ]);
    expect(body.outbox).toMatchObject({ available: false });
    expect(body.registrations).toEqual([
      expect.objectContaining({
        id: registrationId,
        name: 'Admin Health EHR',
        issuer: ISSUER,
        vendor: 'epic',
        lastSuccessAction: 'fhir.read',
      }),
    ]);
    expect(body.registrations[0]?.lastSuccessAt).not.toBeNull();
    expect(JSON.stringify(body)).not.toContain('rp-pt-quill');

    const { rows } = await db.query<{ actor: string }>(
      `select actor from audit_event where action = 'admin.health.read' and outcome = 'success'`,
    );
    expect(rows).toEqual([{ actor: `${ISSUER}/Practitioner/rp-admin-ada` }]);
  });

  it('refuses a user without the admin role with 403, audited, and a caller without the session with 401', async () => {
    const res = await call(DOCTOR);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
    const { rows } = await db.query<{ detail: { role: string } }>(
      `select detail from audit_event where action = 'api.role.denied' and actor like '%rp-dr-okafor'`,
    );
    expect(rows.map((r) => r.detail.role)).toEqual(['admin']);

    expect((await call(ADMIN, 'not-the-session-token')).status).toBe(401);
  });
});
