/**
 * The `client_signing_key` table: each signing key's lifecycle (next, current, retiring,
 * retired), its public JWK and its sealed private JWK. Every change runs in a transaction that
 * first takes one advisory lock, so server processes moving keys along at the same moment, and
 * `keys:rotate`, never interleave. Times always come from the caller's clock, never `now()`.
 *
 * @module
 */
import type { JWK } from 'jose';
import type { Db, Queryable } from '../db/db.ts';
import type { ClientSigningAlg } from './private-jwks.ts';

export const KEY_STATUSES = ['next', 'current', 'retiring', 'retired'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export interface SigningKeyRow {
  readonly kid: string;
  readonly alg: ClientSigningAlg;
  readonly status: KeyStatus;
  readonly publicJwk: JWK;
  /** Null once retired. */
  readonly privateJwkEnc: Buffer | null;
  readonly createdAt: Date;
  readonly signAfter: Date;
  readonly retireAfter: Date | null;
  readonly retiredAt: Date | null;
}

export type NewSigningKeyRow = Omit<SigningKeyRow, 'privateJwkEnc' | 'retiredAt'> & {
  readonly privateJwkEnc: Buffer;
};

interface RawRow {
  kid: string;
  alg: ClientSigningAlg;
  status: KeyStatus;
  public_jwk: JWK | string;
  private_jwk_enc: Buffer | Uint8Array | null;
  created_at: Date | string;
  sign_after: Date | string;
  retire_after: Date | string | null;
  retired_at: Date | string | null;
}

/** Arbitrary but fixed, and distinct from the migration lock: "RPKEY". */
const KEY_TABLE_LOCK = 0x52_50_4b_45_59;

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const asOptionalDate = (value: Date | string | null): Date | null => (value === null ? null : asDate(value));

function fromRow(row: RawRow): SigningKeyRow {
  return {
    kid: row.kid,
    alg: row.alg,
    status: row.status,
    publicJwk: typeof row.public_jwk === 'string' ? (JSON.parse(row.public_jwk) as JWK) : row.public_jwk,
    privateJwkEnc: row.private_jwk_enc === null ? null : Buffer.from(row.private_jwk_enc),
    createdAt: asDate(row.created_at),
    signAfter: asDate(row.sign_after),
    retireAfter: asOptionalDate(row.retire_after),
    retiredAt: asOptionalDate(row.retired_at),
  };
}

const COLUMNS =
  'kid, alg, status, public_jwk, private_jwk_enc, created_at, sign_after, retire_after, retired_at';
/** current, next, retiring, retired; RS384 before ES384; oldest first. */
const ORDER = `order by array_position(array['current', 'next', 'retiring', 'retired'], status),
  array_position(array['RS384', 'ES384'], alg), created_at, kid`;

/** Keys still published (every status but retired), in JWKS order. */
export async function liveKeys(q: Queryable): Promise<SigningKeyRow[]> {
  const { rows } = await q.query<RawRow>(
    `select ${COLUMNS} from client_signing_key where status <> 'retired' ${ORDER}`,
  );
  return rows.map(fromRow);
}

/** Every key, retired ones included (for `--status`). */
export async function allKeys(q: Queryable): Promise<SigningKeyRow[]> {
  const { rows } = await q.query<RawRow>(`select ${COLUMNS} from client_signing_key ${ORDER}`);
  return rows.map(fromRow);
}

/** Runs `fn` in a transaction holding the key table's advisory lock. */
export function lockedKeyTable<R>(db: Db, fn: (tx: Queryable) => Promise<R>): Promise<R> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${KEY_TABLE_LOCK})`);
    return fn(tx);
  });
}

export async function insertKey(tx: Queryable, row: NewSigningKeyRow): Promise<void> {
  await tx.query(
    `insert into client_signing_key (kid, alg, status, public_jwk, private_jwk_enc, created_at, sign_after, retire_after)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)`,
    [
      row.kid,
      row.alg,
      row.status,
      JSON.stringify(row.publicJwk),
      row.privateJwkEnc,
      row.createdAt,
      row.signAfter,
      row.retireAfter,
    ],
  );
}

/** Schedules the current key of `alg` to stop being published at `at` (once it is retiring). */
export async function scheduleRetirement(tx: Queryable, alg: ClientSigningAlg, at: Date): Promise<void> {
  await tx.query(`update client_signing_key set retire_after = $2 where alg = $1 and status = 'current'`, [
    alg,
    at,
  ]);
}

/** Whether a key is due to move along at `now`: a next key may sign, or a retiring key may go. */
export function hasDueTransition(rows: readonly SigningKeyRow[], now: Date): boolean {
  return rows.some(
    (r) =>
      (r.status === 'next' && r.signAfter <= now) ||
      (r.status === 'retiring' && r.retireAfter !== null && r.retireAfter <= now),
  );
}

export interface AppliedTransitions {
  readonly promoted: number;
  readonly retired: number;
}

/**
 * Moves keys along at `now`, under the table lock: a next key whose `sign_after` has come becomes
 * current and the current key of its algorithm retiring; a retiring key whose `retire_after` has
 * come is retired and its private key erased. Running it twice changes nothing the second time.
 */
export async function applyDueTransitions(tx: Queryable, now: Date): Promise<AppliedTransitions> {
  // `keys:rotate` set the outgoing key's `retire_after` already; one without it (a row added
  // by hand) is dropped from the JWKS at once.
  await tx.query(
    `update client_signing_key old set status = 'retiring', retire_after = coalesce(old.retire_after, $1)
     where old.status = 'current' and exists (
       select 1 from client_signing_key n where n.alg = old.alg and n.status = 'next' and n.sign_after <= $1)`,
    [now],
  );
  const promoted = await tx.query(
    `update client_signing_key set status = 'current' where status = 'next' and sign_after <= $1`,
    [now],
  );
  const retired = await tx.query(
    `update client_signing_key set status = 'retired', private_jwk_enc = null, retired_at = $1
     where status = 'retiring' and retire_after <= $1`,
    [now],
  );
  return { promoted: promoted.rowCount, retired: retired.rowCount };
}
