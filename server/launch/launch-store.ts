/**
 * The `launch_session` table: where a launch is while it authorizes, who it is for once active,
 * and the hashes that prove a caller is the browser that started it. Secrets (state, cookie,
 * session token) are stored only as SHA-256 hashes.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
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

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
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
    expiresAt: Date;
  }): Promise<void>;
  get(id: string): Promise<LaunchRecord | undefined>;
  setStateHash(id: string, stateHash: Buffer): Promise<void>;
  /** Records the browser binding once; false when the launch was already bound (a replayed step). */
  bindBrowser(id: string, binding: Buffer | null): Promise<boolean>;
  /**
   * Claims the authorizing launch that owns this state, exactly once: the state is cleared in the
   * same statement, so a replayed callback finds nothing.
   */
  claimByState(stateHash: Buffer, now: Date): Promise<LaunchRecord | undefined>;
  activate(id: string, authorized: AuthorizedLaunch): Promise<void>;
  end(id: string): Promise<void>;
}

const COLUMNS = `id, registration_id, launch_type, status, browser_binding, bound_at, session_token_hash,
  patient_id, encounter_id, fhir_user, granted_scope, need_patient_banner, smart_style_url, expires_at`;

export function createLaunchStore(db: Queryable): LaunchStore {
  return {
    async create(input) {
      await db.query(
        `insert into launch_session (id, registration_id, launch_type, status, expires_at)
         values ($1, $2, $3, 'authorizing', $4)`,
        [input.id, input.registrationId, input.launchType, input.expiresAt],
      );
    },
    async get(id) {
      const { rows } = await db.query<LaunchRow>(`select ${COLUMNS} from launch_session where id = $1`, [id]);
      return rows[0] ? fromRow(rows[0]) : undefined;
    },
    async setStateHash(id, stateHash) {
      await db.query('update launch_session set state_hash = $2 where id = $1', [id, stateHash]);
    },
    async bindBrowser(id, binding) {
      const { rowCount } = await db.query(
        `update launch_session set browser_binding = $2, bound_at = now()
         where id = $1 and status = 'authorizing' and bound_at is null`,
        [id, binding],
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
           need_patient_banner = $7, smart_style_url = $8, expires_at = $9
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
        ],
      );
    },
    async end(id) {
      await db.query(`update launch_session set status = 'ended' where id = $1`, [id]);
    },
  };
}
