/**
 * Security headers on every response. The plugin runs inside the EHR's iframe, so
 * `frame-ancestors` is the one directive that depends on who is framing us: it comes from a
 * function (the seam for per-EHR origins) and there is deliberately no `X-Frame-Options`.
 *
 * @module
 */
import type { Request, RequestHandler, Response } from 'express';

/** The origins allowed to frame the app for this request (CSP source expressions). */
export type FrameAncestors = (req: Request) => readonly string[];

/** For tests and pages that hold nothing (error pages must show inside any EHR's frame). */
export const anyFrameAncestor: FrameAncestors = () => ['*'];

/** The default: nobody frames a response unless its route says which EHR may (`setFramePolicy`). */
export const noFrameAncestor: FrameAncestors = () => ["'none'"];

const BASE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
];

function policy(frameAncestors: readonly string[], formAction: readonly string[] = []): string {
  return [
    ...BASE_DIRECTIVES,
    `form-action 'self'${formAction.map((origin) => ` ${origin}`).join('')}`,
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

export interface FramePolicy {
  /** Origins allowed to frame this response: the launching EHR's registered origins. */
  readonly frameAncestors: readonly string[];
  /** Extra form targets (the EHR's authorize endpoint, for authorize-post). */
  readonly formAction?: readonly string[];
}

/** Replaces this response's policy once the route knows which EHR launched it. */
export function setFramePolicy(res: Response, framePolicy: FramePolicy): void {
  const ancestors = framePolicy.frameAncestors.length > 0 ? framePolicy.frameAncestors : ["'none'"];
  res.setHeader('Content-Security-Policy', policy(ancestors, framePolicy.formAction));
}

export interface SecurityHeadersOptions {
  readonly frameAncestors: FrameAncestors;
  /** Send HSTS: only when the public URL is https (never on plain-http local runs). */
  readonly hsts: boolean;
}

export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', policy(options.frameAncestors(req)));
    if (options.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}
