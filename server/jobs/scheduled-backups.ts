/**
 * Wires the scheduled backup from configuration: nothing unless BACKUP_INTERVAL_HOURS is set;
 * otherwise the real clock and timers, the `backup_run` lease, and the same `createBackup` as
 * `npm run db:backup`.
 *
 * @module
 */
import { hostname } from 'node:os';
import type { DatabaseSettings } from '../config/config.ts';
import { createBackup, type BackupSource } from '../db/backup/backup.ts';
import type { Queryable } from '../db/db.ts';
import type { Logger } from '../observability/logger.ts';
import { startBackupJob, type BackupJob } from './backup-job.ts';
import { createBackupLease } from './backup-lease.ts';

const HOUR_MS = 60 * 60 * 1000;

export function startScheduledBackups(options: {
  readonly settings: DatabaseSettings;
  readonly db: Queryable;
  readonly source: BackupSource;
  readonly log: Logger;
}): BackupJob | undefined {
  const { backup } = options.settings;
  if (backup.intervalHours === undefined) return undefined;
  const intervalMs = backup.intervalHours * HOUR_MS;
  const job = startBackupJob({
    intervalMs,
    now: () => Date.now(),
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    // A run older than the interval no longer blocks: its replica is gone.
    lease: createBackupLease(options.db, { holder: `${hostname()}:${process.pid}`, leaseMs: intervalMs }),
    backup: (signal) =>
      createBackup({ source: options.source, dir: backup.dir, retention: backup.retention, signal }),
    log: options.log,
  });
  const next = job.nextRunAt();
  options.log.info('scheduled backups on', {
    intervalHours: backup.intervalHours,
    retention: backup.retention,
    ...(next === undefined ? {} : { nextRunAt: new Date(next).toISOString() }),
  });
  return job;
}
