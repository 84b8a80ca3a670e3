/**
 * The server's `ClientKeyStore`: signing keys kept in Postgres (`client_signing_key`), shared by
 * every server process, and rotated without a restart or a second manual step. A rotation adds a
 * `next` key per algorithm, published at once but signing only after a grace period (EHRs cache
 * our JWKS for hours, and reject a `kid` they have not seen); the old key then retires and stays
 * published for the same grace before it goes. Keys move along by time, checked whenever a key
 * signs or the JWKS is served. The table is seeded once per algorithm from CLIENT_JWKS.
 *
 * @module
 */
import type { JWK } from 'jose';
import type { SecretCipher } from '../crypto/secret-cipher.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../errors/app-error.ts';
import type { Logger } from '../observability/logger.ts';
import {
  generateSigningJwk,
  importSigningKey,
  publicPart,
  type ClientKeyStore,
  type ClientSigningKey,
} from './client-keys.ts';
import { CLIENT_SIGNING_ALGS, type ClientSigningAlg, type PrivateSigningJwk } from './private-jwks.ts';
import {
  allKeys,
  applyDueTransitions,
  hasDueTransition,
  insertKey,
  liveKeys,
  lockedKeyTable,
  scheduleRetirement,
  type KeyStatus,
  type SigningKeyRow,
} from './signing-key-table.ts';

export interface RotatingKeyStoreDeps {
  readonly db: Db;
  /** Seals the private keys at rest (the token encryption key ring). */
  readonly cipher: SecretCipher;
  /** KEY_ROTATION_GRACE_HOURS in ms: the default wait before a new key signs, and after an old one stops. */
  readonly graceMs: number;
  readonly now?: () => Date;
  readonly log?: Logger;
}

/** One key's place in the rotation, without any key material. */
export interface KeyLifecycleEntry {
  readonly kid: string;
  readonly alg: ClientSigningAlg;
  readonly status: KeyStatus;
  readonly createdAt: Date;
  readonly signAfter: Date;
  readonly retireAfter: Date | null;
  readonly retiredAt: Date | null;
}

export interface RotationPlan {
  /** The new keys: published now, signing from `signAfter`. */
  readonly added: readonly { kid: string; alg: ClientSigningAlg; signAfter: Date }[];
  /** The keys they replace: signing until then, published until `retireAfter`. */
  readonly replaced: readonly { kid: string; alg: ClientSigningAlg; retireAfter: Date }[];
}

export interface RotatingKeyStore extends ClientKeyStore {
  /**
   * Puts `keys` (CLIENT_JWKS) in the table for each algorithm it has no key of yet: the first of
   * an algorithm as current, any others as retiring. Returns the kids inserted and the kids of
   * `keys` the table does not publish (CLIENT_JWKS edited after seeding: it no longer applies).
   */
  seed(keys: readonly ClientSigningKey[]): Promise<{ inserted: string[]; unused: string[] }>;
  /** Adds a next key per algorithm; refused (`conflict`) while an earlier rotation still waits. */
  rotate(options?: { graceMs?: number }): Promise<RotationPlan>;
  /** Every key, retired ones included, after moving keys along. */
  lifecycle(): Promise<KeyLifecycleEntry[]>;
}

const aadOf = (kid: string): string => `client_signing_key:${kid}`;

export function createRotatingKeyStore(deps: RotatingKeyStoreDeps): RotatingKeyStore {
  const { db, cipher, log } = deps;
  const now = deps.now ?? (() => new Date());
  const imported = new Map<string, Promise<ClientSigningKey>>();

  /** The published keys at `now`, after moving along any key whose time has come. */
  async function live(): Promise<SigningKeyRow[]> {
    const at = now();
    const rows = await liveKeys(db);
    if (!hasDueTransition(rows, at)) return rows;
    const applied = await lockedKeyTable(db, (tx) => applyDueTransitions(tx, at));
    if (applied.promoted + applied.retired > 0) log?.info('client signing keys moved along', { ...applied });
    return liveKeys(db);
  }

  function importRow(row: SigningKeyRow): Promise<ClientSigningKey> {
    let key = imported.get(row.kid);
    if (!key) {
      key = (async () => {
        if (!row.privateJwkEnc) throw new Error(`Client signing key ${row.kid} has no private key.`);
        const jwk = JSON.parse(cipher.decrypt(row.privateJwkEnc, aadOf(row.kid))) as PrivateSigningJwk;
        return importSigningKey(jwk, `client signing key ${JSON.stringify(row.kid)}`, (p) => new Error(p));
      })();
      // A failure (e.g. a missing encryption key) is not remembered: the next signature retries.
      key.catch(() => imported.delete(row.kid));
      imported.set(row.kid, key);
    }
    return key;
  }

  const sealed = (jwk: PrivateSigningJwk): Buffer => cipher.encrypt(JSON.stringify(jwk), aadOf(jwk.kid));

  return {
    async signingKey(alg) {
      const row = (await live()).find((r) => r.alg === alg && r.status === 'current');
      if (!row) throw new Error(`No current ${alg} client signing key: the key table is not seeded.`);
      return importRow(row);
    },

    async publicJwks() {
      return { keys: (await live()).map((r): JWK => ({ ...r.publicJwk })) };
    },

    async seed(keys) {
      const at = now();
      const inserted = await lockedKeyTable(db, async (tx) => {
        const { rows } = await tx.query<{ alg: string }>('select distinct alg from client_signing_key');
        const seeded = new Set(rows.map((r) => r.alg));
        const kids: string[] = [];
        for (const alg of CLIENT_SIGNING_ALGS) {
          if (seeded.has(alg)) continue;
          for (const [index, key] of keys.filter((k) => k.alg === alg).entries()) {
            const jwk = key.privateJwk as PrivateSigningJwk;
            await insertKey(tx, {
              kid: key.kid,
              alg,
              status: index === 0 ? 'current' : 'retiring',
              publicJwk: publicPart(jwk),
              privateJwkEnc: sealed(jwk),
              createdAt: at,
              signAfter: at,
              retireAfter: index === 0 ? null : new Date(at.getTime() + deps.graceMs),
            });
            kids.push(key.kid);
          }
        }
        return kids;
      });
      const published = new Set((await live()).map((r) => r.kid));
      const unused = keys.map((k) => k.kid).filter((kid) => !published.has(kid));
      if (inserted.length > 0) log?.info('client signing keys seeded from CLIENT_JWKS', { kids: inserted });
      if (unused.length > 0) {
        log?.warn('CLIENT_JWKS has keys the key table does not publish; rotate with npm run keys:rotate', {
          kids: unused,
        });
      }
      return { inserted, unused };
    },

    async rotate(options = {}) {
      const graceMs = options.graceMs ?? deps.graceMs;
      // Key generation (RSA especially) is slow: done before the table is locked.
      const fresh = await Promise.all(CLIENT_SIGNING_ALGS.map(generateSigningJwk));
      const at = now();
      const signAfter = new Date(at.getTime() + graceMs);
      const retireAfter = new Date(signAfter.getTime() + graceMs);
      const plan = await lockedKeyTable(db, async (tx) => {
        await applyDueTransitions(tx, at);
        const rows = await liveKeys(tx);
        const waiting = rows.find((r) => r.status === 'next');
        if (waiting) {
          throw new AppError(
            'conflict',
            `A rotation is under way: key ${waiting.kid} (${waiting.alg}) starts signing at ` +
              `${waiting.signAfter.toISOString()}. Rotate again after that.`,
          );
        }
        const replaced: RotationPlan['replaced'][number][] = [];
        for (const jwk of fresh) {
          const old = rows.find((r) => r.alg === jwk.alg && r.status === 'current');
          if (!old) {
            throw new AppError(
              'conflict',
              `There is no current ${jwk.alg} key to rotate: the key table is not seeded.`,
            );
          }
          await scheduleRetirement(tx, jwk.alg, retireAfter);
          await insertKey(tx, {
            kid: jwk.kid,
            alg: jwk.alg,
            status: 'next',
            publicJwk: publicPart(jwk),
            privateJwkEnc: sealed(jwk),
            createdAt: at,
            signAfter,
            retireAfter: null,
          });
          replaced.push({ kid: old.kid, alg: old.alg, retireAfter });
        }
        return { added: fresh.map((k) => ({ kid: k.kid, alg: k.alg, signAfter })), replaced };
      });
      log?.info('client signing key rotation started', {
        kids: plan.added.map((k) => k.kid),
        signAfter: signAfter.toISOString(),
        retireAfter: retireAfter.toISOString(),
      });
      return plan;
    },

    async lifecycle() {
      await live();
      return (await allKeys(db)).map(
        ({ kid, alg, status, createdAt, signAfter, retireAfter, retiredAt }) => ({
          kid,
          alg,
          status,
          createdAt,
          signAfter,
          retireAfter,
          retiredAt,
        }),
      );
    },
  };
}
