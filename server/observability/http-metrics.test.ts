import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { createPipeline } from '../http/pipeline.ts';
import { noFrameAncestor } from '../http/security-headers.ts';
import { methodLabel } from './http-metrics.ts';
import { createMemoryLog } from './memory-log.ts';
import { createMetrics } from './metrics.ts';

const metrics = createMetrics({ defaultMetrics: false });
let server: Server;
let url: string;

beforeAll(async () => {
  const admin = Router();
  admin.get('/things/:id', (_req, res) => res.json({ ok: true }));
  const app = createPipeline(
    { log: createMemoryLog().log, frameAncestors: noFrameAncestor, hsts: false, metrics },
    (a) => {
      a.get('/api/launches/:id/context', (_req, res) => res.json({}));
      a.post('/api/launches/:id/codes/suggest', () => {
        throw new AppError('ehr_unavailable', 'down');
      });
      a.use('/admin/api', admin);
    },
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('httpMetrics', () => {
  it('counts by route pattern, never by the URL with its launch id or query', async () => {
    for (const id of ['launch-aaa', 'launch-bbb']) {
      expect((await fetch(`${url}/api/launches/${id}/context?patient=secret`)).status).toBe(200);
    }
    expect((await fetch(`${url}/api/launches/launch-ccc/codes/suggest`, { method: 'POST' })).status).toBe(
      502,
    );
    expect((await fetch(`${url}/admin/api/things/42`)).status).toBe(200);
    expect((await fetch(`${url}/no/such/launch-ddd`)).status).toBe(404);

    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_requests_total{route="/api/launches/:id/context",method="GET",status_class="2xx"} 2',
    );
    expect(text).toContain(
      'http_requests_total{route="/api/launches/:id/codes/suggest",method="POST",status_class="5xx"} 1',
    );
    expect(text).toContain(
      'http_requests_total{route="/admin/api/things/:id",method="GET",status_class="2xx"} 1',
    );
    expect(text).toContain('http_requests_total{route="unmatched",method="GET",status_class="4xx"} 1');
    expect(text).toContain(
      'http_request_duration_seconds_count{route="/api/launches/:id/context",method="GET"} 2',
    );
    for (const raw of ['launch-aaa', 'launch-ccc', 'launch-ddd', 'secret', '/42'])
      expect(text).not.toContain(raw);
  });
});

describe('methodLabel', () => {
  it('keeps the standard methods and folds anything else', () => {
    expect(methodLabel('PATCH')).toBe('PATCH');
    expect(methodLabel('PROPFIND')).toBe('OTHER');
  });
});
