/**
 * `grant_type=refresh_token`: a new access token for the client the refresh token belongs to,
 * with the original scope or a narrower one. The refresh token rotates: the old one stops working
 * and the new one keeps the original grant, so a later refresh may ask for the full scope again.
 * Under the Oracle Health profile it does not rotate (vendor-rules.ts): no new refresh token, and
 * the old one keeps working.
 *
 * @module
 */
import type { RegisteredApp } from '../state.ts';
import type { AuthContext } from './auth-context.ts';
import { OAuthError } from './oauth-error.ts';
import { isWithinScope } from './scope-grant.ts';
import { issueTokens, type TokenResponseBody } from './token-response.ts';
import { rotatesRefreshTokens } from './vendor-rules.ts';

export async function refreshTokenGrant(
  ctx: AuthContext,
  app: RegisteredApp,
  params: { readonly refreshToken: string | undefined; readonly scope: string | undefined },
): Promise<TokenResponseBody> {
  if (params.refreshToken === undefined)
    throw new OAuthError('invalid_request', 'refresh_token is required.');
  const grant = ctx.refreshTokens.get(params.refreshToken);
  if (!grant) throw new OAuthError('invalid_grant', 'The refresh token is unknown, expired or already used.');
  if (grant.clientId !== app.clientId)
    throw new OAuthError('invalid_grant', 'The refresh token belongs to another client.');
  if (params.scope !== undefined && !isWithinScope(params.scope, grant.scope)) {
    throw new OAuthError('invalid_scope', 'A refresh may ask for the original scope or less, never more.');
  }

  const rotate = rotatesRefreshTokens(ctx.state.vendor);
  if (rotate) ctx.refreshTokens.revoke(params.refreshToken);
  const scope =
    params.scope === undefined ? grant.scope : params.scope.split(/\s+/).filter(Boolean).join(' ');
  const { body } = await issueTokens(ctx, {
    clientId: app.clientId,
    scope,
    context: grant.context,
    withIdToken: false,
    refreshGrant: rotate ? grant : undefined,
  });
  return body;
}
