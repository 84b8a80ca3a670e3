/**
 * The billing review API for one launch, behind `requireLaunchSession`:
 * - billing role only (403 `forbidden` otherwise), over the caller's own EHR registration:
 *   `GET review/queue?provider&payerType&from&to&status`, `GET review/encounters/:reviewId`
 *   (the note, the suggestions and the decisions) and `POST review/encounters/:reviewId/decisions`
 *   (accept, change or reject one suggested code);
 * - any user of the launch: `GET codes/decisions`, billing's decisions on this launch's encounter.
 *
 * @module
 */
import { Router, type Request, type Response } from 'express';
import type { AuditLog } from '../audit/audit-log.ts';
import type { BillingReviewService, ReviewCaller } from '../coding/review/billing-review-service.ts';
import { parseDecideCodeRequest } from '../coding/review/decision-request.ts';
import { parseQueueFilters } from '../coding/review/review-queue-filters.ts';
import { AppError } from '../errors/app-error.ts';
import type { LaunchStore } from '../launch/launch-store.ts';
import { launchOf, requireLaunchSession } from '../launch/session-auth.ts';
import { requestContextOf } from '../observability/request-context.ts';
import { appUserOf, requireRole } from '../roles/require-role.ts';
import type { UserRoleStore } from '../roles/user-role-store.ts';

export interface ReviewApiDeps {
  readonly store: LaunchStore;
  readonly roles: UserRoleStore;
  readonly audit: AuditLog;
  readonly review: BillingReviewService;
}

function reviewerOf(req: Request, res: Response): ReviewCaller {
  const launch = launchOf(res);
  // A billing role is only ever found for a named user, so this holds behind requireRole.
  if (!launch.fhirUser) throw new AppError('forbidden', 'The EHR did not say who is signed in.');
  return {
    registrationId: launch.registrationId,
    actor: launch.fhirUser,
    actorName: appUserOf(res).displayName,
    requestId: requestContextOf(req)?.requestId ?? '',
  };
}

export function reviewApiRoutes(deps: ReviewApiDeps): Router {
  const router = Router();
  const session = requireLaunchSession(deps.store);
  const billing = requireRole(deps, 'billing');
  const base = '/api/launches/:launchId';

  router.get(`${base}/review/queue`, session, billing, async (req, res) => {
    res.json(await deps.review.queue(reviewerOf(req, res), parseQueueFilters(req.query)));
  });

  router.get(`${base}/review/encounters/:reviewId`, session, billing, async (req, res) => {
    res.json(await deps.review.detail(reviewerOf(req, res), String(req.params.reviewId)));
  });

  router.post(`${base}/review/encounters/:reviewId/decisions`, session, billing, async (req, res) => {
    const decision = parseDecideCodeRequest(req.body);
    const saved = await deps.review.decide(reviewerOf(req, res), String(req.params.reviewId), decision);
    res.status(201).json(saved);
  });

  router.get(`${base}/codes/decisions`, session, async (req, res) => {
    const launch = launchOf(res);
    if (!launch.patientId)
      throw new AppError('bad_request', 'This launch has no patient, so there is no encounter to show.');
    res.json(
      await deps.review.encounterDecisions({
        key: {
          registrationId: launch.registrationId,
          patientId: launch.patientId,
          encounterId: launch.encounterId ?? '',
        },
        actor: launch.fhirUser,
        requestId: requestContextOf(req)?.requestId ?? '',
      }),
    );
  });

  return router;
}
