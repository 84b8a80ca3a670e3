import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { createAuditLog } from '../../audit/audit-log.ts';
import { cipherForKeys } from '../../crypto/secret-cipher.ts';
import { createEhrRegistry } from '../../registry/ehr-registry.ts';
import { createAdminHealthService, OUTBOX_NOT_BUILT } from './admin-health-service.ts';
import { createAdminHealthStore } from './admin-health-store.ts';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const trace = (n: number) => n.toString(16).padStart(32, '0');

let db: TestDb;
let epic: string;
let oracle: string;
let quiet: string;

async function row(
  at: Date,
  action: string,
  outcome: 'success' | 'failure',
  detail: Record<string, unknown> | null,
  traceId: string | null,
): Promise<void> {
  await db.query(
    `insert into audit_event (occurred_at, request_id, actor, patient_ref, action, outcome, detail, trace_id)
     values ($1, 'req', 'Practitioner/1', 'Patient/rp-pt-secret', $2, $3, $4::jsonb, $5)`,
    [at, action, outcome, detail === null ? null : JSON.stringify(detail), traceId],
  );
}

async function register(name: string, issuer: string, vendor: 'epic' | 'oracle-health' | 'generic') {
  const created = await createEhrRegistry(db, cipherForKeys(Buffer.alloc(32, 7))).create({
    name,
    issuer,
    clientId: 'rp',
    authMethod: 'private_key_jwt',
    vendor,
    frameOrigins: [new URL(issuer).origin],
    scopes: 'launch openid fhirUser patient/*.rs',
  });
  return created.id;
}

beforeAll(async () => {
  db = await openTestDb();
  epic = await register('Epic North', 'https://epic.health.example/fhir', 'epic');
  oracle = await register('Oracle South', 'https://oracle.health.example/fhir', 'oracle-health');
  quiet = await register('Quiet Clinic', 'https://quiet.health.example/fhir', 'generic');

  // Failures inside the window: fhir.search three times over two traces, one launch failure.
  await row(
    hoursAgo(5),
    'fhir.search',
    'failure',
    { resourceType: 'Condition', registrationId: epic },
    trace(1),
  );
  await row(
    hoursAgo(3),
    'fhir.search',
    'failure',
    { resourceType: 'Encounter', registrationId: epic },
    trace(2),
  );
  await row(
    hoursAgo(2),
    'fhir.search',
    'failure',
    { resourceType: 'Coverage', registrationId: epic },
    trace(1),
  );
  await row(hoursAgo(1), 'launch.authorize', 'failure', { registrationId: oracle }, null);
  // Outside the window, and successes: never counted as failures.
  await row(hoursAgo(30), 'draft.generate', 'failure', null, trace(3));
  await row(hoursAgo(4), 'codes.suggest', 'success', null, trace(4));

  // Successful EHR calls: Epic's newest is a read two hours ago; Oracle's a launch 10 days ago;
  // an older Epic one and one beyond the look-back must not win; a non-EHR success is ignored.
  await row(hoursAgo(48), 'fhir.read', 'success', { resourceType: 'Patient', registrationId: epic }, null);
  await row(hoursAgo(2), 'fhir.search', 'success', { resourceType: 'Condition', registrationId: epic }, null);
  await row(hoursAgo(240), 'launch.authorize', 'success', { registrationId: oracle }, null);
  await row(hoursAgo(24 * 40), 'fhir.read', 'success', { registrationId: quiet }, null);
  await row(hoursAgo(1), 'api.context.read', 'success', { registrationId: quiet }, null);
});
afterAll(async () => {
  await db?.close();
});

describe('admin health store', () => {
  it('groups failures since a time by action, newest first, with distinct trace ids newest first', async () => {
    const failures = await createAdminHealthStore(db).failuresSince(hoursAgo(24), {
      maxEndpoints: 10,
      tracesPerEndpoint: 5,
    });
    expect(failures).toEqual([
      { action: 'launch.authorize', count: 1, lastAt: hoursAgo(1).toISOString(), traceIds: [] },
      { action: 'fhir.search', count: 3, lastAt: hoursAgo(2).toISOString(), traceIds: [trace(1), trace(2)] },
    ]);
  });

  it('keeps to the limits on actions and trace ids', async () => {
    const failures = await createAdminHealthStore(db).failuresSince(hoursAgo(48), {
      maxEndpoints: 2,
      tracesPerEndpoint: 1,
    });
    expect(failures.map((f) => [f.action, f.traceIds])).toEqual([
      ['launch.authorize', []],
      ['fhir.search', [trace(1)]],
    ]);
  });

  it('finds each registration’s newest successful EHR call within the look-back', async () => {
    const regs = await createAdminHealthStore(db).registrations(hoursAgo(24 * 30));
    expect(regs).toEqual([
      {
        id: epic,
        name: 'Epic North',
        issuer: 'https://epic.health.example/fhir',
        vendor: 'epic',
        lastSuccessAt: hoursAgo(2).toISOString(),
        lastSuccessAction: 'fhir.search',
      },
      expect.objectContaining({
        id: oracle,
        vendor: 'oracle-health',
        lastSuccessAt: hoursAgo(240).toISOString(),
        lastSuccessAction: 'launch.authorize',
      }),
      expect.objectContaining({ id: quiet, lastSuccessAt: null, lastSuccessAction: null }),
    ]);
  });
});

describe('admin health service', () => {
  it('answers the three parts for the last 24 hours, says the outbox is not built, and audits the read', async () => {
    const service = createAdminHealthService({
      store: createAdminHealthStore(db),
      audit: createAuditLog(db),
      now: () => NOW,
    });
    const health = await service.health({
      registrationId: epic,
      actor: 'Practitioner/rp-admin',
      requestId: 'req-health-1',
    });
    expect(health.generatedAt).toBe(NOW.toISOString());
    expect(health.failures.since).toBe(hoursAgo(24).toISOString());
    expect(health.failures.endpoints.map((e) => e.action)).toEqual(['launch.authorize', 'fhir.search']);
    expect(health.outbox).toEqual(OUTBOX_NOT_BUILT);
    expect(health.outbox.available).toBe(false);
    expect(health.registrations.map((r) => r.lastSuccessAt !== null)).toEqual([true, true, false]);
    // Nothing from an audit row's patient reference or detail beyond the action leaks out.
    expect(JSON.stringify(health)).not.toMatch(/rp-pt-secret|Condition|Coverage/);

    const { rows } = await db.query<{ actor: string; patient_ref: string | null; detail: unknown }>(
      `select actor, patient_ref, detail from audit_event where action = 'admin.health.read' and request_id = 'req-health-1'`,
    );
    expect(rows).toEqual([
      {
        actor: 'Practitioner/rp-admin',
        patient_ref: null,
        detail: { registrationId: epic, endpoints: 2, registrations: 3 },
      },
    ]);
  });

  it('reports an outbox once one is given', async () => {
    const service = createAdminHealthService({
      store: createAdminHealthStore(db),
      audit: createAuditLog(db),
      now: () => NOW,
      outbox: () => Promise.resolve({ available: true, pending: 4, failed: 1, oldestPendingAt: null }),
    });
    const health = await service.health({ registrationId: epic, actor: null, requestId: 'req-health-2' });
    expect(health.outbox).toEqual({ available: true, pending: 4, failed: 1, oldestPendingAt: null });
  });
});
