/**
 * Who may use a launch's API: `/api/launches/:launchId/…` answers only a caller that proves it is
 * the browser that ran the launch, either with the in-memory session token the callback handed
 * the plugin (`Authorization: Bearer`), or with the browser's session cookie. The launch id alone
 * opens nothing. An ended or expired session gets `session_expired`, so the plugin asks for a
 * relaunch.
 *
 * @module
 */
import type { RequestHandler, Response } from 'express';
import { sessionExpired, sessionUnknown } from './launch-errors.ts';
import { sameHash, sha256, type LaunchRecord, type LaunchStore } from './launch-store.ts';
import { readSessionCookie } from './session-cookie.ts';

const LAUNCH_LOCAL = 'launch';

export function launchOf(res: Response): LaunchRecord {
  const launch = res.locals[LAUNCH_LOCAL] as LaunchRecord | undefined;
  if (!launch) throw new Error('launchOf() used outside requireLaunchSession');
  return launch;
}

function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(header ?? '');
  return match?.[1];
}

export function requireLaunchSession(store: LaunchStore, now: () => Date = () => new Date()): RequestHandler {
  return async (req, res, next) => {
    const launchId = req.params.launchId;
    const launch = typeof launchId === 'string' ? await store.get(launchId) : undefined;
    if (!launch || launch.status === 'authorizing') throw sessionUnknown();

    const bearer = bearerOf(req.headers.authorization);
    const cookie = readSessionCookie(req);
    const byToken =
      bearer !== undefined &&
      launch.sessionTokenHash !== null &&
      sameHash(launch.sessionTokenHash, sha256(bearer));
    const byCookie =
      cookie !== undefined &&
      launch.sessionCookieHash !== null &&
      sameHash(launch.sessionCookieHash, sha256(cookie));
    if (!byToken && !byCookie) throw sessionUnknown();
    if (launch.status === 'ended' || launch.expiresAt <= now()) throw sessionExpired();

    res.locals[LAUNCH_LOCAL] = launch;
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
