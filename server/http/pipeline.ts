/**
 * The request pipeline every route runs in, in order: request context (request id, W3C trace
 * context), access log, request metrics, security headers, JSON body parsing, the routes, 404,
 * and the single error exit. `createApp` fills in the routes; tests mount their own routes in the
 * very same pipeline.
 *
 * @module
 */
import express, { type Express } from 'express';
import { errorHandler, notFound } from '../errors/error-middleware.ts';
import { accessLog } from '../observability/access-log.ts';
import { httpMetrics } from '../observability/http-metrics.ts';
import type { Logger } from '../observability/logger.ts';
import type { AppMetrics } from '../observability/metrics.ts';
import { requestContextMiddleware } from '../observability/request-context.ts';
import { securityHeaders, type FrameAncestors } from './security-headers.ts';

/** Plenty for a transcript or a draft; anything larger is refused with 413. */
export const JSON_BODY_LIMIT = '1mb';

export interface PipelineOptions {
  readonly log: Logger;
  readonly frameAncestors: FrameAncestors;
  readonly hsts: boolean;
  /** Request rate, errors and latency per route; none recorded when absent. */
  readonly metrics?: AppMetrics;
}

export function createPipeline(options: PipelineOptions, mountRoutes: (app: Express) => void): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestContextMiddleware());
  app.use(accessLog({ log: options.log }));
  if (options.metrics) app.use(httpMetrics({ metrics: options.metrics }));
  app.use(securityHeaders({ frameAncestors: options.frameAncestors, hsts: options.hsts }));
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  mountRoutes(app);
  app.use(notFound);
  app.use(errorHandler(options.log));
  return app;
}
