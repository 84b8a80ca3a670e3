/**
 * Who is asking, about which encounter: the launch's EHR registration, patient and encounter (''
 * for a launch without one), the EHR user, and the request id for the audit trail. Shared by the
 * per-encounter APIs (drafting, codes).
 *
 * @module
 */
import type { Request, Response } from 'express';
import type { DraftCaller } from '../drafting/drafting-service.ts';
import { AppError } from '../errors/app-error.ts';
import { launchOf } from '../launch/session-auth.ts';
import { requestContextOf } from '../observability/request-context.ts';

export function encounterCallerOf(req: Request, res: Response): DraftCaller {
  const launch = launchOf(res);
  if (!launch.patientId) {
    throw new AppError('bad_request', 'This launch has no patient, so there is no visit to work on.');
  }
  return {
    key: {
      registrationId: launch.registrationId,
      patientId: launch.patientId,
      encounterId: launch.encounterId ?? '',
    },
    actor: launch.fhirUser,
    requestId: requestContextOf(req)?.requestId ?? '',
  };
}
