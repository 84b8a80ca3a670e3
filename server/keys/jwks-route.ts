/**
 * `GET /.well-known/jwks.json`: the public half of our client signing keys, the JWKS URL an EHR
 * registration points at so the EHR can verify our `private_key_jwt` assertions. Cached for an
 * hour: EHRs refetch when they meet an unknown `kid`, which is how a rotation reaches them.
 *
 * @module
 */
import { Router } from 'express';
import type { ClientKeyStore } from './client-keys.ts';

export const JWKS_PATH = '/.well-known/jwks.json';

export function jwksRoutes(store: ClientKeyStore): Router {
  const router = Router();
  router.get(JWKS_PATH, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.json(store.publicJwks());
  });
  return router;
}
