import { afterEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { defineMigration, loadMigrations } from './migration-files.ts';
import { checkMigrations, migrate } from './migrate.ts';

const first = defineMigration(
  1,
  'widgets',
  'create table widget (id int primary key); create index widget_id on widget (id);',
);
const second = defineMigration(2, 'gadgets', 'create table gadget (id int primary key)');

let db: TestDb | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function emptyDb(): Promise<TestDb> {
  db = await openTestDb({ migrations: [] });
  return db;
}

describe(`migrate (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('applies each migration once, in order, and records it', async () => {
    const db = await emptyDb();
    const { log, lines } = createMemoryLog();
    const result = await migrate(db, [second, first], log);
    expect(result.applied).toEqual([1, 2]);
    const { rows } = await db.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
      'select version, name, checksum, applied_at from schema_migrations order by version',
    );
    expect(rows.map((r) => [r.version, r.name, r.checksum])).toEqual([
      [1, 'widgets', first.checksum],
      [2, 'gadgets', second.checksum],
    ]);
    expect(rows[0]!.applied_at).toBeInstanceOf(Date);
    expect(lines.filter((l) => l.msg === 'migration applied').map((l) => l.migration)).toEqual([
      '0001-widgets',
      '0002-gadgets',
    ]);
  });

  it('is a no-op when run again, and applies only what is new', async () => {
    const db = await emptyDb();
    const { log } = createMemoryLog();
    await migrate(db, [first], log);
    await db.query('insert into widget (id) values (1)');
    expect((await migrate(db, [first], log)).applied).toEqual([]);
    expect((await migrate(db, [first, second], log)).applied).toEqual([2]);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from widget');
    expect(rows[0]!.n).toBe(1);
  });

  it('applies each migration once when two servers migrate at the same time', async () => {
    const db = await emptyDb();
    const other = await db.another();
    const { log } = createMemoryLog();
    const migrations = [first, second, defineMigration(3, 'counter', 'create table counter (n int)')];
    const [a, b] = await Promise.all([migrate(db, migrations, log), migrate(other, migrations, log)]);
    expect([...a.applied, ...b.applied].sort()).toEqual([1, 2, 3]);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    expect(rows[0]!.n).toBe(3);
  });

  it('refuses to start when an applied migration has changed, naming it', async () => {
    const db = await emptyDb();
    const { log } = createMemoryLog();
    await migrate(db, [first, second], log);
    const edited = defineMigration(1, 'widgets', 'create table widget (id bigint primary key);');
    const third = defineMigration(3, 'later', 'create table later (id int)');
    const failure = migrate(db, [edited, second, third], log);
    await expect(failure).rejects.toMatchObject({ code: 'migration_invalid' });
    await expect(failure).rejects.toThrow(/Migration 0001-widgets was changed after it was applied/);
    // Nothing new was applied after the mismatch was found.
    const { rows } = await db.query("select 1 from information_schema.tables where table_name = 'later'");
    expect(rows).toHaveLength(0);
  });

  it('rolls a failing migration back and names it', async () => {
    const db = await emptyDb();
    const { log } = createMemoryLog();
    const broken = defineMigration(2, 'broken', 'create table half (id int); select * from missing_table;');
    const failure = migrate(db, [first, broken], log);
    await expect(failure).rejects.toMatchObject({ code: 'migration_invalid' });
    await expect(failure).rejects.toThrow('Migration 0002-broken failed');
    const { rows } = await db.query("select 1 from information_schema.tables where table_name = 'half'");
    expect(rows).toHaveLength(0);
    const applied = await db.query<{ version: number }>('select version from schema_migrations');
    expect(applied.rows.map((r) => r.version)).toEqual([1]);
  });

  it('checks a database against the build without changing it', async () => {
    const db = await emptyDb();
    const { log } = createMemoryLog();
    const third = defineMigration(3, 'later', 'create table later (id int)');
    expect(await checkMigrations(db, [first, second])).toEqual({ applied: [], pending: [1, 2], unknown: [] });
    await migrate(db, [first, second, third], log);
    expect(await checkMigrations(db, [first, second])).toEqual({
      applied: [1, 2],
      pending: [],
      unknown: [3],
    });
    const fourth = defineMigration(4, 'newer', 'create table newer (id int)');
    expect(await checkMigrations(db, [first, second, third, fourth])).toEqual({
      applied: [1, 2, 3],
      pending: [4],
      unknown: [],
    });
    const { rows } = await db.query("select 1 from information_schema.tables where table_name = 'newer'");
    expect(rows).toHaveLength(0);
    const edited = defineMigration(2, 'gadgets', 'create table gadget (id bigint primary key)');
    await expect(checkMigrations(db, [first, edited])).rejects.toThrow(/Migration 0002-gadgets was changed/);
  });

  it("creates the server's audit_event table with its indexes", async () => {
    db = await openTestDb();
    const migrations = await loadMigrations();
    expect(migrations[0]).toMatchObject({ version: 1, name: 'audit-event' });
    await db.query(
      "insert into audit_event (request_id, actor, patient_ref, action, outcome, detail) values ($1, $2, $3, 'context.read', 'success', $4)",
      ['req-1', 'Practitioner/example', 'Patient/example', JSON.stringify({ resources: 7 })],
    );
    const { rows } = await db.query<{ id: string; occurred_at: Date; detail: { resources: number } }>(
      'select id, occurred_at, detail from audit_event',
    );
    expect(rows[0]).toMatchObject({ detail: { resources: 7 } });
    expect(rows[0]!.occurred_at).toBeInstanceOf(Date);
    const indexes = await db.query<{ indexname: string }>(
      "select indexname from pg_indexes where tablename = 'audit_event' order by indexname",
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual([
      'audit_event_occurred_at_idx',
      'audit_event_patient_ref_occurred_at_idx',
      'audit_event_pkey',
      'audit_event_trace_id_idx',
    ]);
  });
});
