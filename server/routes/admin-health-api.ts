/**
 * The admin health page's API for one launch: `GET /api/launches/:launchId/admin/health`, behind
 * `requireLaunchSession` and the admin app role (403 `forbidden`, audited, otherwise).
 *
 * @module
 */
import { Router } from 'express';
import type { AdminHealthService } from '../admin/health/admin-health-service.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { LaunchStore } from '../launch/launch-store.ts';
import { launchOf, requireLaunchSession } from '../launch/session-auth.ts';
import { requestContextOf } from '../observability/request-context.ts';
import { requireRole } from '../roles/require-role.ts';
import type { UserRoleStore } from '../roles/user-role-store.ts';

export interface AdminHealthApiDeps {
  readonly store: LaunchStore;
  readonly roles: UserRoleStore;
  readonly audit: AuditLog;
  readonly health: AdminHealthService;
}

export function adminHealthApiRoutes(deps: AdminHealthApiDeps): Router {
  const router = Router();
  const session = requireLaunchSession(deps.store);
  const admin = requireRole(deps, 'admin');

  router.get('/api/launches/:launchId/admin/health', session, admin, async (req, res) => {
    const launch = launchOf(res);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await deps.health.health({
        registrationId: launch.registrationId,
        actor: launch.fhirUser,
        requestId: requestContextOf(req)?.requestId ?? '',
      }),
    );
  });

  return router;
}
