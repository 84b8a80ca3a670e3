/**
 * Secrets for running the product on one machine (`npm start`, the end-to-end specs) when the
 * environment supplies none: a TOKEN_ENCRYPTION_KEY and a CLIENT_JWKS generated once into
 * `.data/dev-secrets.json` (git-ignored, mode 0600) and reused, so the embedded database's
 * encrypted rows stay readable across restarts. Production supplies its own (see .env.example).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { generateClientKeys } from '../server/keys/client-keys.ts';

export const DEV_SECRET_KEYS = ['TOKEN_ENCRYPTION_KEY', 'CLIENT_JWKS'] as const;
type DevSecrets = Record<(typeof DEV_SECRET_KEYS)[number], string>;

export interface DevSecretsOptions {
  /** Where the generated secrets live; defaults to `.data/dev-secrets.json` under the working directory. */
  readonly file?: string;
}

const given = (env: NodeJS.ProcessEnv, key: string): boolean => Boolean(env[key] || env[`${key}_FILE`]);

async function generate(): Promise<DevSecrets> {
  return {
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CLIENT_JWKS: await generateClientKeys(),
  };
}

async function read(file: string): Promise<DevSecrets> {
  const text = await readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const secrets = parsed as Partial<DevSecrets> | undefined;
  if (DEV_SECRET_KEYS.some((key) => typeof secrets?.[key] !== 'string')) {
    throw new Error(
      `${file} is damaged. Delete it to generate new development secrets ` +
        '(data the embedded database encrypted with the old ones becomes unreadable).',
    );
  }
  return secrets as DevSecrets;
}

/** Creates the file with complete contents, or not at all: concurrent starts agree on one set. */
async function createOnce(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(await generate(), null, 2)}\n`, { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
  } finally {
    await unlink(temporary);
  }
}

/** `env` with TOKEN_ENCRYPTION_KEY and CLIENT_JWKS filled in from the dev-secrets file where it has neither `KEY` nor `KEY_FILE`. */
export async function withDevSecrets(
  env: NodeJS.ProcessEnv,
  options: DevSecretsOptions = {},
): Promise<NodeJS.ProcessEnv> {
  const missing = DEV_SECRET_KEYS.filter((key) => !given(env, key));
  if (missing.length === 0) return env;
  const file = options.file ?? resolve('.data', 'dev-secrets.json');
  let secrets: DevSecrets;
  try {
    secrets = await read(file);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ENOENT') throw err;
    await createOnce(file);
    secrets = await read(file);
  }
  return { ...env, ...Object.fromEntries(missing.map((key) => [key, secrets[key]])) };
}
