import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSecretsEnv, type TestSecretsEnv } from '../../test/support/test-secrets.ts';

const entry = fileURLToPath(new URL('./ehr.ts', import.meta.url));
const run = promisify(execFile);
let dir: string;
let secrets: TestSecretsEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-ehr-cli-'));
  secrets = await testSecretsEnv();
});
afterAll(() => rm(dir, { recursive: true }));

/** Runs server/cli/ehr.ts as an operator would, with exactly `env`. */
async function ehr(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', entry, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('server/cli/ehr.ts', () => {
  it('adds to the database the configuration names, and a later run lists it', async () => {
    const env = { PGLITE_DATA_DIR: join(dir, 'pglite'), ...secrets };
    const secretFile = join(dir, 'secret');
    await writeFile(secretFile, 'entry-test-secret\n');
    const added = await ehr(
      env,
      'add',
      '--name',
      'Sandbox',
      '--issuer',
      'http://127.0.0.1:8090/fhir',
      '--client-id',
      'revenuepilot-local',
      '--auth-method',
      'client_secret_basic',
      '--client-secret-file',
      secretFile,
      '--vendor',
      'generic',
      '--frame-origin',
      'http://127.0.0.1:8090',
      '--scopes',
      'launch openid fhirUser patient/*.rs',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added EHR registration [0-9a-f-]{36}\./);

    const listed = await ehr(env, 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('generic  client_secret_basic  http://127.0.0.1:8090/fhir  Sandbox');
    expect(listed.stdout + added.stdout).not.toContain('entry-test-secret');
  });

  it('prints usage without any configuration, and names configuration problems without values', async () => {
    const help = await ehr({}, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run ehr -- <command>');

    const bad = await ehr({ TOKEN_ENCRYPTION_KEY: 'aHVudGVyMg==', CLIENT_JWKS: secrets.CLIENT_JWKS }, 'list');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('TOKEN_ENCRYPTION_KEY: must decode to exactly 32 bytes (it decodes to 7)');
    expect(bad.stderr).not.toContain('aHVudGVyMg');
  });
});
