import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { activeIcd10cmRelease, icd10cmCodesOf } from '../coding/code-sets/icd10cm-release-store.ts';
import type { Db } from '../db/db.ts';
import { CODES_IMPORT_USAGE, runCodesImportCli } from './codes-import-cli.ts';

const line = (order: number, code: string, flag: 0 | 1, short: string, long: string) =>
  `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;
const ORDER = [
  line(1, 'I10', 1, 'Essential (primary) hypertension', 'Essential (primary) hypertension'),
  line(
    2,
    'J06',
    0,
    'Acute upper resp infections of multiple and unsp sites',
    'Acute upper respiratory infections of multiple and unspecified sites',
  ),
  line(
    3,
    'J069',
    1,
    'Acute upper respiratory infection, unspecified',
    'Acute upper respiratory infection, unspecified',
  ),
].join('\n');

let db: TestDb;
let dir: string;
beforeAll(async () => {
  db = await openTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'codes-import-cli-'));
});
afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let opened = 0;
  let clock = 0;
  const code = await runCodesImportCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    useDb: <R>(fn: (d: Db) => Promise<R>) => {
      opened++;
      return fn(db);
    },
    now: () => (clock += 1_250),
  });
  return { code, out, err, opened };
}

describe('npm run codes:import', () => {
  it('prints help without touching the database', async () => {
    expect(await cli('--help')).toEqual({ code: 0, out: [CODES_IMPORT_USAGE], err: [], opened: 0 });
  });

  it('answers usage mistakes with 2 and the usage, without touching the database', async () => {
    for (const argv of [[], ['a.txt', 'b.txt'], ['--colour', 'a.txt'], ['--year']]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err[0]).toMatch(/^error: /);
      expect(result.err[1]).toBe(CODES_IMPORT_USAGE);
      expect(result.opened).toBe(0);
    }
  });

  it('loads an order file, says what it loaded, and makes it active', async () => {
    const file = path.join(dir, 'icd10cm_order_2027.txt');
    await writeFile(file, ORDER);
    const result = await cli(file);
    expect(result).toMatchObject({ code: 0, err: [], opened: 1 });
    expect(result.out).toEqual([
      'Loaded ICD-10-CM FY2027 (order file): 3 rows (2 billable) in 1.3 s; now the active release.',
    ]);
    const release = await activeIcd10cmRelease(db);
    expect(release?.fiscalYear).toBe('2027');
    expect((await icd10cmCodesOf(db, release!.id)).map((c) => c.code).sort()).toEqual([
      'I10',
      'J06',
      'J06.9',
    ]);
  });

  it('takes the year from --year when the name does not say it', async () => {
    const file = path.join(dir, 'vendor-codes.csv');
    await writeFile(
      file,
      'code,code_nodot,billable,description\nI10,I10,1,Essential (primary) hypertension\n',
    );
    expect((await cli(file)).err[0]).toBe(
      'error: Cannot tell the fiscal year of vendor-codes.csv: give --year 2026, or keep the CMS file name (icd10cm_order_2026.txt).',
    );
    const result = await cli(file, '--year', '2028');
    expect(result.out[0]).toMatch(/^Loaded ICD-10-CM FY2028 \(CSV\): 1 rows \(1 billable\)/);
  });

  it('refuses a file it does not understand with 1, saying nothing changed', async () => {
    const before = await activeIcd10cmRelease(db);
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'Dear colleague,\n');
    const result = await cli(file);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(
      /^error: notes\.txt is not a code file this command understands\. It reads: ICD-10-CM \(CMS order file\); ICD-10-CM \(CSV\)/,
    );
    expect(result.err[1]).toBe('Nothing was changed; the previous release is still the active one.');
    expect(result.opened).toBe(0);
    const missing = await cli(path.join(dir, 'nope_2026.txt'));
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/Cannot read .*nope_2026\.txt \(ENOENT\)/);
    expect(await activeIcd10cmRelease(db)).toEqual(before);
  });
});
