/**
 * The `launch_session` table: where a launch is while it authorizes, who it is for once active,
 * and the hashes that prove a caller is the browser that started it. Secrets (state, cookie,
 * session token) are stored only as SHA-256 hashes.
 *
 * @module
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db.ts';

export type LaunchType = 'ehr' | 'standalone';

export interface LaunchRecord {
  readonly id: string;
  readonly registrationId: string;
  readonly launchType: LaunchType;
  readonly status: 'authorizing' | 'active' | 'ended';
  readonly browserBinding: Buffer | null;
  readonly boundAt: Date | null;
  readonly sessionTokenHash: Buffer | null;
  readonly sessionCookieHash: Buffer | null;
  readonly patientId: string | null;
  readonly encounterId: string | null;
  readonly fhirUser: string | null;
  readonly grantedScope: string | null;
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl: string | null;
  readonly expiresAt: Date;
}

interface LaunchRow {
  id: string;
  registration_id: string;
  launch_type: LaunchType;
  status: LaunchRecord['status'];
  browser_binding: Buffer | Uint8Array | null;
  bound_at: Date | string | null;
  session_token_hash: Buffer | Uint8Array | null;
  session_cookie_hash: Buffer | Uint8Array | null;
  patient_id: string | null;
  encounter_id: string | null;
  fhir_user: string | null;
  granted_scope: string | null;
  need_patient_banner: boolean;
  smart_style_url: string | null;
  expires_at: Date | string;
}

/** A fresh 128-bit (or longer) random value, base64url: launch ids, state, cookies, tokens. */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** Launch ids are 16 random bytes, base64url: 22 characters. */
export function isLaunchId(value: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(value);
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison of two SHA-256 digests. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const asBuffer = (value: Buffer | Uint8Array | null): Buffer | null =>
  value === null ? null : Buffer.from(value);
const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function fromRow(row: LaunchRow): LaunchRecord {
  return {
    id: row.id,
    registrationId: row.registration_id,
    launchType: row.launch_type,
    status: row.status,
    browserBinding: asBuffer(row.browser_binding),
    boundAt: row.bound_at === null ? null : asDate(row.bound_at),
    sessionTokenHash: asBuffer(row.session_token_hash),
    sessionCookieHash: asBuffer(row.session_cookie_hash),
    patientId: row.patient_id,
    encounterId: row.encounter_id,
    fhirUser: row.fhir_user,
    grantedScope: row.granted_scope,
    needPatientBanner: row.need_patient_banner,
    smartStyleUrl: row.smart_style_url,
    expiresAt: asDate(row.expires_at),
  };
}

export interface AuthorizedLaunch {
  readonly sessionTokenHash: Buffer;
  readonly sessionCookieHash: Buffer | null;
  readonly patientId: string;
  readonly encounterId: string | null;
  readonly fhirUser: string | null;
  readonly grantedScope: string;
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl: string | null;
  readonly expiresAt: Date;
}

export interface LaunchStore {
  create(input: {
    id: string;
    registrationId: string;
    launchType: LaunchType;
    /** Hash of the binding cookie set with the launch. */
    browserBinding: Buffer;
    expiresAt: Date;
  }): Promise<void>;
  get(id: string): Promise<LaunchRecord | undefined>;
  setStateHash(id: string, stateHash: Buffer): Promise<void>;
  /**
   * Settles the browser binding once, at the hop after /launch: kept when the browser sent the
   * binding cookie back, dropped when it sends no cookies. False when already settled (a replay).
   */
  settleBinding(id: string, cookieSent: boolean): Promise<boolean>;
  /**
   * Claims the authorizing launch that owns this state, exactly once: the state is cleared in the
   * same statement, so a replayed callback finds nothing.
   */
  claimByState(stateHash: Buffer, now: Date): Promise<LaunchRecord | undefined>;
  activate(id: string, authorized: AuthorizedLaunch): Promise<void>;
  end(id: string): Promise<void>;
  /** Deletes launches (and, by cascade, their sealed tokens) that expired before `before`; returns how many. */
  purgeExpired(before: Date, limit?: number): Promise<number>;
}

const COLUMNS = `id, registration_id, launch_type, status, browser_binding, bound_at, session_token_hash, session_cookie_hash,
  patient_id, encounter_id, fhir_user, granted_scope, need_patient_banner, smart_style_url, expires_at`;

export function createLaunchStore(db: Queryable): LaunchStore {
  return {
    async create(input) {
      await db.query(
        `insert into launch_session (id, registration_id, launch_type, status, browser_binding, expires_at)
         values ($1, $2, $3, 'authorizing', $4, $5)`,
        [input.id, input.registrationId, input.launchType, input.browserBinding, input.expiresAt],
      );
    },
    async get(id) {
      const { rows } = await db.query<LaunchRow>(`select ${COLUMNS} from launch_session where id = $1`, [id]);
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
    async setStateHash(id, stateHash) {
      await db.query('update launch_session set state_hash = $2 where id = $1', [id, stateHash]);
    },
    async settleBinding(id, cookieSent) {
      const { rowCount } = await db.query(
        `update launch_session set browser_binding = case when $2 then browser_binding end, bound_at = now()
         where id = $1 and status = 'authorizing' and bound_at is null`,
        [id, cookieSent],
      );
      return rowCount === 1;
    },
    async claimByState(stateHash, now) {
      const { rows } = await db.query<LaunchRow>(
        `update launch_session set state_hash = null
         where state_hash = $1 and status = 'authorizing' and bound_at is not null and expires_at > $2
         returning ${COLUMNS}`,
        [stateHash, now],
      );
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
    async activate(id, a) {
      await db.query(
        `update launch_session set status = 'active', authorized_at = now(), session_token_hash = $2,
           patient_id = $3, encounter_id = $4, fhir_user = $5, granted_scope = $6,
           need_patient_banner = $7, smart_style_url = $8, expires_at = $9, session_cookie_hash = $10
         where id = $1`,
        [
          id,
          a.sessionTokenHash,
          a.patientId,
          a.encounterId,
          a.fhirUser,
          a.grantedScope,
          a.needPatientBanner,
          a.smartStyleUrl,
          a.expiresAt,
          a.sessionCookieHash,
        ],
      );
    },
    async end(id) {
      await db.query(`update launch_session set status = 'ended' where id = $1`, [id]);
    },
    async purgeExpired(before, limit = 500) {
      const { rowCount } = await db.query(
        `delete from launch_session where id in (
           select id from launch_session where expires_at < $1 order by expires_at limit $2)`,
        [before, limit],
      );
      return rowCount;
    },
  };
}
