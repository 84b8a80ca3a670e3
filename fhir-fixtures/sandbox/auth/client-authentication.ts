/**
 * Token-endpoint client authentication by registered client type: `public` sends only its
 * client_id; `confidential-symmetric` uses client_secret_basic or client_secret_post;
 * `confidential-asymmetric` uses private_key_jwt. One method per request (RFC 6749 §2.3).
 *
 * @module
 */
import { timingSafeEqual } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { ClientType, RegisteredApp } from '../state.ts';
import type { AuthContext } from './auth-context.ts';
import { JWT_BEARER_ASSERTION_TYPE, verifyClientAssertion } from './client-assertion.ts';
import { OAuthError } from './oauth-error.ts';

export type ClientAuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

export interface ClientAuthInput {
  readonly authorization: string | undefined;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly clientAssertionType: string | undefined;
  readonly clientAssertion: string | undefined;
}

export interface AuthenticatedClient {
  readonly app: RegisteredApp;
  readonly method: ClientAuthMethod;
}

const METHODS_BY_TYPE: Readonly<Record<ClientType, readonly ClientAuthMethod[]>> = {
  public: ['none'],
  'confidential-symmetric': ['client_secret_basic', 'client_secret_post'],
  'confidential-asymmetric': ['private_key_jwt'],
};

export async function authenticateClient(
  ctx: AuthContext,
  input: ClientAuthInput,
): Promise<AuthenticatedClient> {
  const basic = input.authorization === undefined ? undefined : parseBasic(input.authorization);
  const usesJwt = input.clientAssertion !== undefined || input.clientAssertionType !== undefined;
  const used = [basic !== undefined, input.clientSecret !== undefined, usesJwt].filter(Boolean).length;
  if (used > 1) throw new OAuthError('invalid_request', 'Use exactly one client authentication method.');

  const method: ClientAuthMethod = basic
    ? 'client_secret_basic'
    : input.clientSecret !== undefined
      ? 'client_secret_post'
      : usesJwt
        ? 'private_key_jwt'
        : 'none';
  const clientId = claimedClientId(method, input, basic?.clientId);
  const app = ctx.state.apps.get(clientId);
  if (!app) throw new OAuthError('invalid_client', 'Unknown client.');
  const allowed = METHODS_BY_TYPE[app.type];
  if (!allowed.includes(method)) {
    throw new OAuthError(
      'invalid_client',
      `This ${app.type} client must authenticate with ${allowed.join(' or ')}.`,
    );
  }

  switch (method) {
    case 'none':
      break;
    case 'client_secret_basic':
    case 'client_secret_post': {
      const secret = basic?.clientSecret ?? input.clientSecret ?? '';
      if (!app.clientSecret || !secretsEqual(secret, app.clientSecret)) {
        throw new OAuthError('invalid_client', 'Client authentication failed.');
      }
      break;
    }
    case 'private_key_jwt':
      await verifyClientAssertion(ctx, app, input.clientAssertion!);
      break;
  }
  return { app, method };
}

/** The client id the request claims, before it is proven. */
function claimedClientId(
  method: ClientAuthMethod,
  input: ClientAuthInput,
  basicId: string | undefined,
): string {
  if (basicId !== undefined) {
    if (input.clientId !== undefined && input.clientId !== basicId) {
      throw new OAuthError('invalid_request', 'client_id does not match the Authorization header.');
    }
    return basicId;
  }
  if (method === 'private_key_jwt') {
    if (input.clientAssertionType !== JWT_BEARER_ASSERTION_TYPE) {
      throw new OAuthError('invalid_request', `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}.`);
    }
    if (input.clientAssertion === undefined)
      throw new OAuthError('invalid_request', 'client_assertion is missing.');
    // The unverified subject only picks the registration; verification then proves iss = sub = client.
    let sub: unknown;
    try {
      sub = decodeJwt(input.clientAssertion).sub;
    } catch (cause) {
      throw new OAuthError('invalid_client', 'client_assertion is not a JWT.', { cause });
    }
    const id = input.clientId ?? sub;
    if (typeof id !== 'string') throw new OAuthError('invalid_client', 'client_assertion has no sub.');
    return id;
  }
  if (input.clientId === undefined) throw new OAuthError('invalid_client', 'client_id is required.');
  return input.clientId;
}

/** RFC 6749 §2.3.1: both halves are form-urlencoded before base64. */
function parseBasic(header: string): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) {
    if (/^Basic\b/i.test(header)) throw new OAuthError('invalid_client', 'Malformed Basic credentials.');
    throw new OAuthError('invalid_request', 'Unsupported Authorization scheme at the token endpoint.');
  }
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', 'Malformed Basic credentials.');
  try {
    const unform = (s: string): string => decodeURIComponent(s.replaceAll('+', ' '));
    return { clientId: unform(decoded.slice(0, colon)), clientSecret: unform(decoded.slice(colon + 1)) };
  } catch (cause) {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials.', { cause });
  }
}

/** Constant-time for equal lengths; a length mismatch is simply unequal. */
function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
