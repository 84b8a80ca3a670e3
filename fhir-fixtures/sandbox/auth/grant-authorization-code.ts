/**
 * `grant_type=authorization_code`: redeems a single-use code for the client it was issued to,
 * with the same redirect URI and a PKCE verifier matching the S256 challenge.
 *
 * @module
 */
import type { RegisteredApp } from '../state.ts';
import type { AuthContext } from './auth-context.ts';
import { OAuthError } from './oauth-error.ts';
import { verifyS256 } from './pkce.ts';
import { issueTokens, refreshKind, type TokenResponseBody } from './token-response.ts';

export interface CodeGrantParams {
  readonly code: string | undefined;
  readonly redirectUri: string | undefined;
  readonly codeVerifier: string | undefined;
}

export async function authorizationCodeGrant(
  ctx: AuthContext,
  app: RegisteredApp,
  params: CodeGrantParams,
): Promise<TokenResponseBody> {
  const { code, redirectUri, codeVerifier } = params;
  if (code === undefined) throw new OAuthError('invalid_request', 'code is required.');
  if (redirectUri === undefined) throw new OAuthError('invalid_request', 'redirect_uri is required.');
  if (codeVerifier === undefined)
    throw new OAuthError('invalid_request', 'code_verifier is required (PKCE).');

  const redeemed = ctx.codes.redeem(code);
  if (!redeemed.ok) {
    if (redeemed.reason === 'reused') {
      // RFC 6749 §4.1.2: a replayed code means it leaked; revoke what it already produced.
      for (const token of redeemed.issuedTokens) {
        ctx.state.grants.revokeAccessToken(token);
        ctx.refreshTokens.revoke(token);
      }
      throw new OAuthError('invalid_grant', 'The authorization code was already used.');
    }
    throw new OAuthError(
      'invalid_grant',
      `The authorization code is ${redeemed.reason === 'expired' ? 'expired' : 'unknown'}.`,
    );
  }
  const { grant } = redeemed;
  if (grant.clientId !== app.clientId)
    throw new OAuthError('invalid_grant', 'The code was issued to another client.');
  if (grant.redirectUri !== redirectUri) {
    throw new OAuthError('invalid_grant', 'redirect_uri differs from the one in the authorize request.');
  }
  if (!verifyS256(codeVerifier, grant.codeChallenge)) {
    throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge.');
  }

  const kind = refreshKind(grant.scope);
  const issued = await issueTokens(ctx, {
    clientId: app.clientId,
    scope: grant.scope,
    context: grant.context,
    withIdToken: true,
    ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
    refreshGrant: kind && { clientId: app.clientId, scope: grant.scope, context: grant.context, kind },
  });
  for (const token of issued.tokens) redeemed.recordToken(token);
  return issued.body;
}
