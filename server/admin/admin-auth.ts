/**
 * Guards the admin API with one shared bearer token (`ADMIN_API_TOKEN`). Tokens are compared as
 * SHA-256 digests with `timingSafeEqual`, so neither the content nor the length of the configured
 * token leaks through response timing. Without a configured token the admin API is off (503).
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error.ts';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function requireAdminToken(adminApiToken: string | undefined): RequestHandler {
  const expected = adminApiToken === undefined ? undefined : digest(adminApiToken);
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (expected === undefined) {
      throw new AppError(
        'admin_disabled',
        'The admin API is disabled: set ADMIN_API_TOKEN on the server to enable it.',
      );
    }
    const presented = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="revenuepilot-admin"');
      throw new AppError('unauthorized', 'The admin API needs Authorization: Bearer <ADMIN_API_TOKEN>.');
    }
    next();
  };
}
