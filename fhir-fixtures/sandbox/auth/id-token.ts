/**
 * The OpenID Connect id_token SMART apps receive with `openid fhirUser`: RS256, issued by the
 * sandbox's authorization server, `aud` = the client, `fhirUser` = the absolute URL of the user's
 * FHIR resource under the FHIR base URL.
 *
 * @module
 */
import { SignJWT } from 'jose';
import { ID_TOKEN_ALG, type SigningKey } from './signing-keys.ts';

export interface IdTokenInput {
  readonly issuer: string;
  readonly clientId: string;
  readonly fhirBaseUrl: string;
  /** `Practitioner/x` (relative) or an absolute URL. */
  readonly fhirUser: string;
  readonly nowMs: number;
  readonly lifetimeSeconds: number;
  readonly nonce?: string;
}

/** Whether the granted scopes call for an id_token (SMART: `openid` plus `fhirUser` or `profile`). */
export function wantsIdToken(granted: ReadonlySet<string>): boolean {
  return granted.has('openid') && (granted.has('fhirUser') || granted.has('profile'));
}

export function absoluteFhirUser(fhirBaseUrl: string, fhirUser: string): string {
  return /^https?:\/\//.test(fhirUser) ? fhirUser : `${fhirBaseUrl}/${fhirUser.replace(/^\//, '')}`;
}

export async function signIdToken(key: SigningKey, input: IdTokenInput): Promise<string> {
  const iat = Math.floor(input.nowMs / 1000);
  const fhirUser = absoluteFhirUser(input.fhirBaseUrl, input.fhirUser);
  const claims: Record<string, string> = { fhirUser };
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ID_TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(input.issuer)
    .setAudience(input.clientId)
    .setSubject(input.fhirUser)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.lifetimeSeconds)
    .sign(key.privateKey);
}
