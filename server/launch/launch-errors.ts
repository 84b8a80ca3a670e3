/**
 * What a person sees when a launch cannot go on. Messages say what happened and what to do, and
 * never carry a token, a patient detail or the EHR's response body.
 *
 * @module
 */
import * as oidc from 'openid-client';
import { DiscoveryError } from '../../launch/discovery.ts';
import { AppError } from '../errors/app-error.ts';

export const RELAUNCH = 'Relaunch RevenuePilot from the patient’s chart in the EHR.';

export const notRegistered = (): AppError =>
  new AppError(
    'ehr_not_registered',
    'This EHR is not registered with RevenuePilot, so the app cannot open from it. Ask your health system’s IT team to register it.',
  );

export const launchExpired = (): AppError =>
  new AppError(
    'launch_invalid',
    `This sign-in is no longer valid: it was already used or took too long. ${RELAUNCH}`,
  );

export const notBound = (): AppError =>
  new AppError(
    'launch_not_bound',
    `This sign-in was started in a different browser, so RevenuePilot will not finish it. ${RELAUNCH}`,
  );

export const sessionExpired = (): AppError =>
  new AppError('session_expired', `Your session with the EHR has ended. ${RELAUNCH}`);

export const sessionUnknown = (): AppError =>
  new AppError('session_unknown', `This RevenuePilot session is not open in this browser. ${RELAUNCH}`);

export function ehrUnavailable(cause: unknown): AppError {
  return new AppError(
    'ehr_unavailable',
    'The EHR did not answer RevenuePilot’s sign-in request. Try again in a moment; if it keeps happening, tell your IT team.',
    { cause },
  );
}

/** OAuth error codes are short ASCII words; anything else is not repeated to the user. */
function safeOAuthCode(code: string | null | undefined): string {
  return code && /^[a-z_]{1,64}$/.test(code) ? ` (${code})` : '';
}

export function authorizationDenied(oauthError: string | null | undefined, cause?: unknown): AppError {
  return new AppError(
    'authorization_denied',
    `The EHR did not let RevenuePilot sign in${safeOAuthCode(oauthError)}. ${RELAUNCH}`,
    { cause },
  );
}

/** Maps a failure of the token exchange to what the user is told. */
export function tokenExchangeFailure(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DiscoveryError) return ehrUnavailable(err);
  if (err instanceof oidc.ResponseBodyError) return authorizationDenied(err.error, err);
  if (err instanceof oidc.AuthorizationResponseError) return authorizationDenied(err.error, err);
  if (err instanceof TypeError || (err instanceof Error && err.name === 'TimeoutError'))
    return ehrUnavailable(err);
  // Failed id_token checks and other protocol violations: the sign-in cannot be trusted.
  return authorizationDenied(undefined, err);
}
