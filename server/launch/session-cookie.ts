/**
 * The browser's session cookie: one random value per browser, stored server-side only as a hash
 * on each launch it started. It proves "same browser" at the callback and on reloads; it is not a
 * credential on its own (requests also name their launch). Inside a cross-site EHR iframe only
 * `SameSite=None; Secure; Partitioned` (CHIPS) cookies are sent, so those are the attributes;
 * where cookies are blocked entirely the plugin runs on its in-memory session token instead.
 *
 * @module
 */
import type { Request, Response } from 'express';
import { randomToken } from './launch-store.ts';

export const SESSION_COOKIE = '__Host-rp_session';

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Returns the browser's cookie value, setting a new one when it has none. */
export function ensureSessionCookie(req: Request, res: Response): string {
  const existing = readSessionCookie(req);
  if (existing) return existing;
  const value = randomToken(32);
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    secure: true,
    sameSite: 'none',
    partitioned: true,
    path: '/',
  });
  return value;
}
