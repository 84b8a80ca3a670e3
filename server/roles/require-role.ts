/**
 * Routes for one app role: after `requireLaunchSession`, looks up the launch's user in
 * `app_user_role` and answers 403 `forbidden` (recorded in the audit trail) when they lack the
 * role. The user found is kept for the handler (`appUserOf`), e.g. for the name a decision carries.
 *
 * @module
 */
import type { RequestHandler, Response } from 'express';
import type { AuditLog } from '../audit/audit-log.ts';
import type { AppRole } from '../contract/launch-session.ts';
import { AppError } from '../errors/app-error.ts';
import { launchOf } from '../launch/session-auth.ts';
import { requestContextOf } from '../observability/request-context.ts';
import type { AppUser, UserRoleStore } from './user-role-store.ts';

const USER_LOCAL = 'appUser';

const REFUSALS: Readonly<Record<AppRole, string>> = {
  clinician: 'This is for clinicians. Ask your RevenuePilot administrator for the clinician role.',
  billing:
    'The billing review queue is for billing staff. Ask your RevenuePilot administrator for the billing role.',
  admin: 'This is for administrators. Ask your RevenuePilot administrator for the admin role.',
};

export interface RequireRoleDeps {
  readonly roles: UserRoleStore;
  readonly audit: AuditLog;
}

export function appUserOf(res: Response): AppUser {
  const user = res.locals[USER_LOCAL] as AppUser | undefined;
  if (!user) throw new Error('appUserOf() used outside requireRole');
  return user;
}

export function requireRole(deps: RequireRoleDeps, role: AppRole): RequestHandler {
  return async (req, res, next) => {
    const launch = launchOf(res);
    const user = await deps.roles.userOf(launch.registrationId, launch.fhirUser);
    if (!user.roles.includes(role)) {
      await deps.audit.record({
        requestId: requestContextOf(req)?.requestId ?? '',
        actor: launch.fhirUser,
        patientRef: null,
        action: 'api.role.denied',
        outcome: 'failure',
        detail: { role, registrationId: launch.registrationId },
      });
      throw new AppError('forbidden', REFUSALS[role]);
    }
    res.locals[USER_LOCAL] = user;
    next();
  };
}
