/**
 * Validates an authorize request (GET query or POST form) in the order OAuth requires: first the
 * client and the exact redirect URI (failures there are shown to the user, never redirected, so
 * the server cannot be used as an open redirector), then everything else (failures go back to
 * the app's redirect URI with `error`, `error_description` and `state`).
 *
 * @module
 */
import type { LaunchContext } from '../grants.ts';
import type { RegisteredApp, SandboxState } from '../state.ts';
import { paramsSchema, present, readParams } from './form-params.ts';
import { OAuthError } from './oauth-error.ts';
import { isValidS256Challenge } from './pkce.ts';
import { narrowScope } from './scope-grant.ts';
import { scopeSyntaxRefusal } from './vendor-rules.ts';

export interface AuthorizeRequest {
  readonly app: RegisteredApp;
  readonly redirectUri: string;
  readonly state: string;
  /** The scope this server grants (requested, narrowed to the registration). */
  readonly scope: string;
  readonly codeChallenge: string;
  readonly nonce?: string;
  /** The EHR launch's context, when the app was launched from a chart. */
  readonly launch?: LaunchContext;
}

export type AuthorizeValidation =
  | { readonly kind: 'ok'; readonly request: AuthorizeRequest }
  /** Shown as an HTML page; never redirected. */
  | { readonly kind: 'page'; readonly description: string }
  | {
      readonly kind: 'redirect';
      readonly redirectUri: string;
      readonly state?: string;
      readonly error: OAuthError;
    };

const schema = paramsSchema([
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'aud',
  'code_challenge',
  'code_challenge_method',
  'launch',
  'nonce',
] as const);

export function validateAuthorizeRequest(sandbox: SandboxState, source: unknown): AuthorizeValidation {
  const read = readParams(schema, source);
  if (!read.ok && (read.badNames.includes('client_id') || read.badNames.includes('redirect_uri'))) {
    return { kind: 'page', description: 'client_id and redirect_uri must each be sent exactly once.' };
  }
  // Single-valued parameters are still readable when another one was repeated, so the error
  // can go back to a verified redirect URI with its state.
  const values = (source ?? {}) as Record<string, unknown>;
  const param = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? present(value) : undefined;
  };

  const clientId = param('client_id');
  const app = clientId === undefined ? undefined : sandbox.apps.get(clientId);
  if (!app) return { kind: 'page', description: 'The client_id is missing or not registered with this EHR.' };
  const redirectUri = param('redirect_uri');
  if (redirectUri === undefined || !app.redirectUris.includes(redirectUri)) {
    return {
      kind: 'page',
      description: 'The redirect_uri is missing or does not exactly match a registered one.',
    };
  }

  const state = param('state');
  const fail = (error: OAuthError): AuthorizeValidation => ({
    kind: 'redirect',
    redirectUri,
    error,
    ...(state === undefined ? {} : { state }),
  });
  if (!read.ok)
    return fail(new OAuthError('invalid_request', `Repeated parameter: ${read.badNames.join(', ')}.`));

  const problem = checkParameters(sandbox, param);
  if (problem) return fail(problem);

  const requested = param('scope') ?? '';
  const launchValue = param('launch');
  let launch: LaunchContext | undefined;
  if (launchValue !== undefined) {
    launch = sandbox.grants.getLaunch(launchValue);
    if (!launch)
      return fail(new OAuthError('invalid_request', 'The launch value is unknown or has expired.'));
  }
  const granted = narrowScope(requested, app.allowedScopes, {
    contexts: ['patient', 'user'],
    keepLaunchScopes: true,
  });
  if (granted.length === 0)
    return fail(new OAuthError('invalid_scope', 'None of the requested scopes can be granted.'));

  const nonce = param('nonce');
  return {
    kind: 'ok',
    request: {
      app,
      redirectUri,
      state: state!,
      scope: granted.join(' '),
      codeChallenge: param('code_challenge')!,
      ...(nonce === undefined ? {} : { nonce }),
      ...(launch === undefined ? {} : { launch }),
    },
  };
}

/** The checks after client and redirect URI, in a fixed order; undefined when all pass. */
function checkParameters(
  sandbox: SandboxState,
  param: (name: string) => string | undefined,
): OAuthError | undefined {
  const responseType = param('response_type');
  if (responseType === undefined) return new OAuthError('invalid_request', 'response_type is required.');
  if (responseType !== 'code')
    return new OAuthError('unsupported_response_type', 'Only response_type=code is supported.');
  if (param('state') === undefined) return new OAuthError('invalid_request', 'state is required.');
  const aud = param('aud');
  if (aud === undefined) return new OAuthError('invalid_request', 'aud is required (the FHIR base URL).');
  if (aud !== sandbox.fhirBaseUrl)
    return new OAuthError('invalid_request', "aud must be this EHR's FHIR base URL.");

  const method = param('code_challenge_method');
  const challenge = param('code_challenge');
  if (challenge === undefined || method === undefined) {
    return new OAuthError(
      'invalid_request',
      'PKCE is required: send code_challenge with code_challenge_method=S256.',
    );
  }
  if (method !== 'S256')
    return new OAuthError('invalid_request', `code_challenge_method ${method} is not allowed; use S256.`);
  if (!isValidS256Challenge(challenge))
    return new OAuthError('invalid_request', 'code_challenge is not a S256 challenge.');

  const scopes = new Set((param('scope') ?? '').split(/\s+/).filter(Boolean));
  if (scopes.size === 0) return new OAuthError('invalid_scope', 'scope is required.');
  const hasLaunchParam = param('launch') !== undefined;
  if (hasLaunchParam && !scopes.has('launch')) {
    return new OAuthError('invalid_scope', 'An EHR launch must request the launch scope.');
  }
  if (!hasLaunchParam && scopes.has('launch')) {
    return new OAuthError('invalid_request', 'The launch scope needs the launch parameter the EHR sent.');
  }
  return scopeSyntaxRefusal(scopes, sandbox.scopeSyntax);
}
