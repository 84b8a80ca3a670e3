/**
 * Verifies a `private_key_jwt` client assertion (RFC 7523, SMART App Launch / Backend Services)
 * as strictly as Epic and Oracle Health do: RS384 or ES384 only, `kid` required, `jku` (if sent)
 * equal to the registered JWKS URL, `iss` = `sub` = client id, `aud` = the token endpoint exactly,
 * `exp` present and at most five minutes ahead, and a `jti` never seen before.
 *
 * @module
 */
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { RegisteredApp } from '../state.ts';
import type { AuthContext } from './auth-context.ts';
import { CLIENT_ASSERTION_ALGS, authEndpoints } from './discovery.ts';
import { OAuthError } from './oauth-error.ts';
import { createRemoteJwksCache } from './remote-jwks-cache.ts';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_LIFETIME_SECONDS = 300;

const invalid = (description: string, cause?: unknown): OAuthError =>
  new OAuthError('invalid_client', description, { cause });

/** Resolves when `assertion` authenticates `app`; throws an `invalid_client` OAuthError otherwise. */
export async function verifyClientAssertion(
  ctx: AuthContext,
  app: RegisteredApp,
  assertion: string,
): Promise<void> {
  let header;
  try {
    header = decodeProtectedHeader(assertion);
  } catch (cause) {
    throw invalid('client_assertion is not a JWS.', cause);
  }
  if (!CLIENT_ASSERTION_ALGS.includes(header.alg as (typeof CLIENT_ASSERTION_ALGS)[number])) {
    throw invalid('client_assertion must be signed with RS384 or ES384.');
  }
  if (typeof header.kid !== 'string' || header.kid === '')
    throw invalid('client_assertion header needs a kid.');
  if (header.jku !== undefined && header.jku !== app.jwksUri) {
    throw invalid('client_assertion jku is not the registered JWKS URL.');
  }

  const tokenEndpoint = authEndpoints(ctx.state).token;
  const nowMs = ctx.state.now();
  const keySet = keySetFor(ctx, app);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, keySet, {
      algorithms: [...CLIENT_ASSERTION_ALGS],
      issuer: app.clientId,
      subject: app.clientId,
      audience: tokenEndpoint,
      currentDate: new Date(nowMs),
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'jti'],
    }));
  } catch (cause) {
    throw invalid(describeJoseFailure(cause), cause);
  }

  // jose accepts an audience array that merely contains the token endpoint; SMART asks for it alone.
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (aud.length !== 1 || aud[0] !== tokenEndpoint)
    throw invalid('client_assertion aud must be the token endpoint URL.');
  const exp = payload.exp!;
  if (exp - nowMs / 1000 > MAX_LIFETIME_SECONDS) {
    throw invalid('client_assertion exp is more than five minutes ahead.');
  }
  const jti = payload.jti;
  if (typeof jti !== 'string' || jti === '') throw invalid('client_assertion needs a jti.');
  if (!ctx.jtis.remember(app.clientId, jti, exp * 1000))
    throw invalid('client_assertion jti was already used.');
}

/** The app's inline JWKS, else its JWKS URL (one cached remote set per URL, as an EHR keeps it). */
function keySetFor(ctx: AuthContext, app: RegisteredApp): JWTVerifyGetKey {
  if (app.jwks) return createLocalJWKSet(app.jwks as unknown as JSONWebKeySet);
  if (!app.jwksUri) throw invalid('The client has no registered keys.');
  let remote = ctx.remoteJwks.get(app.jwksUri);
  if (!remote) {
    remote = createRemoteJwksCache(new URL(app.jwksUri), ctx.state.jwksCache);
    ctx.remoteJwks.set(app.jwksUri, remote);
  }
  return remote.getKey;
}

/** A description that names the failed check, from jose's typed errors. */
function describeJoseFailure(cause: unknown): string {
  if (cause instanceof errors.JWTExpired) return 'client_assertion has expired.';
  if (cause instanceof errors.JWTClaimValidationFailed) {
    return `client_assertion claim ${cause.claim} is missing or wrong.`;
  }
  if (cause instanceof errors.JWKSNoMatchingKey) return 'No registered key matches the client_assertion kid.';
  if (cause instanceof errors.JWSSignatureVerificationFailed)
    return 'client_assertion signature does not verify.';
  if (cause instanceof errors.JOSEAlgNotAllowed)
    return 'client_assertion must be signed with RS384 or ES384.';
  if (cause instanceof errors.JWKSTimeout || cause instanceof errors.JOSEError) {
    return `client_assertion could not be verified (${cause.code}).`;
  }
  return 'client_assertion could not be verified.';
}
