import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { runWithRequestContext } from '../observability/request-context.ts';
import { createAuditLog, type AuditEntry } from './audit-log.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db?.close());

const entry = (requestId: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  requestId,
  actor: 'Practitioner/1',
  patientRef: 'Patient/p1',
  action: 'fhir.search',
  outcome: 'success',
  detail: { resourceType: 'Condition', count: 3 },
  ...extra,
});

const traceOf = async (requestId: string) =>
  (
    await db.query<{ trace_id: string | null }>('select trace_id from audit_event where request_id = $1', [
      requestId,
    ])
  ).rows.map((r) => r.trace_id);

describe('createAuditLog', () => {
  it("stamps each row with the current request's trace id", async () => {
    const audit = createAuditLog(db);
    const traceId = 'c'.repeat(32);
    await runWithRequestContext(
      { requestId: 'req-a', traceId, spanId: 'd'.repeat(16), parentSpanId: undefined, traceFlags: '01' },
      () => audit.recordMany([entry('req-a'), entry('req-a', { action: 'fhir.read' })]),
    );
    expect(await traceOf('req-a')).toEqual([traceId, traceId]);
  });

  it('keeps an explicit trace id, and none outside a request', async () => {
    const audit = createAuditLog(db);
    await audit.record(entry('req-b', { traceId: 'e'.repeat(32) }));
    await audit.record(entry('req-c'));
    expect(await traceOf('req-b')).toEqual(['e'.repeat(32)]);
    expect(await traceOf('req-c')).toEqual([null]);
  });

  it('refuses a trace id that is not 32 hex digits', async () => {
    await expect(createAuditLog(db).record(entry('req-d', { traceId: 'Robert Smith' }))).rejects.toThrow();
  });
});
