import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSecretsEnv, type TestSecretsEnv } from '../../test/support/test-secrets.ts';
import { deriveKeyId } from '../crypto/secret-cipher.ts';
import { loadClientKeys } from '../keys/client-keys.ts';
import { parseKeysRotateArgs } from './keys-rotate-cli.ts';

const entry = fileURLToPath(new URL('./keys-rotate.ts', import.meta.url));
const run = promisify(execFile);
let dir: string;
let secrets: TestSecretsEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-keys-rotate-'));
  secrets = await testSecretsEnv();
});
afterAll(() => rm(dir, { recursive: true }));

/** Runs server/cli/keys-rotate.ts as an operator would, with exactly `env`. */
async function keysRotate(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', entry, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('server/cli/keys-rotate.ts', () => {
  it('rotates the signing keys once, then rotates the token encryption key by re-encrypting', async () => {
    const env = { PGLITE_DATA_DIR: join(dir, 'pglite'), ...secrets };
    const seeded = (await loadClientKeys(secrets.CLIENT_JWKS)).keys.map((k) => k.kid);
    const oldId = deriveKeyId(Buffer.from(secrets.TOKEN_ENCRYPTION_KEY, 'base64'));

    const rotated = await keysRotate(env, '--grace-hours', '12');
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/New signing keys, published in our JWKS now \(grace 12 h\)/);
    expect(rotated.stdout.match(/signs from \d{4}-/g)).toHaveLength(2);
    for (const kid of seeded) expect(rotated.stdout).toContain(kid);

    const again = await keysRotate(env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^refused: A rotation is under way: key \S+ \((RS|ES)384\) starts signing at /,
    );

    // A new token encryption key; the old one stays readable until the values are moved.
    const newKey = randomBytes(32);
    const ring = {
      ...env,
      TOKEN_ENCRYPTION_KEY: newKey.toString('base64'),
      TOKEN_ENCRYPTION_PREVIOUS_KEYS: secrets.TOKEN_ENCRYPTION_KEY,
    };
    const pending = await keysRotate(ring, '--status');
    expect(pending.stdout.match(/^\s+next\s/gm)).toHaveLength(2);
    for (const kid of seeded) expect(pending.stdout).toMatch(new RegExp(`current\\s+(RS|ES)384\\s+${kid}`));
    expect(pending.stdout).not.toMatch(/"d"\s*:/);
    expect(pending.stdout).toMatch(
      new RegExp(`client_signing_key\\.private_jwk_enc +${oldId} +previous +4\\n`),
    );
    expect(pending.stdout).toContain('4 stored secrets are under other keys: run --reencrypt');
    const moved = await keysRotate(ring, '--reencrypt', '--batch-size', '3');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('  client_signing_key.private_jwk_enc: 3 of 4 (0 failed)');
    expect(moved.stdout).toContain(
      'client_signing_key.private_jwk_enc: 4 re-encrypted, 0 could not be opened',
    );
    const done = await keysRotate({ ...env, TOKEN_ENCRYPTION_KEY: newKey.toString('base64') }, '--status');
    expect(done.stdout).toMatch(new RegExp(`private_jwk_enc +${deriveKeyId(newKey)} +current +4\\n`));
    expect(done.stdout).toContain('Every stored secret is under the current key');
  }, 180_000);

  it('explains its usage and refuses a malformed command before opening anything', async () => {
    const help = await keysRotate({}, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run keys:rotate');
    // No configuration at all: a usage mistake is reported as such, not as missing settings.
    const mixed = await keysRotate({}, '--status', '--reencrypt');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('error: choose one of --status and --reencrypt');
    const unconfigured = await keysRotate({ PGLITE_DATA_DIR: 'memory' }, '--status');
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.stderr).toContain('TOKEN_ENCRYPTION_KEY: is required');
  }, 60_000);
});

describe('parseKeysRotateArgs', () => {
  it('reads each command and its options', () => {
    expect(parseKeysRotateArgs([])).toEqual({ kind: 'rotate', graceHours: undefined });
    expect(parseKeysRotateArgs(['--grace-hours', '0'])).toEqual({ kind: 'rotate', graceHours: 0 });
    expect(parseKeysRotateArgs(['--status'])).toEqual({ kind: 'status' });
    expect(parseKeysRotateArgs(['--reencrypt'])).toEqual({ kind: 'reencrypt', batchSize: 500 });
    expect(parseKeysRotateArgs(['--reencrypt', '--batch-size', '25'])).toEqual({
      kind: 'reencrypt',
      batchSize: 25,
    });
    expect(parseKeysRotateArgs(['-h', '--status'])).toEqual({ kind: 'help' });
  });

  it('refuses mixed or malformed options, saying which', () => {
    for (const [args, usage] of [
      [['--status', '--reencrypt'], 'choose one of --status and --reencrypt'],
      [['--status', '--grace-hours', '2'], '--grace-hours applies to a rotation only'],
      [['--batch-size', '10'], '--batch-size applies to --reencrypt only'],
      [['--grace-hours', 'soon'], '--grace-hours must be a whole number from 0 to 2160'],
      [['--grace-hours', '2161'], '--grace-hours must be a whole number from 0 to 2160'],
      [['--reencrypt', '--batch-size', '0'], '--batch-size must be a whole number from 1 to 100000'],
      [['rotate'], 'unexpected argument rotate'],
    ] as const) {
      expect(parseKeysRotateArgs(args)).toEqual({ usage });
    }
    const unknown = parseKeysRotateArgs(['--rotate']);
    expect('usage' in unknown && unknown.usage).toContain("Unknown option '--rotate'");
  });
});
