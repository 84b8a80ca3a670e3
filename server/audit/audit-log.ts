/**
 * The audit trail: who touched which patient's record, how, when, under which request and trace.
 * Rows go to `audit_event` in Postgres (never the log). `detail` holds ids, counts and codes only.
 *
 * @module
 */
import type { Queryable } from '../db/db.ts';
import { currentRequestContext } from '../observability/request-context.ts';

export interface AuditEntry {
  readonly requestId: string;
  /** The user as the EHR names them (`fhirUser`, e.g. `Practitioner/123`); null when unknown. */
  readonly actor: string | null;
  /** `Patient/<id>`; null for events without a patient. */
  readonly patientRef: string | null;
  /** Dotted verb: `launch.authorize`, `fhir.search`, `api.context.read`. */
  readonly action: string;
  readonly outcome: 'success' | 'failure';
  readonly detail?: Readonly<Record<string, string | number | boolean | null>>;
  /** The W3C trace id; defaults to the current request's (none outside a request). */
  readonly traceId?: string;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Many entries in one statement (a context load makes a dozen FHIR reads). */
  recordMany(entries: readonly AuditEntry[]): Promise<void>;
}

export function createAuditLog(db: Queryable): AuditLog {
  const recordMany = async (entries: readonly AuditEntry[]): Promise<void> => {
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      params.push(
        e.requestId,
        e.actor,
        e.patientRef,
        e.action,
        e.outcome,
        e.detail ? JSON.stringify(e.detail) : null,
        e.traceId ?? currentRequestContext()?.traceId ?? null,
      );
      const n = params.length;
      return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n})`;
    });
    await db.query(
      `insert into audit_event (request_id, actor, patient_ref, action, outcome, detail, trace_id) values ${rows.join(', ')}`,
      params,
    );
  };
  return { record: (entry) => recordMany([entry]), recordMany };
}
