/**
 * `GET /metrics` in the Prometheus text format. With `METRICS_TOKEN` set, a scraper must send
 * `Authorization: Bearer <token>` (compared as SHA-256 digests in constant time). Without it, only
 * clients on this machine's loopback interface are answered (a sidecar, or `curl` on the host);
 * anyone else gets 403 naming the setting. Forwarding headers are never trusted for this.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AppError } from '../errors/app-error.ts';
import type { AppMetrics } from './metrics.ts';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

export const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The peer is this machine: 127.0.0.0/8 or ::1, as the socket says (not X-Forwarded-For). */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export interface MetricsRouteOptions {
  readonly metrics: AppMetrics;
  /** `METRICS_TOKEN`; when unset, loopback clients only. */
  readonly token: string | undefined;
}

/** Why a scrape is refused (an AppError to throw), or undefined when it may proceed. */
export function scrapeRefusal(
  peer: string | undefined,
  authorization: string | undefined,
  expected: Buffer | undefined,
): AppError | undefined {
  if (expected === undefined) {
    if (isLoopbackPeer(peer)) return undefined;
    return new AppError(
      'forbidden',
      'Metrics are served only to this machine: set METRICS_TOKEN on the server to let a scraper in.',
    );
  }
  const presented = BEARER.exec(authorization ?? '')?.[1];
  if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return undefined;
  return new AppError('unauthorized', 'Metrics need Authorization: Bearer <METRICS_TOKEN>.');
}

export function metricsRoute(options: MetricsRouteOptions): Router {
  const expected = options.token === undefined ? undefined : digest(options.token);
  const { registry } = options.metrics;
  const router = Router();
  router.get('/metrics', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const refusal = scrapeRefusal(req.socket.remoteAddress, req.get('authorization'), expected);
    if (refusal) {
      if (expected !== undefined) res.setHeader('WWW-Authenticate', 'Bearer realm="revenuepilot-metrics"');
      throw refusal;
    }
    const body = await registry.metrics();
    res.type(registry.contentType).send(body);
  });
  return router;
}
