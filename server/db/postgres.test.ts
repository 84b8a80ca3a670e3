import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, openTestDb, type ScratchDatabase } from '../../test/support/test-db.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { checkStatementTimeout, openPostgresDb, poolConfig } from './postgres.ts';

describe('poolConfig', () => {
  it('sizes and times the pool from configuration, with statement_timeout as a startup parameter', () => {
    const config = poolConfig({
      url: 'postgres://rp@db/rp',
      statementTimeoutMs: 8000,
      maxConnections: 25,
      idleTimeoutMs: 0,
      connectTimeoutMs: 2500,
    });
    expect(config).toMatchObject({
      connectionString: 'postgres://rp@db/rp',
      max: 25,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: 2500,
      statement_timeout: 8000,
      application_name: 'revenuepilot',
    });
  });

  it('sends no startup parameter PgBouncer would refuse', () => {
    const config = poolConfig({ url: 'postgres://rp@bouncer/rp', statementTimeoutMs: 8000, pgbouncer: true });
    expect(config).not.toHaveProperty('statement_timeout');
    expect(config).not.toHaveProperty('options');
    expect(config).toMatchObject({ max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  });
});

describe.runIf(process.env.DATABASE_URL)('openPostgresDb', () => {
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'rp_pool');
  });
  afterAll(() => scratch.drop());

  it('sets statement_timeout on every connection', async () => {
    const db = await openTestDb({ migrations: [] });
    try {
      expect(db.kind).toBe('postgres');
      const { rows } = await db.query<{ statement_timeout: string }>('show statement_timeout');
      expect(rows).toEqual([{ statement_timeout: '15s' }]);
      await expect(db.query('select pg_sleep(0.2)', [])).resolves.toBeDefined();
    } finally {
      await db.close();
    }
  });

  it('cancels a statement that outlasts the timeout, on every pooled connection', async () => {
    const { log, lines } = createMemoryLog();
    const db = openPostgresDb({ url: scratch.url, statementTimeoutMs: 150, maxConnections: 3, log });
    try {
      const slow = await Promise.allSettled([1, 2, 3].map(() => db.query('select pg_sleep(2)')));
      for (const result of slow)
        expect(result).toMatchObject({ status: 'rejected', reason: { code: '57014' } });
      expect(await checkStatementTimeout(db, 150, log)).toBe(150);
      expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('opens at most DB_POOL_MAX connections', async () => {
    const { log } = createMemoryLog();
    const db = openPostgresDb({ url: scratch.url, statementTimeoutMs: 5000, maxConnections: 2, log });
    try {
      const name = new URL(scratch.url).pathname.slice(1);
      let most = 0;
      await Promise.all(
        [1, 2, 3, 4, 5].map(async () => {
          const { rows } = await db.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'revenuepilot'",
            [name],
          );
          most = Math.max(most, rows[0]!.n);
          await db.query('select pg_sleep(0.05)');
        }),
      );
      expect(most).toBeGreaterThanOrEqual(1);
      expect(most).toBeLessThanOrEqual(2);
    } finally {
      await db.close();
    }
  });

  it('warns when the connection does not carry the configured timeout (PgBouncer without a role default)', async () => {
    const { log, lines } = createMemoryLog();
    const db = openPostgresDb({ url: scratch.url, statementTimeoutMs: 9000, pgbouncer: true, log });
    try {
      expect(await checkStatementTimeout(db, 9000, log)).toBe(0);
      expect(lines.find((l) => l.level === 'warn')).toMatchObject({
        msg: 'statement_timeout differs from DB_STATEMENT_TIMEOUT_MS',
        actualMs: 0,
        expectedMs: 9000,
      });
    } finally {
      await db.close();
    }
  });
});
