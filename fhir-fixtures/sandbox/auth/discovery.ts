/**
 * Discovery documents: SMART's `.well-known/smart-configuration` under the FHIR base URL and the
 * OpenID Connect provider metadata under the authorization server's issuer. Both are built per
 * request because the sandbox learns its own origin only once it listens, and because the scope
 * syntax it advertises (`state.scopeSyntax`, see vendor-rules.ts) can change between requests.
 *
 * @module
 */
import type { RequestHandler } from 'express';
import type { SandboxState } from '../state.ts';
import { ID_TOKEN_ALG } from './signing-keys.ts';
import { capabilitiesFor, scopeSpeaksSyntax } from './vendor-rules.ts';

export const CLIENT_ASSERTION_ALGS = ['RS384', 'ES384'] as const;

const CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'authorize-post',
  'client-public',
  'client-confidential-symmetric',
  'client-confidential-asymmetric',
  'context-banner',
  'context-style',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'permission-offline',
  'permission-online',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
  'sso-openid-connect',
] as const;

const SCOPES_SUPPORTED = [
  'openid',
  'fhirUser',
  'profile',
  'launch',
  'launch/patient',
  'launch/encounter',
  'offline_access',
  'online_access',
  'patient/*.rs',
  'patient/*.cruds',
  'patient/*.read',
  'patient/*.write',
  'user/*.rs',
  'user/*.cruds',
  'user/*.read',
  'user/*.write',
  'system/*.rs',
  'system/*.cruds',
  'system/*.read',
] as const;

export interface AuthEndpoints {
  readonly issuer: string;
  readonly authorization: string;
  readonly token: string;
  readonly jwks: string;
}

export function authEndpoints(state: SandboxState): AuthEndpoints {
  const issuer = state.authBaseUrl;
  return {
    issuer,
    authorization: `${issuer}/authorize`,
    token: `${issuer}/token`,
    jwks: `${issuer}/jwks`,
  };
}

/** Fields both documents share. */
function commonMetadata(state: SandboxState) {
  const endpoints = authEndpoints(state);
  return {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    jwks_uri: endpoints.jwks,
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    token_endpoint_auth_methods_supported: [
      'private_key_jwt',
      'client_secret_basic',
      'client_secret_post',
      'none',
    ],
    token_endpoint_auth_signing_alg_values_supported: [...CLIENT_ASSERTION_ALGS],
    scopes_supported: SCOPES_SUPPORTED.filter((s) => scopeSpeaksSyntax(s, state.scopeSyntax)),
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    // RFC 9207: the authorize redirect carries `iss`, so clients can detect mix-ups.
    authorization_response_iss_parameter_supported: true,
  };
}

export function smartConfiguration(state: SandboxState) {
  return { ...commonMetadata(state), capabilities: capabilitiesFor(CAPABILITIES, state.scopeSyntax) };
}

export function openidConfiguration(state: SandboxState) {
  return {
    ...commonMetadata(state),
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [ID_TOKEN_ALG],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'fhirUser'],
  };
}

/** `GET {fhirBase}/.well-known/smart-configuration`. */
export function smartConfigurationHandler(state: SandboxState): RequestHandler {
  return (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(smartConfiguration(state));
  };
}

/** `GET /auth/.well-known/openid-configuration`. */
export function openidConfigurationHandler(state: SandboxState): RequestHandler {
  return (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(openidConfiguration(state));
  };
}
