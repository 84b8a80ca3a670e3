/**
 * The audit trail: who touched which patient's record, how, when, under which request. Rows go to
 * `audit_event` in Postgres (never the log). `detail` holds ids, counts and codes only.
 *
 * @module
 */
import type { Queryable } from '../db/db.ts';

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
      );
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
    });
    await db.query(
      `insert into audit_event (request_id, actor, patient_ref, action, outcome, detail) values ${rows.join(', ')}`,
      params,
    );
  };
  return { record: (entry) => recordMany([entry]), recordMany };
}
