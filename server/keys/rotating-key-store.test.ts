import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { AppError } from '../errors/app-error.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import {
  generateClientKeys,
  generateSigningJwk,
  loadClientKeys,
  type StaticClientKeyStore,
} from './client-keys.ts';
import { CLIENT_SIGNING_ALGS, type ClientSigningAlg } from './private-jwks.ts';
import { createRotatingKeyStore, type RotatingKeyStore } from './rotating-key-store.ts';

const HOUR = 3_600_000;
const GRACE = 48 * HOUR;
const cipher = cipherForKeys(randomBytes(32));

let seedJwks: string;
let seed: StaticClientKeyStore;
let db: TestDb;
let clock: number;
const now = () => new Date(clock);

beforeAll(async () => {
  seedJwks = await generateClientKeys();
  seed = await loadClientKeys(seedJwks);
  db = await openTestDb();
});
beforeEach(async () => {
  await db.query('delete from client_signing_key');
  clock = Date.parse('2026-03-02T15:00:00Z');
});
afterAll(() => db.close());

const storeOn = (on = db as Parameters<typeof createRotatingKeyStore>[0]['db']): RotatingKeyStore =>
  createRotatingKeyStore({ db: on, cipher, graceMs: GRACE, now });
const kidOf = (alg: ClientSigningAlg) => seed.keys.find((k) => k.alg === alg)!.kid;
const kids = async (store: RotatingKeyStore) => (await store.publicJwks()).keys.map((k) => k.kid);
const signers = async (store: RotatingKeyStore) =>
  Promise.all(CLIENT_SIGNING_ALGS.map(async (alg) => (await store.signingKey(alg)).kid));

/** Signs a client assertion with the store's key and verifies it against the store's JWKS. */
async function signsVerifiably(store: RotatingKeyStore, alg: ClientSigningAlg): Promise<string> {
  const key = await store.signingKey(alg);
  const jwt = await new SignJWT({})
    .setProtectedHeader({ alg, kid: key.kid })
    .setIssuer('rp')
    .setExpirationTime('5m')
    .sign(key.privateKey);
  const { protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await store.publicJwks()));
  return protectedHeader.kid!;
}

describe('seeding from CLIENT_JWKS', () => {
  it('publishes and signs with the same keys as the JWKS, private keys sealed, once for every replica', async () => {
    const store = storeOn();
    const first = await store.seed(seed.keys);
    expect(first.inserted).toEqual(seed.keys.map((k) => k.kid));
    expect(await store.publicJwks()).toEqual(await seed.publicJwks());
    expect(await signers(store)).toEqual([kidOf('RS384'), kidOf('ES384')]);
    for (const alg of CLIENT_SIGNING_ALGS) expect(await signsVerifiably(store, alg)).toBe(kidOf(alg));

    const { rows } = await db.query<{ private_jwk_enc: Uint8Array }>(
      'select private_jwk_enc from client_signing_key',
    );
    for (const row of rows) {
      const stored = Buffer.from(row.private_jwk_enc).toString('latin1');
      for (const key of seed.keys) expect(stored).not.toContain(String(key.privateJwk.d).slice(0, 16));
    }
    // Another server starting on the same database seeds nothing.
    expect((await storeOn(await db.another()).seed(seed.keys)).inserted).toEqual([]);
    expect(await kids(store)).toHaveLength(2);
  });

  it('keeps older keys of the JWKS published as retiring, and ignores a CLIENT_JWKS changed afterwards', async () => {
    const older = await generateSigningJwk('ES384');
    const { keys } = JSON.parse(seedJwks) as { keys: unknown[] };
    const withOlder = await loadClientKeys(JSON.stringify({ keys: [...keys, older] }));
    const store = storeOn();
    await store.seed(withOlder.keys);
    expect(await kids(store)).toEqual([kidOf('RS384'), kidOf('ES384'), older.kid]);
    const entry = (await store.lifecycle()).find((k) => k.kid === older.kid);
    expect(entry).toMatchObject({ status: 'retiring', retireAfter: new Date(clock + GRACE) });

    const other = await loadClientKeys(await generateClientKeys());
    const later = await store.seed(other.keys);
    expect(later).toEqual({ inserted: [], unused: other.keys.map((k) => k.kid) });
    expect(await signers(store)).toEqual([kidOf('RS384'), kidOf('ES384')]);
  });
});

describe('rotation', () => {
  it('publishes the new key at once, signs with it after the grace, retires the old one a grace later', async () => {
    const store = storeOn();
    await store.seed(seed.keys);
    const old = [kidOf('RS384'), kidOf('ES384')];
    const plan = await store.rotate();
    const fresh = plan.added.map((k) => k.kid);
    expect(plan.added.map((k) => [k.alg, k.signAfter])).toEqual([
      ['RS384', new Date(clock + GRACE)],
      ['ES384', new Date(clock + GRACE)],
    ]);
    expect(plan.replaced).toEqual([
      { kid: old[0], alg: 'RS384', retireAfter: new Date(clock + 2 * GRACE) },
      { kid: old[1], alg: 'ES384', retireAfter: new Date(clock + 2 * GRACE) },
    ]);

    // During the grace: both published, the old keys sign.
    expect(await kids(store)).toEqual([...old, ...fresh]);
    expect(await signers(store)).toEqual(old);
    await expect(store.rotate()).rejects.toMatchObject({ code: 'conflict' });
    clock += GRACE - 1;
    expect(await signers(store)).toEqual(old);

    // After it: the new keys sign; the old ones stay published, retiring.
    clock += 1;
    expect(await signers(store)).toEqual(fresh);
    for (const alg of CLIENT_SIGNING_ALGS) expect(fresh).toContain(await signsVerifiably(store, alg));
    expect(await kids(store)).toEqual([...fresh, ...old]);
    expect((await store.lifecycle()).map((k) => [k.kid, k.status])).toEqual([
      [fresh[0], 'current'],
      [fresh[1], 'current'],
      [old[0], 'retiring'],
      [old[1], 'retiring'],
    ]);

    // A grace later the old keys are gone from the JWKS and their private halves erased.
    clock += GRACE;
    expect(await kids(store)).toEqual(fresh);
    const { rows } = await db.query<{ kid: string; status: string; private_jwk_enc: unknown }>(
      'select kid, status, private_jwk_enc from client_signing_key where kid = any($1) order by kid',
      [old],
    );
    expect(rows.map((r) => [r.status, r.private_jwk_enc])).toEqual([
      ['retired', null],
      ['retired', null],
    ]);
    expect((await store.lifecycle()).filter((k) => k.status === 'retired').map((k) => k.retiredAt)).toEqual([
      now(),
      now(),
    ]);
    // And the next rotation may start.
    expect((await store.rotate()).replaced.map((k) => k.kid)).toEqual(fresh);
  });

  it('is seen by every replica, which move keys along by the same clock without colliding', async () => {
    const a = storeOn();
    await a.seed(seed.keys);
    const b = storeOn(await db.another());
    const { added } = await a.rotate({ graceMs: 6 * HOUR });
    expect(await kids(b)).toEqual([kidOf('RS384'), kidOf('ES384'), ...added.map((k) => k.kid)]);
    clock += 6 * HOUR;
    const both = await Promise.all([signers(a), signers(b), a.publicJwks(), b.publicJwks()]);
    expect(both[0]).toEqual(added.map((k) => k.kid));
    expect(both[1]).toEqual(both[0]);
    expect(both[2]).toEqual(both[3]);
    const { rows } = await db.query<{ status: string; n: number | string }>(
      'select status, count(*) as n from client_signing_key group by status order by status',
    );
    expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([
      ['current', 2],
      ['retiring', 2],
    ]);
  });

  it('with no grace signs with the new key at once and drops the old one (a compromised key)', async () => {
    const store = storeOn();
    await store.seed(seed.keys);
    const { added } = await store.rotate({ graceMs: 0 });
    expect(await signers(store)).toEqual(added.map((k) => k.kid));
    expect(await kids(store)).toEqual(added.map((k) => k.kid));
  });

  it('refuses to rotate a table that was never seeded', async () => {
    const failure = await storeOn()
      .rotate()
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toContain('not seeded');
    await expect(storeOn().signingKey('ES384')).rejects.toThrow('not seeded');
  });
});
