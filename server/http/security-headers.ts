/**
 * Security headers on every response. The plugin runs inside the EHR's iframe, so
 * `frame-ancestors` is the one directive that depends on who is framing us: it comes from a
 * function (the seam for per-EHR origins) and there is deliberately no `X-Frame-Options`.
 *
 * @module
 */
import type { Request, RequestHandler } from 'express';

/** The origins allowed to frame the app for this request (CSP source expressions). */
export type FrameAncestors = (req: Request) => readonly string[];

/**
 * Until EHR registrations exist (next issue: the launch's `iss` decides), any site may frame
 * the app: an EHR's origin is not known in advance. Replace this, do not widen it.
 */
export const anyFrameAncestor: FrameAncestors = () => ['*'];

const BASE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export interface SecurityHeadersOptions {
  readonly frameAncestors: FrameAncestors;
  /** Send HSTS: only when the public URL is https (never on plain-http local runs). */
  readonly hsts: boolean;
}

export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader(
      'Content-Security-Policy',
      `${BASE_POLICY}; frame-ancestors ${options.frameAncestors(req).join(' ')}`,
    );
    if (options.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}
