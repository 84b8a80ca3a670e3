import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeIcd10cmRelease } from '../coding/code-sets/icd10cm-release-store.ts';
import { openPgliteDb } from '../db/pglite.ts';
import { createLogger } from '../observability/logger.ts';

const entry = fileURLToPath(new URL('./codes-import.ts', import.meta.url));
const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-codes-import-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function codesImport(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', entry, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('server/cli/codes-import.ts', () => {
  it('loads into the database the settings name, with no server secrets in the environment', async () => {
    const file = join(dir, 'icd10cm_fy2031_codes.csv');
    await writeFile(
      file,
      'code,code_nodot,billable,description\nI10,I10,1,Essential (primary) hypertension\n',
    );
    const dataDir = join(dir, 'pglite');
    const result = await codesImport({ PGLITE_DATA_DIR: dataDir, PATH: process.env.PATH }, file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Loaded ICD-10-CM FY2031 \(CSV\): 1 rows \(1 billable\) in [\d.]+ s; now the active release\.\n$/,
    );

    const db = await openPgliteDb({
      dataDir,
      statementTimeoutMs: 10_000,
      log: createLogger({ level: 'error', write: () => undefined }),
    });
    try {
      expect(await activeIcd10cmRelease(db)).toMatchObject({ fiscalYear: '2031', rowCount: 1 });
    } finally {
      await db.close();
    }
  }, 60_000);

  it('reports invalid database settings', async () => {
    const file = join(dir, 'icd10cm_fy2031_codes.csv');
    const result = await codesImport({ DATABASE_URL: 'mysql://nope', PATH: process.env.PATH }, file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
  }, 60_000);
});
