/**
 * `grant_type=client_credentials` (SMART Backend Services): only for confidential-asymmetric
 * clients, which have already proven themselves with a private_key_jwt assertion, and only for
 * `system/` scopes. No user, no launch context, no refresh token.
 *
 * @module
 */
import { parseResourceScope } from '../../../launch/scopes.ts';
import type { RegisteredApp } from '../state.ts';
import type { AuthContext } from './auth-context.ts';
import { OAuthError } from './oauth-error.ts';
import { narrowScope } from './scope-grant.ts';
import { issueTokens, type TokenResponseBody } from './token-response.ts';

export async function clientCredentialsGrant(
  ctx: AuthContext,
  app: RegisteredApp,
  params: { readonly scope: string | undefined },
): Promise<TokenResponseBody> {
  if (app.type !== 'confidential-asymmetric') {
    throw new OAuthError(
      'unauthorized_client',
      'client_credentials is only for clients that authenticate with private_key_jwt.',
    );
  }
  const requested = (params.scope ?? '').split(/\s+/).filter(Boolean);
  if (requested.length === 0) throw new OAuthError('invalid_scope', 'scope is required.');
  const notSystem = requested.filter((s) => parseResourceScope(s)?.context !== 'system');
  if (notSystem.length > 0)
    throw new OAuthError('invalid_scope', 'Backend Services may ask only for system/ scopes.');
  const granted = narrowScope(requested.join(' '), app.allowedScopes, {
    contexts: ['system'],
    keepLaunchScopes: false,
  });
  if (granted.length === 0)
    throw new OAuthError('invalid_scope', 'None of the requested scopes can be granted.');

  const { body } = await issueTokens(ctx, {
    clientId: app.clientId,
    scope: granted.join(' '),
    context: undefined,
    withIdToken: false,
    refreshGrant: undefined,
  });
  return body;
}
