import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, jwtVerify, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/app-error.ts';
import { generateClientKeys, loadClientKeys } from './client-keys.ts';

interface Jwks {
  keys: (JWK & { kid: string; alg: string })[];
}

let generated: string;
let jwks: Jwks;
let rsa: Jwks['keys'][number];
let ec: Jwks['keys'][number];

beforeAll(async () => {
  generated = await generateClientKeys();
  jwks = JSON.parse(generated) as Jwks;
  [rsa, ec] = jwks.keys as [Jwks['keys'][number], Jwks['keys'][number]];
});

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

function nodeJwk(type: 'rsa' | 'ec', option: number | string, kid: string, alg: string): JWK {
  const { privateKey } =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: option as number })
      : generateKeyPairSync('ec', { namedCurve: option as string });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid, alg };
}

async function problemsOf(json: string): Promise<string[]> {
  const failure = await loadClientKeys(json).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(failure).toBeInstanceOf(ConfigError);
  const problems = (failure as ConfigError).problems;
  expect(problems.every((p) => p.key === 'CLIENT_JWKS')).toBe(true);
  const text = `${(failure as Error).message}\n${problems.map((p) => p.problem).join('\n')}`;
  // No long base64url run (key material) from the input may appear in what is reported; kids may.
  const material = json.replace(/"kid":\s*"[^"]*"/g, '');
  for (const run of material.match(/[A-Za-z0-9_-]{16,}/g) ?? []) expect(text).not.toContain(run.slice(0, 16));
  return problems.map((p) => p.problem);
}

describe('generateClientKeys', () => {
  it('makes one RS384 (2048-bit RSA) and one ES384 (P-384) private key, kid = RFC 7638 thumbprint', async () => {
    expect(jwks.keys.map((k) => [k.kty, k.alg, k.crv, k.use])).toEqual([
      ['RSA', 'RS384', undefined, 'sig'],
      ['EC', 'ES384', 'P-384', 'sig'],
    ]);
    expect(Buffer.from(rsa.n ?? '', 'base64url').length).toBe(256);
    for (const key of jwks.keys) {
      expect(key.d).toEqual(expect.any(String));
      expect(key.kid).toBe(await calculateJwkThumbprint(key, 'sha256'));
    }
    expect(JSON.parse(await generateClientKeys())).not.toEqual(jwks);
  });
});

describe('loadClientKeys', () => {
  it('signs client assertions that verify against the public JWKS by kid, for both algorithms', async () => {
    const store = await loadClientKeys(generated);
    const verifyWith = createLocalJWKSet(await store.publicJwks());
    for (const alg of ['RS384', 'ES384'] as const) {
      const key = await store.signingKey(alg);
      expect(key.alg).toBe(alg);
      expect(key.kid).toBe(alg === 'RS384' ? rsa.kid : ec.kid);
      expect(key.privateJwk).toMatchObject({ kid: key.kid, alg });
      expect(typeof key.privateJwk.d).toBe('string');
      expect(key.privateKey.extractable).toBe(false);
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
        .setIssuer('client-1')
        .setSubject('client-1')
        .setAudience('https://ehr.example/token')
        .setExpirationTime('5m')
        .sign(key.privateKey);
      const { protectedHeader } = await jwtVerify(assertion, verifyWith, {
        audience: 'https://ehr.example/token',
      });
      expect(protectedHeader.kid).toBe(key.kid);
    }
  });

  it('publishes public members only, with kid, alg and use "sig", as a fresh copy each time', async () => {
    const store = await loadClientKeys(generated);
    const published = await store.publicJwks();
    expect(published.keys).toEqual([
      { kty: 'RSA', n: rsa.n, e: rsa.e, kid: rsa.kid, alg: 'RS384', use: 'sig' },
      { kty: 'EC', crv: 'P-384', x: ec.x, y: ec.y, kid: ec.kid, alg: 'ES384', use: 'sig' },
    ]);
    for (const key of published.keys) for (const m of PRIVATE_MEMBERS) expect(key).not.toHaveProperty(m);
    (published.keys[0] as { d?: string }).d = 'leak';
    published.keys.pop();
    expect((await store.publicJwks()).keys).toHaveLength(2);
    expect((await store.publicJwks()).keys[0]).not.toHaveProperty('d');
  });

  it('signs with the first key of each algorithm and still publishes the older ones (rotation)', async () => {
    const newer = nodeJwk('rsa', 2048, 'rsa-2026', 'RS384');
    const store = await loadClientKeys(JSON.stringify({ keys: [newer, ec, rsa] }));
    expect((await store.signingKey('RS384')).kid).toBe('rsa-2026');
    expect((await store.publicJwks()).keys.map((k) => k.kid)).toEqual(['rsa-2026', ec.kid, rsa.kid]);
    expect(store.keys.map((k) => k.kid)).toEqual(['rsa-2026', ec.kid, rsa.kid]);
  });

  it('refuses text that is not a JWKS, without quoting it', async () => {
    expect(await problemsOf('{"keys": [ {"d": "SECRETSECRETSECRET"')).toEqual([
      'is not valid JSON (expected a JWKS: {"keys": [...]})',
    ]);
    expect(await problemsOf('{"keys": []}')).toEqual([
      'must be a JWKS: a JSON object with a non-empty "keys" array',
    ]);
    expect(await problemsOf('[1]')).toHaveLength(1);
  });

  it('lists every bad key together, by position and kid', async () => {
    const publicOnly: JWK = { kty: 'RSA', n: rsa.n, e: rsa.e, kid: 'pub', alg: 'RS384' };
    const shortRsa = nodeJwk('rsa', 1024, 'short', 'RS384');
    const p256 = nodeJwk('ec', 'P-256', 'p256', 'ES384');
    const noKid = { ...ec, kid: undefined };
    const rsaAsEs = { ...rsa, kid: 'mixed', alg: 'ES384' };
    const rs256 = { ...rsa, kid: 'rs256', alg: 'RS256' };
    const encryption = { ...ec, kid: 'enc', use: 'enc' };
    const missingQi = { ...rsa, kid: 'no-qi', qi: undefined };
    const problems = await problemsOf(
      JSON.stringify({
        keys: [publicOnly, shortRsa, p256, noKid, rsaAsEs, rs256, encryption, missingQi, rsa, rsa, 'text'],
      }),
    );
    expect(problems).toEqual([
      'keys[0] (kid "pub") is a public key: the private JWKS needs "d"',
      'keys[1] (kid "short") is an RSA key shorter than 2048 bits',
      'keys[2] (kid "p256") has alg ES384 but is not an EC P-384 key (kty "EC", crv "P-384")',
      'keys[3] needs a "kid"',
      'keys[4] (kid "mixed") has alg ES384 but is not an EC P-384 key (kty "EC", crv "P-384")',
      'keys[5] (kid "rs256") needs "alg" RS384 or ES384',
      'keys[6] (kid "enc") has "use" other than "sig"',
      'keys[7] (kid "no-qi") is missing RSA members qi',
      `keys[9] (kid ${JSON.stringify(rsa.kid)}) repeats a kid used by an earlier key`,
      'keys[10] must be a JSON object',
    ]);
  });

  it('needs one key of each algorithm', async () => {
    expect(await problemsOf(JSON.stringify({ keys: [rsa] }))).toEqual([
      'needs at least one ES384 key (EHRs may ask for either; `npm run keys:generate` makes both)',
    ]);
    expect(await problemsOf(JSON.stringify({ keys: [ec] }))).toEqual([
      'needs at least one RS384 key (EHRs may ask for either; `npm run keys:generate` makes both)',
    ]);
  });

  it('refuses a private key whose public members belong to another key', async () => {
    const other = nodeJwk('rsa', 2048, 'other', 'RS384');
    const spliced = { ...rsa, n: other.n, e: other.e };
    const [problem] = await problemsOf(JSON.stringify({ keys: [spliced, ec] }));
    expect(problem).toMatch(
      /^keys\[0\] \(kid ".+"\)(: the private key does not match its public members| could not be imported)/,
    );
  });
});
