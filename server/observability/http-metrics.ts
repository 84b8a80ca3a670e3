/**
 * Request rate, errors and latency per route: one `http_requests_total` increment and one
 * `http_request_duration_seconds` observation when each response finishes (or the client goes
 * away). The route label is Express's route pattern (`/api/launches/:id/context`), never the URL
 * itself: URLs carry launch ids and query strings. Requests no route matched share `unmatched`.
 *
 * @module
 */
import type { Request, RequestHandler } from 'express';
import { statusClass, type AppMetrics } from './metrics.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The matched route's pattern, with the mount path of its router when it answered from inside
 * it. (A route under a mount path that fails with an error is answered after Express has left
 * its router, so it is labelled with its own pattern alone; only `/admin/api` is mounted so.)
 */
export function routeLabel(req: Request): string {
  const path = (req as { route?: { path?: unknown } }).route?.path;
  if (path === undefined) return 'unmatched';
  const pattern = (p: unknown): string =>
    typeof p === 'string' ? p : p instanceof RegExp ? p.source : 'pattern';
  return `${req.baseUrl}${Array.isArray(path) ? path.map(pattern).join('|') : pattern(path)}`;
}

export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'OTHER';
}

export interface HttpMetricsOptions {
  readonly metrics: AppMetrics;
  /** Monotonic milliseconds; injected so tests need no clock. */
  readonly now?: () => number;
}

export function httpMetrics(options: HttpMetricsOptions): RequestHandler {
  const now = options.now ?? (() => performance.now());
  const { httpRequests, httpDuration } = options.metrics;
  return (req, res, next) => {
    const started = now();
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      const route = routeLabel(req);
      const method = methodLabel(req.method);
      const status = res.writableFinished ? statusClass(res.statusCode) : 'aborted';
      httpRequests.inc({ route, method, status_class: status });
      httpDuration.observe({ route, method }, (now() - started) / 1000);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
