/**
 * The server's database code through PgBouncer in transaction pooling mode, the way many
 * managed PostgreSQL offerings front the database: connections open with DB_PGBOUNCER (no
 * startup parameters, which PgBouncer refuses), the timeout comes from the database's or role's
 * default, and two migrators racing through two pooled server connections apply each migration
 * once. Runs when DATABASE_URL is set and Debian's `pgbouncer` is installed; skipped otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/db/migration-files.ts';
import { migrate } from '../../server/db/migrate.ts';
import { checkStatementTimeout, openPostgresDb } from '../../server/db/postgres.ts';
import { createBackupLease } from '../../server/jobs/backup-lease.ts';
import { createMemoryLog } from '../../server/observability/memory-log.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/test-db.ts';

const hasPgbouncer = spawnSync('pgbouncer', ['--version']).status === 0;
if (process.env.DATABASE_URL && !hasPgbouncer) {
  console.warn('db-pgbouncer.int.test.ts skipped: install pgbouncer (apt-get install pgbouncer) to run it');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.runIf(process.env.DATABASE_URL && hasPgbouncer)('through PgBouncer (transaction pooling)', () => {
  let dir: string;
  let bouncer: ChildProcess;
  let scratch: ScratchDatabase;
  let pooledUrl: string;

  beforeAll(async () => {
    const direct = new URL(process.env.DATABASE_URL!);
    scratch = await createScratchDatabase(direct.href, 'rp_bouncer');
    // What an operator does once (here per database; ALTER ROLE works the same). It applies to
    // server connections PgBouncer opens afterwards, so before the first one.
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin.query(
      `alter database "${new URL(scratch.url).pathname.slice(1)}" set statement_timeout = 300`,
    );
    await admin.end();
    dir = await mkdtemp(join(tmpdir(), 'rp-pgbouncer-'));
    await chmod(dir, 0o755);
    const port = await freePort();
    const user = decodeURIComponent(direct.username || 'postgres');
    await writeFile(join(dir, 'users.txt'), `"${user}" ""\n`, { mode: 0o644 });
    await writeFile(
      join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `* = host=${direct.hostname} port=${direct.port || '5432'}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(dir, 'users.txt')}`,
        'pool_mode = transaction',
        // Two server connections for every client: session state would leak between them.
        'default_pool_size = 2',
        'ignore_startup_parameters = extra_float_digits',
      ].join('\n'),
      { mode: 0o644 },
    );
    // PgBouncer refuses to run as root; as root, it switches to the postgres user.
    const asRoot = process.getuid?.() === 0;
    bouncer = spawn('pgbouncer', [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
      stdio: 'ignore',
    });
    const url = new URL(scratch.url);
    url.port = String(port);
    url.hostname = '127.0.0.1';
    pooledUrl = url.href;
    for (let i = 0; i < 50; i++) {
      const client = new pg.Client({ connectionString: pooledUrl });
      const ok = await client.connect().then(
        () => true,
        () => false,
      );
      await client.end().catch(() => undefined);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('PgBouncer did not start');
  });

  afterAll(async () => {
    bouncer?.kill('SIGTERM');
    await scratch?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses the startup parameter, so DB_PGBOUNCER sends none', async () => {
    const { log } = createMemoryLog();
    const direct = openPostgresDb({ url: pooledUrl, statementTimeoutMs: 5000, log });
    await expect(direct.query('select 1')).rejects.toThrow(/unsupported startup parameter/);
    await direct.close();
    const pooled = openPostgresDb({ url: pooledUrl, statementTimeoutMs: 5000, pgbouncer: true, log });
    try {
      await expect(pooled.query('select 1 as ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
    } finally {
      await pooled.close();
    }
  });

  it("takes statement_timeout from the database's default, and cancels with it", async () => {
    const { log, lines } = createMemoryLog();
    const db = openPostgresDb({
      url: pooledUrl,
      statementTimeoutMs: 300,
      pgbouncer: true,
      maxConnections: 4,
      log,
    });
    try {
      expect(await checkStatementTimeout(db, 300, log)).toBe(300);
      expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
      await expect(db.query('select pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    } finally {
      await db.close();
    }
  });

  it('applies each migration once with two migrators racing, and hands out a backup slot once', async () => {
    const { log } = createMemoryLog();
    const a = openPostgresDb({
      url: pooledUrl,
      statementTimeoutMs: 300,
      pgbouncer: true,
      maxConnections: 3,
      log,
    });
    const b = openPostgresDb({
      url: pooledUrl,
      statementTimeoutMs: 300,
      pgbouncer: true,
      maxConnections: 3,
      log,
    });
    try {
      const migrations = await loadMigrations();
      const [ra, rb] = await Promise.all([migrate(a, migrations, log), migrate(b, migrations, log)]);
      expect([...ra.applied, ...rb.applied].sort((x, y) => x - y)).toEqual(migrations.map((m) => m.version));
      const { rows } = await a.query<{ n: number; d: number }>(
        'select count(*)::int as n, count(distinct version)::int as d from schema_migrations',
      );
      expect(rows).toEqual([{ n: migrations.length, d: migrations.length }]);

      const slot = new Date(Date.UTC(2026, 10, 25));
      const leases = [a, b].map((db, i) => createBackupLease(db, { holder: `r${i}`, leaseMs: 3_600_000 }));
      const won = await Promise.all(leases.map((l) => l.claim(slot)));
      expect(won.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
