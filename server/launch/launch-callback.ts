/**
 * The callback, the last step of a launch: claims the launch by its state exactly once, checks
 * that the browser is the one that started it, exchanges the code with openid-client (id_token
 * verified), stores the tokens sealed, and activates the session with a fresh session token.
 *
 * @module
 */
import type { AuditLog } from '../audit/audit-log.ts';
import type { EhrRegistration } from '../registry/ehr-registration.ts';
import { AUTHORIZE_URL_KEY } from './client-state-storage.ts';
import type { SmartClientState } from './fhirclient-api.ts';
import { authorizationDenied, launchExpired, notBound, tokenExchangeFailure } from './launch-errors.ts';
import type { LaunchService } from './launch-service.ts';
import { randomToken, sameHash, sha256 } from './launch-store.ts';
import { exchangeCode } from './token-client.ts';
import { needsPatientBanner, withTokens } from './token-state.ts';

/** A clinic session: after this the user relaunches from the chart. */
export const SESSION_MAX_AGE_MS = 8 * 3_600_000;

/** The cookies the callback request carried. */
export interface CallbackCookies {
  binding(launchId: string): string | undefined;
  readonly session: string | undefined;
}

export interface CompletedLaunch {
  readonly launchId: string;
  readonly sessionToken: string;
  readonly registration: EhrRegistration;
  readonly smartStyleUrl: string | null;
}

export interface CallbackContext {
  readonly audit: AuditLog;
  readonly now: () => Date;
  /** Exactly the redirect URI sent at authorize: `${publicUrl}/callback`. */
  readonly redirectUri: string;
}

export async function completeLaunch(
  service: LaunchService,
  ctx: CallbackContext,
  query: URLSearchParams,
  cookies: CallbackCookies,
  requestId: string,
): Promise<CompletedLaunch> {
  const state = query.get('state');
  if (!state) throw launchExpired();
  const launch = await service.store.claimByState(sha256(state), ctx.now());
  if (!launch) throw launchExpired();
  const bindingCookie = cookies.binding(launch.id);
  if (launch.browserBinding && !(bindingCookie && sameHash(launch.browserBinding, sha256(bindingCookie)))) {
    await service.store.end(launch.id);
    throw notBound();
  }
  if (query.has('error')) {
    await service.store.end(launch.id);
    throw authorizationDenied(query.get('error'));
  }
  const registration = await service.registrationOf(launch.registrationId);
  const launchStorage = service.storage(launch.id);
  const smartState = (await launchStorage.get(state)) as SmartClientState | undefined;
  if (!smartState?.codeVerifier) throw launchExpired();

  let result;
  try {
    const config = await service.tokenClient(registration);
    const callbackUrl = new URL(ctx.redirectUri);
    callbackUrl.search = query.toString();
    result = await exchangeCode(
      config,
      callbackUrl,
      {
        codeVerifier: smartState.codeVerifier,
        state,
        idTokenExpected: smartState.scope?.includes('openid') ?? false,
      },
      ctx.redirectUri,
    );
  } catch (err) {
    await service.store.end(launch.id);
    await ctx.audit.record({
      requestId,
      actor: null,
      patientRef: null,
      action: 'launch.authorize',
      outcome: 'failure',
      detail: { registrationId: registration.id },
    });
    throw tokenExchangeFailure(err);
  }
  const { tokens, fhirUser } = result;
  if (!tokens.patient) {
    await service.store.end(launch.id);
    throw authorizationDenied(undefined, new Error('token response without patient context'));
  }
  const issuedAt = ctx.now();
  const stored = withTokens(smartState, tokens, issuedAt.getTime());
  delete stored.codeVerifier;
  await launchStorage.set(state, stored);
  await launchStorage.unset(AUTHORIZE_URL_KEY);

  const sessionToken = randomToken(32);
  const smartStyleUrl = typeof tokens.smart_style_url === 'string' ? tokens.smart_style_url : null;
  await service.store.activate(launch.id, {
    sessionTokenHash: sha256(sessionToken),
    sessionCookieHash: cookies.session ? sha256(cookies.session) : null,
    patientId: tokens.patient,
    encounterId: tokens.encounter ?? null,
    fhirUser: fhirUser ?? null,
    grantedScope: tokens.scope ?? smartState.scope ?? '',
    needPatientBanner: needsPatientBanner(tokens),
    smartStyleUrl,
    expiresAt: new Date(issuedAt.getTime() + SESSION_MAX_AGE_MS),
  });
  await ctx.audit.record({
    requestId,
    actor: fhirUser ?? null,
    patientRef: `Patient/${tokens.patient}`,
    action: 'launch.authorize',
    outcome: 'success',
    detail: {
      registrationId: registration.id,
      launchType: launch.launchType,
      scope: tokens.scope ?? null,
    },
  });
  return { launchId: launch.id, sessionToken, registration, smartStyleUrl };
}
