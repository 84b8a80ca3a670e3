/**
 * One access-log line per request: method, path (never the query string: launch values and
 * search parameters can carry PHI), status, duration. Written when the response finishes or the
 * client goes away.
 *
 * @module
 */
import type { RequestHandler } from 'express';
import type { Logger } from './logger.ts';
import { requestContextOf } from './request-context.ts';

const MAX_PATH = 200;

export interface AccessLogOptions {
  readonly log: Logger;
  /** Monotonic milliseconds; injected so tests need no clock. */
  readonly now?: () => number;
}

/** The path of a request URL without its query string or fragment, clipped to a sane length. */
export function pathOnly(url: string): string {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
}

export function accessLog(options: AccessLogOptions): RequestHandler {
  const now = options.now ?? (() => performance.now());
  return (req, res, next) => {
    const started = now();
    let written = false;
    const write = (): void => {
      if (written) return;
      written = true;
      // Response events need not run in the request's async context: name the request explicitly.
      const context = requestContextOf(req);
      options.log.info('request', {
        requestId: context?.requestId,
        traceId: context?.traceId,
        spanId: context?.spanId,
        method: req.method,
        path: pathOnly(req.originalUrl),
        status: res.statusCode,
        durationMs: Math.round((now() - started) * 10) / 10,
        aborted: res.writableFinished ? undefined : true,
      });
    };
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}
