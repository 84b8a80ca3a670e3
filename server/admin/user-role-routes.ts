/**
 * The admin API for app roles, mounted at `/admin/api` beside the EHR registrations and guarded
 * by the same admin token: who at an EHR is billing staff or an admin (everyone else is a
 * clinician).
 * - `GET    /ehr-registrations/:id/user-roles`: every user with roles at that EHR.
 * - `PUT    /ehr-registrations/:id/user-roles`: `{ fhirUser, roles, displayName? }`, creates or replaces.
 * - `DELETE /ehr-registrations/:id/user-roles?fhirUser=Practitioner/123`: back to the default.
 *
 * @module
 */
import { Router, type Request } from 'express';
import { AppError } from '../errors/app-error.ts';
import type { EhrRegistry } from '../registry/ehr-registration.ts';
import { fhirUserInput, parseUserRolesInput } from '../roles/user-role-input.ts';
import type { UserRoleStore } from '../roles/user-role-store.ts';
import { requireAdminToken } from './admin-auth.ts';

export interface UserRoleRoutesOptions {
  readonly registry: EhrRegistry;
  readonly roles: UserRoleStore;
  /** Undefined: every admin route answers 503 admin_disabled. */
  readonly adminApiToken: string | undefined;
}

const PATH = '/ehr-registrations/:id/user-roles';

/** What the change is recorded as made by: the admin token names no person. */
const ADMIN_ACTOR = 'admin-api';

export function userRoleRoutes({ registry, roles, adminApiToken }: UserRoleRoutesOptions): Router {
  const router = Router();
  const guard = requireAdminToken(adminApiToken);

  async function registrationOf(req: Request): Promise<string> {
    const found = await registry.get(String(req.params.id));
    if (!found) throw new AppError('not_found', 'There is no EHR registration with this id.');
    return found.id;
  }

  router.get(PATH, guard, async (req, res) => {
    res.json({ users: await roles.list(await registrationOf(req)) });
  });

  router.put(PATH, guard, async (req, res) => {
    const registrationId = await registrationOf(req);
    res.json(await roles.put(registrationId, parseUserRolesInput(req.body), ADMIN_ACTOR));
  });

  router.delete(PATH, guard, async (req, res) => {
    const registrationId = await registrationOf(req);
    const fhirUser = fhirUserInput.safeParse(req.query.fhirUser);
    if (!fhirUser.success) throw new AppError('bad_request', 'Name the user as ?fhirUser=Practitioner/123.');
    if (!(await roles.remove(registrationId, fhirUser.data)))
      throw new AppError('not_found', 'This user has no roles at this EHR (they are a clinician).');
    res.status(204).end();
  });

  return router;
}
