/**
 * The plugin's API for one launch (`/api/launches/:launchId/…`), behind `requireLaunchSession`:
 * - `GET session`: banner, style, EHR and which features the grant allows (no PHI).
 * - `GET context`: the `ClinicalContext`, read from the EHR now; every FHIR read and the call
 *   itself go to the audit trail, in one statement.
 *
 * @module
 */
import { Router } from 'express';
import type { AuditEntry, AuditLog } from '../audit/audit-log.ts';
import { FhirReadError } from '../context/fhir-reader.ts';
import { loadClinicalContext } from '../context/load-clinical-context.ts';
import type { LaunchSessionInfo } from '../contract/launch-session.ts';
import { AppError } from '../errors/app-error.ts';
import { featuresFor } from '../launch/features.ts';
import { sessionExpired } from '../launch/launch-errors.ts';
import { launchFhirReader } from '../launch/launch-fhir-reader.ts';
import type { LaunchService } from '../launch/launch-service.ts';
import type { LaunchTokensFactory } from '../launch/launch-tokens.ts';
import { launchOf, requireLaunchSession } from '../launch/session-auth.ts';
import type { SmartStyleSource } from '../launch/smart-style.ts';
import type { Logger } from '../observability/logger.ts';
import { requestContextOf } from '../observability/request-context.ts';

export interface LaunchApiDeps {
  readonly launches: LaunchService;
  readonly tokens: LaunchTokensFactory;
  readonly styles: SmartStyleSource;
  readonly audit: AuditLog;
  readonly log: Logger;
}

export function launchApiRoutes(deps: LaunchApiDeps): Router {
  const router = Router();
  const session = requireLaunchSession(deps.launches.store);

  router.get('/api/launches/:launchId/session', session, async (_req, res) => {
    const launch = launchOf(res);
    const registration = await deps.launches.registrationOf(launch.registrationId);
    const styleOrigins = [new URL(registration.issuer).origin, ...registration.frameOrigins];
    const style = launch.smartStyleUrl
      ? await deps.styles.get(launch.smartStyleUrl, styleOrigins)
      : undefined;
    const body: LaunchSessionInfo = {
      launchId: launch.id,
      launchType: launch.launchType,
      needPatientBanner: launch.needPatientBanner,
      ...(style ? { style } : {}),
      ehr: { name: registration.name, vendor: registration.vendor },
      features: featuresFor(launch.grantedScope ?? ''),
      expiresAt: launch.expiresAt.toISOString(),
    };
    res.json(body);
  });

  router.get('/api/launches/:launchId/context', session, async (req, res) => {
    const launch = launchOf(res);
    const requestId = requestContextOf(req)?.requestId ?? '';
    const trail: AuditEntry[] = [];
    const storage = deps.launches.storage(launch.id);
    const reader = launchFhirReader({
      launch,
      storage,
      tokens: deps.tokens(launch, storage),
      requestId,
      audit: trail,
    });
    let outcome: AuditEntry['outcome'] = 'failure';
    try {
      if (!launch.patientId) throw new AppError('session_unknown', 'This launch has no patient.');
      const context = await loadClinicalContext(
        reader,
        {
          patientId: launch.patientId,
          ...(launch.encounterId ? { encounterId: launch.encounterId } : {}),
          ...(launch.fhirUser ? { fhirUser: launch.fhirUser } : {}),
        },
        {
          // Which panel failed and how, in codes: never the error's message (it can quote the EHR).
          onPanelFailure: (panel, err) =>
            deps.log.warn('context panel unavailable', {
              requestId,
              panel,
              failure: err instanceof FhirReadError ? err.failure : 'error',
              status: err instanceof FhirReadError ? (err.status ?? null) : null,
            }),
        },
      );
      outcome = 'success';
      res.json(context);
    } catch (err) {
      if (err instanceof FhirReadError) {
        if (err.failure === 'session_expired') {
          await deps.launches.store.end(launch.id);
          throw sessionExpired();
        }
        // Only the patient read fails the whole context; its message is ours, without PHI.
        throw new AppError(
          'ehr_unavailable',
          `The patient's record could not be read from the EHR. Try again.`,
        );
      }
      throw err;
    } finally {
      trail.push({
        requestId,
        actor: launch.fhirUser,
        patientRef: launch.patientId ? `Patient/${launch.patientId}` : null,
        action: 'api.context.read',
        outcome,
      });
      await deps.audit.recordMany(trail);
    }
  });

  return router;
}
