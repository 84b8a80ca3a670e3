/**
 * PgBouncer in transaction pooling hands each transaction (or lone statement) whatever server
 * connection is free, so SQL must not leave state on a session for a later statement to find:
 * session SETs, session advisory locks, LISTEN, named prepared statements, temp tables, WITH
 * HOLD cursors. This scans the server's SQL (string literals in server/**\/*.ts and the
 * migrations) for those. Transaction-scoped forms (`set local`, `pg_advisory_xact_lock`,
 * `set_config(…, true)`) are fine. Named prepared statements cannot arise: `Db.query` takes SQL
 * text only and pg then uses the unnamed statement.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = fileURLToPath(new URL('../', import.meta.url));

/** Files allowed session state, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  // Embedded PGlite: its own single connection in this process, never behind a pooler.
  'db/pglite.ts': 'set statement_timeout on the embedded connection',
};

const RULES: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  {
    name: 'session SET',
    pattern: /(?:^|;)\s*set\s+(?!local\b|transaction\b|constraints\b)(?:session\s+)?[a-z_.]+\s*(?:=|to\b)/i,
  },
  { name: 'session advisory lock', pattern: /\bpg_(?:try_)?advisory_lock(?:_shared)?\s*\(/i },
  { name: 'session set_config', pattern: /\bset_config\s*\([^)]*,\s*false\s*\)/i },
  { name: 'LISTEN', pattern: /(?:^|;)\s*(?:un)?listen\s+[a-z_"*]/i },
  { name: 'named PREPARE', pattern: /(?:^|;)\s*prepare\s+[a-z_]+\s*(?:\(|as\b)/i },
  { name: 'temporary table', pattern: /\bcreate\s+(?:global\s+|local\s+)?temp(?:orary)?\s+table\b/i },
  { name: 'WITH HOLD cursor', pattern: /\bcursor\s+with\s+hold\b/i },
];

/** The session-state rules a piece of SQL breaks. */
function sessionStateIn(sql: string): string[] {
  return RULES.filter((rule) => rule.pattern.test(sql)).map((rule) => rule.name);
}

/** String literals ('…', "…", `…`) of a TypeScript source, roughly: enough to find SQL. */
function stringLiterals(source: string): string[] {
  const literals: string[] = [];
  const pattern = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
  for (const match of source.matchAll(pattern)) literals.push(match[0].slice(1, -1));
  return literals;
}

async function serverFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && (/\.ts$/.test(e.name) ? !/\.test\.ts$/.test(e.name) : /\.sql$/.test(e.name)))
    .map((e) => join(e.parentPath, e.name));
}

describe('sessionStateIn', () => {
  it('finds session state and lets transaction-scoped forms through', () => {
    expect(sessionStateIn('set statement_timeout = 0')).toEqual(['session SET']);
    expect(sessionStateIn('begin; SET search_path TO app')).toEqual(['session SET']);
    expect(sessionStateIn('set session timezone to utc')).toEqual(['session SET']);
    expect(sessionStateIn('select pg_advisory_lock(42)')).toEqual(['session advisory lock']);
    expect(sessionStateIn('select pg_try_advisory_lock(1, 2)')).toEqual(['session advisory lock']);
    expect(sessionStateIn("select set_config('app.user', $1, false)")).toEqual(['session set_config']);
    expect(sessionStateIn('listen note_changed')).toEqual(['LISTEN']);
    expect(sessionStateIn('prepare q (int) as select $1')).toEqual(['named PREPARE']);
    expect(sessionStateIn('create temp table scratch (id int)')).toEqual(['temporary table']);
    expect(sessionStateIn('declare c cursor with hold for select 1')).toEqual(['WITH HOLD cursor']);

    expect(sessionStateIn('set local statement_timeout = 0')).toEqual([]);
    expect(sessionStateIn('select pg_advisory_xact_lock(42)')).toEqual([]);
    expect(sessionStateIn("select set_config('app.user', $1, true)")).toEqual([]);
    expect(sessionStateIn('update note_draft set version = version + 1 where id = $1')).toEqual([]);
    expect(sessionStateIn('set transaction isolation level serializable')).toEqual([]);
    expect(sessionStateIn('select pg_notify($1, $2)')).toEqual([]);
  });
});

describe('server SQL', () => {
  it('keeps no session state across transactions (PgBouncer transaction pooling)', async () => {
    const findings: string[] = [];
    const files = await serverFiles(SERVER);
    expect(files.filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(5);
    for (const file of files) {
      const name = relative(SERVER, file);
      if (name in ALLOWED) continue;
      const source = await readFile(file, 'utf8');
      const pieces = file.endsWith('.sql') ? [source.replace(/--[^\n]*/g, '')] : stringLiterals(source);
      for (const sql of pieces) {
        for (const rule of sessionStateIn(sql))
          findings.push(`${name}: ${rule} in ${JSON.stringify(sql.slice(0, 80))}`);
      }
    }
    expect(findings).toEqual([]);
  });

  it('still finds the one allowed file, so the scan reads what it should', async () => {
    const pglite = await readFile(join(SERVER, 'db/pglite.ts'), 'utf8');
    expect(stringLiterals(pglite).flatMap(sessionStateIn)).toContain('session SET');
  });
});
