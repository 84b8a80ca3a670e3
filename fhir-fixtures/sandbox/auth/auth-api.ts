/**
 * The sandbox EHR's SMART App Launch 2 authorization server, mounted at `/auth`:
 *   GET|POST /authorize                      authorization code + PKCE (S256), EHR and standalone
 *   POST     /authorize/patient              the standalone patient picker's choice
 *   POST     /token                          authorization_code, refresh_token, client_credentials
 *   GET      /jwks                           public key(s) that sign id_tokens
 *   GET      /.well-known/openid-configuration
 * plus `smartConfigurationHandler` for `{fhirBase}/.well-known/smart-configuration`.
 *
 * @module
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { SandboxState } from '../state.ts';
import { createAuthContext, type AuthApiOptions } from './auth-context.ts';
import { authorizeHandler, patientSelectionHandler } from './authorize-endpoint.ts';
import { openidConfigurationHandler } from './discovery.ts';
import { tokenHandler } from './token-endpoint.ts';

export { smartConfigurationHandler } from './discovery.ts';
export type { AuthApiOptions } from './auth-context.ts';

export function createAuthApi(state: SandboxState, options: AuthApiOptions = {}): Router {
  const ctx = createAuthContext(state, options);
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  router.get('/.well-known/openid-configuration', openidConfigurationHandler(state));
  router.get('/jwks', async (_req, res) => {
    // Verifiers may cache the key for an hour; it lives as long as this server.
    res.set('Cache-Control', 'public, max-age=3600').json(await ctx.keys.jwks());
  });
  router.get('/authorize', authorizeHandler(ctx));
  router.post('/authorize', form, authorizeHandler(ctx));
  router.post('/authorize/patient', form, patientSelectionHandler(ctx));
  router.post('/token', form, tokenHandler(ctx));
  router.all('/token', (_req, res) => {
    res.status(405).set('Allow', 'POST').json({ error: 'invalid_request', error_description: 'Use POST.' });
  });
  router.use(authErrorHandler);
  return router;
}

/** Anything unexpected: a bare OAuth server_error, never a stack or a request body. */
const authErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status = (err as { status?: unknown }).status;
  if (status === 400 || status === 413 || status === 415) {
    // body-parser rejections (malformed or oversized form bodies)
    res
      .status(400)
      .set('Cache-Control', 'no-store')
      .json({ error: 'invalid_request', error_description: 'Unreadable request body.' });
    return;
  }
  res
    .status(500)
    .set('Cache-Control', 'no-store')
    .json({ error: 'server_error', error_description: 'The authorization server failed.' });
};
