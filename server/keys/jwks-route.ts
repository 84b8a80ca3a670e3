/**
 * `GET /.well-known/jwks.json`: the public half of our client signing keys, the JWKS URL an EHR
 * registration points at so the EHR can verify our `private_key_jwt` assertions. Cacheable for an
 * hour; EHRs may keep it longer (Epic up to 29 h), which is why a rotated key is published for a
 * grace period before it signs (rotating-key-store.ts).
 *
 * @module
 */
import { Router } from 'express';
import type { ClientKeyStore } from './client-keys.ts';

export const JWKS_PATH = '/.well-known/jwks.json';

export function jwksRoutes(store: ClientKeyStore): Router {
  const router = Router();
  router.get(JWKS_PATH, async (_req, res) => {
    const jwks = await store.publicJwks();
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.json(jwks);
  });
  return router;
}
