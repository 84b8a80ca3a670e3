/**
 * The secrets every server configuration needs (TOKEN_ENCRYPTION_KEY, CLIENT_JWKS), generated
 * once per test process: RSA key generation is too slow to repeat in every test. Each call
 * returns a fresh copy of the same values, as environment variables.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { generateClientKeys } from '../../server/keys/client-keys.ts';

export interface TestSecretsEnv extends Record<string, string> {
  readonly TOKEN_ENCRYPTION_KEY: string;
  readonly CLIENT_JWKS: string;
}

let generated: Promise<TestSecretsEnv> | undefined;

export async function testSecretsEnv(): Promise<TestSecretsEnv> {
  generated ??= generateClientKeys().then((jwks) => ({
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CLIENT_JWKS: jwks,
  }));
  return { ...(await generated) };
}
