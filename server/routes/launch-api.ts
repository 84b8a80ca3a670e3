/**
 * The plugin's API for one launch (`/api/launches/:launchId/…`), behind `requireLaunchSession`:
 * - `GET session`: banner, style, EHR, which features the grant allows and the user's app roles
 *   (no PHI).
 * - `GET context`: the `ClinicalContext`: the read the callback started (first call), else read
 *   from the EHR now; every FHIR read and the call itself go to the audit trail.
 *
 * @module
 */
import { Router } from 'express';
import type { AuditEntry, AuditLog } from '../audit/audit-log.ts';
import type { LaunchSessionInfo } from '../contract/launch-session.ts';
import { featuresFor } from '../launch/features.ts';
import { contextReadError } from './context-read-error.ts';
import type { LaunchContextLoader } from '../launch/launch-context.ts';
import type { LaunchService } from '../launch/launch-service.ts';
import { launchOf, requireLaunchSession } from '../launch/session-auth.ts';
import { styleOrigins, type SmartStyleSource } from '../launch/smart-style.ts';
import { requestContextOf } from '../observability/request-context.ts';
import type { UserRoleStore } from '../roles/user-role-store.ts';

export interface LaunchApiDeps {
  readonly launches: LaunchService;
  readonly contexts: LaunchContextLoader;
  readonly styles: SmartStyleSource;
  readonly audit: AuditLog;
  readonly roles: UserRoleStore;
}

export function launchApiRoutes(deps: LaunchApiDeps): Router {
  const router = Router();
  const session = requireLaunchSession(deps.launches.store);

  router.get('/api/launches/:launchId/session', session, async (_req, res) => {
    const launch = launchOf(res);
    const [registration, user] = await Promise.all([
      deps.launches.registrationOf(launch.registrationId),
      deps.roles.userOf(launch.registrationId, launch.fhirUser),
    ]);
    const style = launch.smartStyleUrl
      ? await deps.styles.get(launch.smartStyleUrl, styleOrigins(registration))
      : undefined;
    const body: LaunchSessionInfo = {
      launchId: launch.id,
      launchType: launch.launchType,
      needPatientBanner: launch.needPatientBanner,
      ...(style ? { style } : {}),
      ehr: { name: registration.name, vendor: registration.vendor },
      features: featuresFor(launch.grantedScope ?? ''),
      roles: user.roles,
      expiresAt: launch.expiresAt.toISOString(),
    };
    res.json(body);
  });

  router.get('/api/launches/:launchId/context', session, async (req, res) => {
    const launch = launchOf(res);
    const requestId = requestContextOf(req)?.requestId ?? '';
    const prefetched = deps.contexts.take(launch.id);
    const audit = (outcome: AuditEntry['outcome']) =>
      deps.audit.record({
        requestId,
        actor: launch.fhirUser,
        patientRef: launch.patientId ? `Patient/${launch.patientId}` : null,
        action: 'api.context.read',
        outcome,
        detail: { prefetched: prefetched !== undefined },
      });
    let context;
    try {
      context = await (prefetched ?? deps.contexts.load(launch, requestId));
    } catch (err) {
      await audit('failure');
      // Only the patient read fails the whole context; its message is ours, without PHI.
      throw await contextReadError(err, () => deps.launches.store.end(launch.id));
    }
    // On record before the data leaves.
    await audit('success');
    res.json(context);
  });

  return router;
}
