/**
 * Which server replica takes a scheduled backup slot: the one whose INSERT of the slot's
 * `backup_run` row succeeds (primary key), and only while no other backup is still running
 * (an unfinished row younger than the lease). Each call is one statement, so it holds no session
 * state and works through PgBouncer's transaction pooling.
 *
 * @module
 */
import type { Queryable } from '../db/db.ts';

export type BackupOutcome = 'success' | 'failure';

export interface BackupLease {
  /** True when this replica now owns `slotStart` and should back up. */
  claim(slotStart: Date): Promise<boolean>;
  finish(
    slotStart: Date,
    outcome: BackupOutcome,
    measures: { readonly sizeBytes?: number; readonly durationMs: number },
  ): Promise<void>;
}

export interface BackupLeaseOptions {
  /** This replica's name in `backup_run.holder` (host and process id). */
  readonly holder: string;
  /** How long an unfinished run blocks others (a crashed replica's run stops blocking after it). */
  readonly leaseMs: number;
}

export function createBackupLease(db: Queryable, options: BackupLeaseOptions): BackupLease {
  return {
    claim: async (slotStart) => {
      const { rows } = await db.query(
        `insert into backup_run (slot_start, holder)
         select $1, $2
         where not exists (
           select 1 from backup_run
           where finished_at is null and started_at > now() - make_interval(secs => $3::double precision)
         )
         on conflict (slot_start) do nothing
         returning slot_start`,
        [slotStart, options.holder, options.leaseMs / 1000],
      );
      return rows.length === 1;
    },
    finish: async (slotStart, outcome, measures) => {
      await db.query(
        `update backup_run set finished_at = now(), outcome = $3, size_bytes = $4, duration_ms = $5
         where slot_start = $1 and holder = $2`,
        [slotStart, options.holder, outcome, measures.sizeBytes ?? null, measures.durationMs],
      );
    },
  };
}
