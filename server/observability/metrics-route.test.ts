import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../http/pipeline.ts';
import { noFrameAncestor } from '../http/security-headers.ts';
import { createMemoryLog } from './memory-log.ts';
import { createMetrics } from './metrics.ts';
import { digest, isLoopbackPeer, metricsRoute, scrapeRefusal } from './metrics-route.ts';

const TOKEN = 'metrics-token-0123456789abcdefghijklmnop';
let server: Server | undefined;

async function serve(token: string | undefined): Promise<string> {
  const metrics = createMetrics({ defaultMetrics: false });
  const app = createPipeline(
    { log: createMemoryLog().log, frameAncestors: noFrameAncestor, hsts: false, metrics },
    (a) => a.use(metricsRoute({ metrics, token })),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('GET /metrics', () => {
  it('answers a loopback scraper in the Prometheus text format when no token is set', async () => {
    const res = await fetch(await serve(undefined));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('# TYPE http_requests_total counter');
  });

  it('needs the bearer token when one is set, even from loopback', async () => {
    const url = await serve(TOKEN);
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await missing.json()) as { error: string }).error).toBe('unauthorized');
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    // The scrape itself is counted, under its route.
    expect(await ok.text()).toContain(
      'http_requests_total{route="/metrics",method="GET",status_class="4xx"} 2',
    );
  });
});

describe('isLoopbackPeer', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['fe80::1', false],
    ['1127.0.0.1', false],
    [undefined, false],
  ])('%s is %s', (address, loopback) => {
    expect(isLoopbackPeer(address)).toBe(loopback);
  });
});

describe('scrapeRefusal', () => {
  it('refuses other machines without a token, naming the setting', () => {
    expect(scrapeRefusal('10.1.2.3', undefined, undefined)).toMatchObject({ code: 'forbidden', status: 403 });
    expect(scrapeRefusal('10.1.2.3', undefined, undefined)?.message).toContain('METRICS_TOKEN');
    expect(scrapeRefusal('::1', undefined, undefined)).toBeUndefined();
  });

  it('lets any machine in with the token, and none without it', () => {
    expect(scrapeRefusal('10.1.2.3', `Bearer ${TOKEN}`, digest(TOKEN))).toBeUndefined();
    expect(scrapeRefusal('127.0.0.1', 'Basic abc', digest(TOKEN))).toMatchObject({ code: 'unauthorized' });
  });
});
