/**
 * Our SMART client's signing keys for `private_key_jwt` (client assertions signed RS384 or ES384,
 * header `kid`): the `ClientKeyStore` seam the launch signs through and the JWKS route publishes,
 * importing and checking single keys, and `loadClientKeys`, a fixed store read from a private
 * JWKS (`CLIENT_JWKS`: the first key of each algorithm signs, all are published). The server
 * itself runs the rotating store in rotating-key-store.ts, seeded from that JWKS.
 *
 * @module
 */
import {
  calculateJwkThumbprint,
  CompactSign,
  compactVerify,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { ConfigError } from '../errors/app-error.ts';
import {
  checkPrivateJwks,
  CLIENT_SIGNING_ALGS,
  type ClientSigningAlg,
  type PrivateSigningJwk,
} from './private-jwks.ts';

export type { ClientSigningAlg } from './private-jwks.ts';

export interface ClientSigningKey {
  readonly kid: string;
  readonly alg: ClientSigningAlg;
  /** Non-extractable; for openid-client's `PrivateKeyJwt` and jose's `SignJWT`. */
  readonly privateKey: CryptoKey;
  /** The private JWK (with kid and alg), for fhirclient's `clientPrivateJwk`. */
  readonly privateJwk: JWK;
}

export interface ClientKeyStore {
  /**
   * The key that signs with `alg` now. Asked on every signature, so a rotation takes effect
   * without a restart.
   */
  signingKey(alg: ClientSigningAlg): Promise<ClientSigningKey>;
  /** Public members only, plus kid, alg and `use: "sig"`; a fresh copy on each call. */
  publicJwks(): Promise<{ keys: JWK[] }>;
}

/** A store over a fixed key list, which also hands out the checked keys (to seed the key table). */
export interface StaticClientKeyStore extends ClientKeyStore {
  /** Every key, in JWKS order. */
  readonly keys: readonly ClientSigningKey[];
}

/** Where `loadClientKeys` problems are reported, as in start-up configuration. */
const CONFIG_KEY = 'CLIENT_JWKS';

/** The public members of a private signing JWK, with kid, alg and `use: "sig"`. */
export function publicPart(jwk: PrivateSigningJwk): JWK {
  const common = { kid: jwk.kid, alg: jwk.alg, use: 'sig' };
  return jwk.kty === 'RSA'
    ? { kty: 'RSA', n: jwk.n, e: jwk.e, ...common }
    : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y, ...common };
}

const configProblem = (problem: string): Error => new ConfigError([{ key: CONFIG_KEY, problem }]);

/**
 * Imports one key and proves the private half matches the public half by signing and verifying.
 * `fail` makes the error from a problem that names `label`, never key material.
 */
export async function importSigningKey(
  jwk: PrivateSigningJwk,
  label: string,
  fail: (problem: string) => Error = configProblem,
): Promise<ClientSigningKey> {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    privateKey = (await importJWK({ ...jwk, ext: false }, jwk.alg, { extractable: false })) as CryptoKey;
    publicKey = (await importJWK(publicPart(jwk), jwk.alg)) as CryptoKey;
  } catch {
    throw fail(`${label} could not be imported (malformed numbers)`);
  }
  const probe = new TextEncoder().encode('revenuepilot client key check');
  try {
    const jws = await new CompactSign(probe).setProtectedHeader({ alg: jwk.alg }).sign(privateKey);
    await compactVerify(jws, publicKey);
  } catch {
    throw fail(`${label}: the private key does not match its public members`);
  }
  return Object.freeze({ kid: jwk.kid, alg: jwk.alg, privateKey, privateJwk: Object.freeze({ ...jwk }) });
}

/**
 * Reads and checks the private JWKS: every key private, RSA of at least 2048 bits or EC P-384,
 * with a kid and alg RS384/ES384, and at least one of each algorithm. Throws a `ConfigError`
 * (key `CLIENT_JWKS`) whose problems never contain key material.
 */
export async function loadClientKeys(privateJwksJson: string): Promise<StaticClientKeyStore> {
  const { keys, problems } = checkPrivateJwks(privateJwksJson);
  if (problems.length > 0) throw new ConfigError(problems.map((problem) => ({ key: CONFIG_KEY, problem })));

  const loaded = await Promise.all(
    keys.map((jwk, index) => importSigningKey(jwk, `keys[${index}] (kid ${JSON.stringify(jwk.kid)})`)),
  );
  const signers = new Map<ClientSigningAlg, ClientSigningKey>();
  for (const key of loaded) if (!signers.has(key.alg)) signers.set(key.alg, key);
  const publicKeys = keys.map((jwk) => Object.freeze(publicPart(jwk)));

  return {
    keys: Object.freeze(loaded),
    signingKey(alg) {
      const key = signers.get(alg);
      if (!key) return Promise.reject(new Error(`No ${alg} client signing key is loaded.`));
      return Promise.resolve(key);
    },
    publicJwks: () => Promise.resolve({ keys: publicKeys.map((k) => ({ ...k })) }),
  };
}

/** A new private signing JWK for `alg` (RSA 2048 or EC P-384), kid = RFC 7638 SHA-256 thumbprint. */
export async function generateSigningJwk(alg: ClientSigningAlg): Promise<PrivateSigningJwk> {
  const pair = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'RS384' ? { modulusLength: 2048 } : {}),
  });
  const jwk = await exportJWK(pair.privateKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { ...jwk, kid, alg, use: 'sig' };
}

/** A new private JWKS (JSON) with one RS384 and one ES384 key; kid = RFC 7638 SHA-256 thumbprint. */
export async function generateClientKeys(): Promise<string> {
  const keys = await Promise.all(CLIENT_SIGNING_ALGS.map(generateSigningJwk));
  return `${JSON.stringify({ keys }, null, 2)}\n`;
}
