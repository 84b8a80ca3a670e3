/**
 * `POST /auth/token`: form-encoded only; authenticates the client by its registered type, then
 * runs the grant. Every answer is `Cache-Control: no-store`; failures are RFC 6749 JSON errors
 * (`{error, error_description}`, 400, or 401 for client authentication).
 *
 * @module
 */
import type { RequestHandler } from 'express';
import type { AuthContext } from './auth-context.ts';
import { authenticateClient } from './client-authentication.ts';
import { paramsSchema, present, readParams } from './form-params.ts';
import { authorizationCodeGrant } from './grant-authorization-code.ts';
import { clientCredentialsGrant } from './grant-client-credentials.ts';
import { refreshTokenGrant } from './grant-refresh-token.ts';
import { OAuthError } from './oauth-error.ts';
import type { TokenResponseBody } from './token-response.ts';

const schema = paramsSchema([
  'grant_type',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
  'scope',
  'client_id',
  'client_secret',
  'client_assertion_type',
  'client_assertion',
] as const);

export function tokenHandler(ctx: AuthContext): RequestHandler {
  return async (req, res) => {
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    try {
      res.json(
        await handleTokenRequest(
          ctx,
          req.get('authorization'),
          req.is('application/x-www-form-urlencoded'),
          req.body,
        ),
      );
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      if (err.code === 'invalid_client' && /^Basic\b/i.test(req.get('authorization') ?? '')) {
        res.set('WWW-Authenticate', 'Basic realm="sandbox-ehr"');
      }
      res.status(err.status).json(err.toJSON());
    }
  };
}

async function handleTokenRequest(
  ctx: AuthContext,
  authorization: string | undefined,
  contentType: string | false | null,
  body: unknown,
): Promise<TokenResponseBody> {
  if (!contentType)
    throw new OAuthError('invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
  const read = readParams(schema, body);
  if (!read.ok) throw new OAuthError('invalid_request', `Repeated parameter: ${read.badNames.join(', ')}.`);
  const p = Object.fromEntries(
    Object.entries(read.params).map(([k, v]) => [k, present(v)]),
  ) as typeof read.params;

  const grantType = p.grant_type;
  if (grantType === undefined) throw new OAuthError('invalid_request', 'grant_type is required.');
  const { app } = await authenticateClient(ctx, {
    authorization,
    clientId: p.client_id,
    clientSecret: p.client_secret,
    clientAssertionType: p.client_assertion_type,
    clientAssertion: p.client_assertion,
  });
  switch (grantType) {
    case 'authorization_code':
      return authorizationCodeGrant(ctx, app, {
        code: p.code,
        redirectUri: p.redirect_uri,
        codeVerifier: p.code_verifier,
      });
    case 'refresh_token':
      return refreshTokenGrant(ctx, app, { refreshToken: p.refresh_token, scope: p.scope });
    case 'client_credentials':
      return clientCredentialsGrant(ctx, app, { scope: p.scope });
    default:
      throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} is not supported.`);
  }
}
