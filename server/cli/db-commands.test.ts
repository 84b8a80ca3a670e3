import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../test/support/test-db.ts';
import type { RunTool } from '../db/backup/pg-tools.ts';
import { defineMigration } from '../db/migration-files.ts';
import { runDbBackup, runDbMigrate, runDbRestore } from './db-commands.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-db-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { env, out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const widgets = defineMigration(1, 'widgets', 'create table widget (id int primary key)');
const gadgets = defineMigration(2, 'gadgets', 'create table gadget (id int primary key)');

describe('db commands', () => {
  it('report every configuration problem and stop, without needing the server secrets', async () => {
    const { err, deps } = io({ DB_POOL_MAX: '0', BACKUP_RETENTION: 'all' });
    expect(await runDbMigrate(deps)).toBe(1);
    expect(err).toEqual([
      'error: the database configuration is not valid:',
      '  DB_POOL_MAX: must be at least 1',
      '  BACKUP_RETENTION: must be a whole number from 1 to 10000',
    ]);
  });

  it('db:migrate prints what it applied, and nothing the second time', async () => {
    const env = { PGLITE_DATA_DIR: join(dir, 'migrate') };
    const first = io(env);
    expect(await runDbMigrate({ ...first.deps, migrations: () => Promise.resolve([widgets, gadgets]) })).toBe(
      0,
    );
    expect(first.out).toEqual([
      'applied 0001-widgets',
      'applied 0002-gadgets',
      `pglite (${join(dir, 'migrate')}): 2 applied now, 2 in all (latest 0002)`,
    ]);
    const second = io(env);
    expect(
      await runDbMigrate({ ...second.deps, migrations: () => Promise.resolve([widgets, gadgets]) }),
    ).toBe(0);
    expect(second.out).toEqual([`pglite (${join(dir, 'migrate')}): 0 applied now, 2 in all (latest 0002)`]);

    const broken = defineMigration(3, 'broken', 'select * from missing_table');
    const third = io(env);
    expect(
      await runDbMigrate({ ...third.deps, migrations: () => Promise.resolve([widgets, gadgets, broken]) }),
    ).toBe(1);
    expect(third.err.at(-1)).toMatch(
      /^error: Migration 0003-broken failed: relation "missing_table" does not exist/,
    );
  }, 60_000);

  it('db:backup refuses an in-memory PGlite: nothing on disk to back up', async () => {
    const { err, deps } = io({ PGLITE_DATA_DIR: 'memory' });
    expect(await runDbBackup(deps)).toBe(1);
    expect(err).toEqual(['error: PGLITE_DATA_DIR is memory: there is nothing on disk to back up']);
  });

  it('db:restore explains its usage, and refuses a file that is not a backup', async () => {
    const help = io({});
    expect(await runDbRestore(['--help'], help.deps)).toBe(0);
    expect(help.out[0]).toMatch(/^Usage: npm run db:restore -- <backup file>/);
    const none = io({});
    expect(await runDbRestore([], none.deps)).toBe(2);
    expect(none.err[0]).toBe('error: name exactly one backup file');

    const notes = join(dir, 'notes.txt');
    await writeFile(notes, 'not a backup');
    const wrong = io({ PGLITE_DATA_DIR: join(dir, 'restore-target') });
    expect(await runDbRestore([notes], wrong.deps)).toBe(1);
    expect(wrong.err).toEqual([`error: ${notes} is neither a pg_dump archive nor a PGlite archive`]);
    expect(await runDbRestore([join(dir, 'missing.dump')], io({}).deps)).toBe(1);
  });
});

describe.runIf(process.env.DATABASE_URL)('db:backup against PostgreSQL', () => {
  it('refuses a pg_dump older than the server, naming both versions, and leaves no file', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'rp_cli');
    try {
      const oldDump: RunTool = (tool, args) =>
        Promise.resolve(
          args[0] === '--version'
            ? { code: 0, stdout: `${tool} (PostgreSQL) 9.6.24\n`, stderr: '' }
            : { code: 1, stdout: '', stderr: 'should not run' },
        );
      const backups = join(dir, 'pg-old');
      const { err, deps } = io({ DATABASE_URL: scratch.url, BACKUP_DIR: backups });
      expect(await runDbBackup({ ...deps, run: oldDump })).toBe(1);
      expect(err[0]).toMatch(
        /^error: pg_dump 9 is older than the PostgreSQL \d+ server and cannot dump it: install postgresql-client-\d+/,
      );
      expect(await readdir(backups)).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });

  it('reports a failing pg_dump without what it quoted', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'rp_cli');
    try {
      const failing: RunTool = (tool, args) =>
        Promise.resolve(
          args[0] === '--version'
            ? { code: 0, stdout: `${tool} (PostgreSQL) 99.0\n`, stderr: '' }
            : {
                code: 1,
                stdout: '',
                stderr: 'pg_dump: error: query failed: ERROR:  value "Gloria" is wrong\n',
              },
        );
      const { err, deps } = io({ DATABASE_URL: scratch.url, BACKUP_DIR: join(dir, 'pg-fail') });
      expect(await runDbBackup({ ...deps, run: failing })).toBe(1);
      expect(err[0]).toBe(
        'error: pg_dump failed (exit code 1): pg_dump: error: query failed: ERROR:  value "…" is wrong',
      );
      expect(await readdir(join(dir, 'pg-fail'))).toEqual([]);
    } finally {
      await scratch.drop();
    }
  });
});
