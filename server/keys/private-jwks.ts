/**
 * Checks the shape of our SMART client's private JWKS (`CLIENT_JWKS`) without touching crypto,
 * so start-up configuration can report its problems alongside every other key's. Problems name
 * the key by position and `kid`, never by any key material.
 *
 * @module
 */
import type { JWK } from 'jose';

export const CLIENT_SIGNING_ALGS = ['RS384', 'ES384'] as const;
export type ClientSigningAlg = (typeof CLIENT_SIGNING_ALGS)[number];

/** A private signing key that passed {@link checkPrivateJwks}. */
export type PrivateSigningJwk = JWK & { readonly kid: string; readonly alg: ClientSigningAlg };

export interface PrivateJwksCheck {
  readonly keys: readonly PrivateSigningJwk[];
  /** Empty when the JWKS is usable. */
  readonly problems: readonly string[];
}

const MIN_RSA_BITS = 2048;
const RSA_PRIVATE = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
const EC_PRIVATE = ['x', 'y', 'd'] as const;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bits in a base64url big-endian unsigned integer, ignoring leading zero bits. */
function bitLength(base64url: string): number {
  const bytes = Buffer.from(base64url, 'base64url');
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] ?? 0));
}

function missingMembers(key: Record<string, unknown>, members: readonly string[]): string[] {
  return members.filter((m) => typeof key[m] !== 'string' || !BASE64URL.test(key[m]));
}

function checkOne(key: unknown, label: string): string[] {
  if (!isObject(key)) return [`${label} must be a JSON object`];
  const problems: string[] = [];
  if (typeof key.kid !== 'string' || key.kid.trim() === '') problems.push(`${label} needs a "kid"`);
  if (key.use !== undefined && key.use !== 'sig') problems.push(`${label} has "use" other than "sig"`);
  const alg = key.alg;
  if (alg !== 'RS384' && alg !== 'ES384') {
    problems.push(`${label} needs "alg" RS384 or ES384`);
    return problems;
  }
  if (alg === 'RS384') {
    if (key.kty !== 'RSA') return [...problems, `${label} has alg RS384 but is not an RSA key (kty "RSA")`];
    const missing = missingMembers(key, RSA_PRIVATE);
    if (missing.includes('d')) return [...problems, `${label} is a public key: the private JWKS needs "d"`];
    if (missing.length > 0) problems.push(`${label} is missing RSA members ${missing.join(', ')}`);
    else if (bitLength(String(key.n)) < MIN_RSA_BITS) {
      problems.push(`${label} is an RSA key shorter than ${MIN_RSA_BITS} bits`);
    }
  } else {
    if (key.kty !== 'EC' || key.crv !== 'P-384') {
      return [...problems, `${label} has alg ES384 but is not an EC P-384 key (kty "EC", crv "P-384")`];
    }
    const missing = missingMembers(key, EC_PRIVATE);
    if (missing.includes('d')) return [...problems, `${label} is a public key: the private JWKS needs "d"`];
    if (missing.length > 0) problems.push(`${label} is missing EC members ${missing.join(', ')}`);
  }
  return problems;
}

/** Reads a private JWKS JSON string; every problem is returned, none echoes key material. */
export function checkPrivateJwks(json: string): PrivateJwksCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // JSON.parse's own message quotes the input.
    return { keys: [], problems: ['is not valid JSON (expected a JWKS: {"keys": [...]})'] };
  }
  if (!isObject(parsed) || !Array.isArray(parsed.keys) || parsed.keys.length === 0) {
    return { keys: [], problems: ['must be a JWKS: a JSON object with a non-empty "keys" array'] };
  }
  const problems: string[] = [];
  const keys: PrivateSigningJwk[] = [];
  const kids = new Set<string>();
  parsed.keys.forEach((key: unknown, index) => {
    const kid = isObject(key) && typeof key.kid === 'string' ? key.kid : undefined;
    const label = `keys[${index}]${kid ? ` (kid ${JSON.stringify(kid)})` : ''}`;
    const found = checkOne(key, label);
    if (kid !== undefined && kids.has(kid)) found.push(`${label} repeats a kid used by an earlier key`);
    if (kid !== undefined) kids.add(kid);
    if (found.length > 0) problems.push(...found);
    else keys.push(key as PrivateSigningJwk);
  });
  for (const alg of CLIENT_SIGNING_ALGS) {
    if (problems.length === 0 && !keys.some((k) => k.alg === alg)) {
      problems.push(
        `needs at least one ${alg} key (EHRs may ask for either; \`npm run keys:generate\` makes both)`,
      );
    }
  }
  return { keys: problems.length === 0 ? keys : [], problems };
}
