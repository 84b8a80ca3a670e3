/**
 * The two cookies of a launch, both `__Host-`, `HttpOnly; Secure; SameSite=None; Partitioned`
 * (inside a cross-site EHR iframe only such CHIPS cookies are sent):
 * - a binding cookie per launch (`__Host-rp_bind_<launchId>`, ten minutes): proves the callback
 *   comes back to the browser that started the launch (OAuth state bound to the browser). One per
 *   launch, so two instances launching at once in a fresh browser cannot overwrite each other's.
 *   The callback clears it.
 * - the browser's session cookie (`__Host-rp_session`), set once: each launch records, at its
 *   callback, the value the browser holds then, so reloading the plugin finds its launch again.
 * Neither is a credential on its own: requests also name their launch. Where cookies are blocked
 * entirely the plugin runs on its in-memory session token instead.
 *
 * @module
 */
import type { CookieOptions, Request, Response } from 'express';
import { randomToken } from './launch-store.ts';

export const SESSION_COOKIE = '__Host-rp_session';
const BINDING_PREFIX = '__Host-rp_bind_';
const BINDING_MAX_AGE_MS = 10 * 60_000;
const VALUE = /^[A-Za-z0-9_-]{43}$/;

const ATTRIBUTES: CookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'none',
  partitioned: true,
  path: '/',
};

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return VALUE.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function readSessionCookie(req: Request): string | undefined {
  return readCookie(req, SESSION_COOKIE);
}

/** Sets the browser's session cookie unless it already has one. */
export function ensureSessionCookie(req: Request, res: Response): void {
  if (!readSessionCookie(req)) res.cookie(SESSION_COOKIE, randomToken(32), ATTRIBUTES);
}

/** A fresh value for a launch's binding cookie (its hash goes on the launch). */
export const newBindingValue = (): string => randomToken(32);

export function setBindingCookie(res: Response, launchId: string, value: string): void {
  res.cookie(`${BINDING_PREFIX}${launchId}`, value, { ...ATTRIBUTES, maxAge: BINDING_MAX_AGE_MS });
}

export function readBindingCookie(req: Request, launchId: string): string | undefined {
  return readCookie(req, `${BINDING_PREFIX}${launchId}`);
}

export function clearBindingCookie(res: Response, launchId: string): void {
  res.clearCookie(`${BINDING_PREFIX}${launchId}`, ATTRIBUTES);
}
