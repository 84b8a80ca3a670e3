import { describe, expect, it } from 'vitest';
import { loadDatabaseSettings } from '../config/config.ts';
import type { Db } from '../db/db.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { startScheduledBackups } from './scheduled-backups.ts';

const unusedDb: Db = {
  kind: 'postgres',
  query: () => Promise.reject(new Error('not used before the first slot')),
  transaction: () => Promise.reject(new Error('not used')),
  close: () => Promise.resolve(),
};
const source = { kind: 'postgres' as const, url: 'postgres://rp@db/rp' };

describe('startScheduledBackups', () => {
  it('does nothing unless BACKUP_INTERVAL_HOURS is set', () => {
    const { log, lines } = createMemoryLog();
    const settings = loadDatabaseSettings({ DATABASE_URL: 'postgres://rp@db/rp' }, { cwd: '/srv/rp' });
    expect(startScheduledBackups({ settings, db: unusedDb, source, log })).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it('announces the interval, retention and next slot, and stops', async () => {
    const { log, lines } = createMemoryLog();
    const settings = loadDatabaseSettings(
      { DATABASE_URL: 'postgres://rp@db/rp', BACKUP_INTERVAL_HOURS: '24', BACKUP_RETENTION: '7' },
      { cwd: '/srv/rp' },
    );
    const job = startScheduledBackups({ settings, db: unusedDb, source, log });
    expect(job).toBeDefined();
    const next = job!.nextRunAt()!;
    expect(next % (24 * 60 * 60 * 1000)).toBe(0);
    expect(next).toBeGreaterThan(Date.now());
    expect(lines.find((l) => l.msg === 'scheduled backups on')).toMatchObject({
      intervalHours: 24,
      retention: 7,
      nextRunAt: new Date(next).toISOString(),
    });
    await job!.stop();
    expect(job!.nextRunAt()).toBeUndefined();
  });
});
