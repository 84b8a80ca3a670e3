/**
 * App roles per EHR user (`app_user_role`, migration 0011): who at an EHR is billing staff or an
 * admin, and the name their review decisions carry. A user without a row is a clinician: the EHR
 * already decided they may open this chart, and the clinician's steps show only that chart, read
 * with the EHR's own token. Roles that show more (the billing queue lists many patients'
 * encounters from our database) must be given explicitly.
 *
 * @module
 */
import type { AppRole } from '../contract/launch-session.ts';
import type { Queryable } from '../db/db.ts';
import { userKey } from './user-key.ts';

export const APP_ROLES: readonly AppRole[] = ['clinician', 'billing', 'admin'];

/** What a user without a row may do. */
export const DEFAULT_ROLES: readonly AppRole[] = ['clinician'];

export interface UserRoleAssignment {
  readonly registrationId: string;
  /** Relative form: `Practitioner/123`. */
  readonly fhirUser: string;
  readonly displayName: string;
  readonly roles: readonly AppRole[];
  readonly updatedBy: string | null;
  readonly updatedAt: string;
}

export interface UserRolesToSave {
  readonly fhirUser: string;
  readonly roles: readonly AppRole[];
  readonly displayName?: string;
}

/** A launch's user as the app sees them. */
export interface AppUser {
  readonly roles: readonly AppRole[];
  readonly displayName: string;
}

export interface UserRoleStore {
  list(registrationId: string): Promise<UserRoleAssignment[]>;
  get(registrationId: string, fhirUser: string): Promise<UserRoleAssignment | null>;
  /** Creates or replaces the user's roles (and name, when given). */
  put(registrationId: string, entry: UserRolesToSave, actor: string | null): Promise<UserRoleAssignment>;
  /** False when the user had no row. */
  remove(registrationId: string, fhirUser: string): Promise<boolean>;
  /** The stored roles, or `DEFAULT_ROLES` for an unknown user or a launch without a user. */
  userOf(registrationId: string, fhirUser: string | null): Promise<AppUser>;
}

interface Row {
  registration_id: string;
  fhir_user: string;
  display_name: string;
  roles: AppRole[];
  updated_by: string | null;
  updated_at: Date;
}

const COLUMNS = 'registration_id, fhir_user, display_name, roles, updated_by, updated_at';

/** Roles in one order (clinician, billing, admin), each once. */
export function orderedRoles(roles: readonly AppRole[]): AppRole[] {
  return APP_ROLES.filter((role) => roles.includes(role));
}

function toAssignment(row: Row): UserRoleAssignment {
  return {
    registrationId: row.registration_id,
    fhirUser: row.fhir_user,
    displayName: row.display_name,
    roles: orderedRoles(row.roles),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function createUserRoleStore(db: Queryable): UserRoleStore {
  const get = async (registrationId: string, fhirUser: string) => {
    const { rows } = await db.query<Row>(
      `select ${COLUMNS} from app_user_role where registration_id = $1 and fhir_user = $2`,
      [registrationId, userKey(fhirUser)],
    );
    return rows[0] ? toAssignment(rows[0]) : null;
  };
  return {
    async list(registrationId) {
      const { rows } = await db.query<Row>(
        `select ${COLUMNS} from app_user_role where registration_id = $1 order by fhir_user`,
        [registrationId],
      );
      return rows.map(toAssignment);
    },

    get,

    async put(registrationId, entry, actor) {
      const { rows } = await db.query<Row>(
        `insert into app_user_role (registration_id, fhir_user, display_name, roles, updated_by)
         values ($1, $2, coalesce($3, ''), $4::text[], $5)
         on conflict (registration_id, fhir_user) do update set
           display_name = coalesce($3, app_user_role.display_name), roles = excluded.roles,
           updated_by = excluded.updated_by, updated_at = now()
         returning ${COLUMNS}`,
        [
          registrationId,
          userKey(entry.fhirUser),
          entry.displayName ?? null,
          orderedRoles(entry.roles),
          actor,
        ],
      );
      return toAssignment(rows[0]!);
    },

    async remove(registrationId, fhirUser) {
      const { rowCount } = await db.query(
        'delete from app_user_role where registration_id = $1 and fhir_user = $2',
        [registrationId, userKey(fhirUser)],
      );
      return rowCount > 0;
    },

    async userOf(registrationId, fhirUser) {
      const found = fhirUser ? await get(registrationId, fhirUser) : null;
      return found
        ? { roles: found.roles, displayName: found.displayName }
        : { roles: DEFAULT_ROLES, displayName: '' };
    },
  };
}
