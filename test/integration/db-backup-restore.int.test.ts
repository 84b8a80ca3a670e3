/**
 * Must show: a backup restored into an empty database reproduces every row. The server's
 * migrations are applied to a fresh database, every table gets rows (bytea, jsonb, arrays,
 * timestamps, NULLs, text with quotes, tabs, newlines and non-ASCII), `db:backup` and
 * `db:restore` run as the npm scripts run them, and each table's rows, in full, and each
 * sequence's position are compared. Real PostgreSQL (pg_dump/pg_restore) when DATABASE_URL is
 * set, embedded PGlite otherwise.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDbBackup, runDbRestore } from '../../server/cli/db-commands.ts';
import type { Db, Queryable } from '../../server/db/db.ts';
import { loadMigrations } from '../../server/db/migration-files.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openPgliteDb } from '../../server/db/pglite.ts';
import { openPostgresDb } from '../../server/db/postgres.ts';
import { createLogger } from '../../server/observability/logger.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/test-db.ts';

const log = createLogger({ level: 'error', write: () => undefined });
const BYTES = '\\x00ff10deadbeef';
const TEXT = 'Fictional "Testperson" said:\n\tit\'s fine — ünïcödé ✓';

/** Rows for the tables the migrations leave empty, in foreign-key order. */
const FIXTURES: readonly (readonly [table: string, sql: string, params: readonly unknown[]])[] = [
  [
    'ehr_registration',
    `insert into ehr_registration (id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes, client_secret_enc)
     values ('reg-1', $1, 'https://ehr.example.org/fhir', 'client-1', 'client_secret_basic', 'epic',
             '{https://ehr.example.org,https://other.example.org}', 'launch openid fhirUser', $2),
            ('reg-2', 'Generic', 'https://generic.example.org/r4', 'client-2', 'none', 'generic', '{https://g.example.org}', 'launch', null)`,
    [TEXT, BYTES],
  ],
  [
    'launch_session',
    `insert into launch_session (id, registration_id, launch_type, status, state_hash, patient_id, need_patient_banner, granted_scope, expires_at)
     values ('launch-1', 'reg-1', 'ehr', 'active', $1, 'p-fictional', false, 'patient/*.rs', '2026-11-25T03:38:46.123456Z'),
            ('launch-2', 'reg-2', 'standalone', 'ended', null, null, true, null, now())`,
    [BYTES],
  ],
  [
    'smart_client_state',
    `insert into smart_client_state (launch_id, key, value_enc) values ('launch-1', 'state', $1), ('launch-1', 'verifier', '\\x01')`,
    [BYTES],
  ],
  [
    'note_draft',
    `insert into note_draft (registration_id, patient_id, encounter_id, version, status, template_id, template_version, input_kind, input_text, note, created_by)
     values ('reg-1', 'p-fictional', 'e-1', 3, 'ready_to_sign', 'soap-progress', 1, 'transcript', $1, $2, 'Practitioner/fictional'),
            ('reg-2', 'p-other', '', 1, 'draft', 'soap-progress', 1, 'bullets', '- a\n- b', null, null)`,
    [
      TEXT,
      JSON.stringify({
        sections: [{ key: 'hpi', sentences: [{ text: TEXT, evidence: [{ from: 0, to: 9 }] }] }],
      }),
    ],
  ],
  [
    'audit_event',
    `insert into audit_event (request_id, actor, patient_ref, action, outcome, detail)
     select 'req-' || g, 'Practitioner/fictional', 'Patient/p-' || (g % 7), 'context.read', 'success', jsonb_build_object('resources', g)
     from generate_series(1, 250) g`,
    [],
  ],
  [
    'client_signing_key',
    `insert into client_signing_key (kid, alg, status, public_jwk, private_jwk_enc, created_at, sign_after, retire_after, retired_at)
     values ('kid-current', 'RS384', 'current', '{"kty":"RSA","n":"x","e":"AQAB"}', $1, now(), now(), null, null),
            ('kid-retired', 'ES384', 'retired', '{"kty":"EC","crv":"P-384"}', null, now(), now(), now(), now())`,
    [BYTES],
  ],
  [
    'backup_run',
    `insert into backup_run (slot_start, holder, finished_at, outcome, size_bytes, duration_ms)
     values ('2026-11-25T00:00:00Z', 'host-a:1', now(), 'success', 123456789012, 2500)`,
    [],
  ],
];

async function userTables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  return rows.map((r) => r.name);
}

/**
 * A row for a table no fixture knows, from its columns: a foreign key takes a value from the
 * table it references, a column limited to a list (`in ('a', 'b')`, `<@ array['a', 'b']`) its
 * first value, others a value of their type. May still fail on another CHECK; the caller then says to add a fixture.
 */
async function genericRow(db: Queryable, table: string): Promise<void> {
  const { rows } = await db.query<{ column_name: string; data_type: string; udt_name: string }>(
    `select column_name, data_type, udt_name from information_schema.columns
     where table_schema = 'public' and table_name = $1 and is_nullable = 'NO' and column_default is null
       and is_identity = 'NO' order by ordinal_position`,
    [table],
  );
  const foreign = await db.query<{ col: string; ref_table: string; ref_col: string }>(
    `select a.attname as col, rt.relname as ref_table, ra.attname as ref_col
     from pg_constraint c
     join pg_class rt on rt.oid = c.confrelid
     cross join lateral unnest(c.conkey, c.confkey) as k(col, refcol)
     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
     join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.refcol
     where c.contype = 'f' and c.conrelid = $1::regclass`,
    [table],
  );
  const checks = await db.query<{ def: string }>(
    "select pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c' and conrelid = $1::regclass",
    [table],
  );
  const listed = new Map<string, string>();
  for (const { def } of checks.rows) {
    // `col in ('a', 'b')` reads back as `col = ANY (ARRAY['a'::text, …])`: take 'a'.
    for (const m of def.matchAll(/\(?(\w+) = ANY \(+ARRAY\[('(?:[^']|'')*')/g)) listed.set(m[1]!, m[2]!);
    // `col <@ ARRAY['a', 'b']` (an array of listed values): take ARRAY['a'].
    for (const m of def.matchAll(/\(?(\w+) <@ \(?ARRAY\[('(?:[^']|'')*'(?:::\w+)?)/g)) {
      listed.set(m[1]!, `ARRAY[${m[2]!}]`);
    }
  }
  const byType = (type: string, udt: string): string =>
    type === 'ARRAY'
      ? `'{x}'::${udt.slice(1)}[]`
      : ((
          {
            boolean: 'true',
            jsonb: "'{}'",
            json: "'{}'",
            bytea: "'\\x00'",
            uuid: 'gen_random_uuid()',
          } as Record<string, string>
        )[type] ??
        (/int|numeric|double|real/.test(type) ? '1' : /timestamp|date/.test(type) ? 'now()' : "'x'"));
  const value = (column: string, type: string, udt: string): string => {
    const fk = foreign.rows.find((f) => f.col === column);
    if (fk) return `(select "${fk.ref_col}" from "${fk.ref_table}" limit 1)`;
    const first = listed.get(column);
    return first ?? byType(type, udt);
  };
  const columns = rows.map((r) => `"${r.column_name}"`).join(', ');
  const values = rows.map((r) => value(r.column_name, r.data_type, r.udt_name)).join(', ');
  await db.query(
    rows.length
      ? `insert into "${table}" (${columns}) values (${values})`
      : `insert into "${table}" default values`,
  );
}

async function fillEveryTable(db: Db): Promise<void> {
  for (const [, sql, params] of FIXTURES) await db.query(sql, params);
  for (const table of await userTables(db)) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
    if (rows[0]!.n === 0) await genericRow(db, table).catch(() => undefined);
  }
  const empty: string[] = [];
  for (const table of await userTables(db)) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
    if (rows[0]!.n === 0) empty.push(table);
  }
  expect(empty, 'tables still empty: add a row for each to FIXTURES in this test').toEqual([]);
}

/** Every table's rows as JSON in a stable order, with counts, and every sequence's position. */
async function snapshot(db: Queryable): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of await userTables(db)) {
    const { rows } = await db.query<{ n: number; rows: string }>(
      `select count(*)::int as n, coalesce(json_agg(t order by t::text), '[]')::text as rows from "${table}" t`,
    );
    result[table] = rows[0];
  }
  const { rows } = await db.query<{ name: string }>(
    "select sequence_name as name from information_schema.sequences where sequence_schema = 'public' order by 1",
  );
  for (const { name } of rows) {
    result[`sequence ${name}`] = (await db.query(`select last_value, is_called from "${name}"`)).rows;
  }
  return result;
}

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-backup-restore-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.runIf(process.env.DATABASE_URL)('backup and restore (PostgreSQL: pg_dump -Fc, pg_restore)', () => {
  const scratch: ScratchDatabase[] = [];
  afterAll(() => Promise.all(scratch.map((s) => s.drop())));

  it('reproduces every row in an empty database, and refuses one that is not empty', async () => {
    const base = process.env.DATABASE_URL!;
    const source = await createScratchDatabase(base, 'rp_backup_src');
    const target = await createScratchDatabase(base, 'rp_backup_dst');
    scratch.push(source, target);

    const db = openPostgresDb({ url: source.url, statementTimeoutMs: 60_000, log });
    let before: Record<string, unknown>;
    try {
      await migrate(db, await loadMigrations(), log);
      await fillEveryTable(db);
      before = await snapshot(db);
    } finally {
      await db.close();
    }

    const env = { DATABASE_URL: source.url, BACKUP_DIR: join(dir, 'pg') };
    const backup = collect();
    expect(await runDbBackup({ env, ...backup.deps })).toBe(0);
    const file = backup.out[0]!;
    expect(file).toMatch(/revenuepilot-\d{8}T\d{6}Z\.dump$/);
    expect(backup.err.join('\n')).not.toContain('Testperson');

    const restore = collect();
    expect(await runDbRestore([file, '--target', target.url], { env, ...restore.deps })).toBe(0);
    expect(restore.out.join('\n')).toMatch(/migrations: \d+ applied and matching this build, 0 pending/);

    const restored = openPostgresDb({ url: target.url, statementTimeoutMs: 60_000, log });
    try {
      const after = await snapshot(restored);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(after).toEqual(before);
    } finally {
      await restored.close();
    }

    const again = collect();
    expect(await runDbRestore([file, '--target', target.url], { env, ...again.deps })).toBe(1);
    expect(again.err.join('\n')).toMatch(/target database is not empty/);
  });
});

describe.skipIf(process.env.DATABASE_URL)(
  'backup and restore (embedded PGlite: data directory archive)',
  () => {
    it('reproduces every row in an empty data directory, and refuses one that is not empty', async () => {
      const sourceDir = join(dir, 'pglite-source');
      const targetDir = join(dir, 'pglite-restored');
      const db = await openPgliteDb({ dataDir: sourceDir, statementTimeoutMs: 60_000, log });
      let before: Record<string, unknown>;
      try {
        await migrate(db, await loadMigrations(), log);
        await fillEveryTable(db);
        before = await snapshot(db);
      } finally {
        await db.close();
      }

      const env = { PGLITE_DATA_DIR: sourceDir, BACKUP_DIR: join(dir, 'pglite-backups') };
      const backup = collect();
      expect(await runDbBackup({ env, ...backup.deps })).toBe(0);
      const file = backup.out[0]!;
      expect(file).toMatch(/revenuepilot-\d{8}T\d{6}Z\.pglite\.tar\.gz$/);

      const restore = collect();
      expect(await runDbRestore([file, '--target', targetDir], { env, ...restore.deps })).toBe(0);
      expect(restore.out.join('\n')).toMatch(/migrations: \d+ applied and matching this build, 0 pending/);

      const restored = await openPgliteDb({ dataDir: targetDir, statementTimeoutMs: 60_000, log });
      try {
        const after = await snapshot(restored);
        expect(Object.keys(after)).toEqual(Object.keys(before));
        expect(after).toEqual(before);
      } finally {
        await restored.close();
      }

      const again = collect();
      expect(await runDbRestore([file, '--target', targetDir], { env, ...again.deps })).toBe(1);
      expect(again.err.join('\n')).toMatch(/not empty/);
    }, 180_000); // PGlite starts three times and migrates once: slow on a shared machine
  },
);
