import type { Express } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../http/pipeline.ts';
import { anyFrameAncestor } from '../http/security-headers.ts';
import { listen, type HttpListener } from '../lifecycle/http-server.ts';
import { createMemoryLog, type MemoryLog } from '../observability/memory-log.ts';
import { AppError } from './app-error.ts';
import type { ErrorBody } from './error-middleware.ts';

let listener: HttpListener | undefined;
afterEach(async () => {
  await listener?.close(0);
  listener = undefined;
});

async function serve(memory: MemoryLog, mount: (app: Express) => void): Promise<string> {
  const app = createPipeline({ log: memory.log, frameAncestors: anyFrameAncestor, hsts: false }, mount);
  listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  return `http://127.0.0.1:${listener.port}`;
}

async function errorOf(res: Response): Promise<ErrorBody> {
  const body = (await res.json()) as ErrorBody;
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId']);
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  expect(body.requestId).not.toBe('');
  return body;
}

describe('error middleware', () => {
  it('answers an AppError with its code, status and message', async () => {
    const memory = createMemoryLog();
    const url = await serve(memory, (app) =>
      app.get('/launch-ish', () => {
        throw new AppError('launch_params_missing', 'Open this from the EHR.');
      }),
    );
    const res = await fetch(`${url}/launch-ish`, { headers: { 'X-Request-Id': 'edge-42' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await errorOf(res)).toEqual({
      error: 'launch_params_missing',
      message: 'Open this from the EHR.',
      requestId: 'edge-42',
    });
  });

  it('answers a thrown Error with a plain 500 and logs its stack, not the body', async () => {
    const memory = createMemoryLog();
    const url = await serve(memory, (app) =>
      app.post('/notes', async () => {
        await Promise.resolve();
        throw new Error('upstream said: {"resourceType":"Patient","name":"Doe"}');
      }),
    );
    const res = await fetch(`${url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Patient reports chest pain' }),
    });
    expect(res.status).toBe(500);
    const body = await errorOf(res);
    expect(body.error).toBe('internal');
    expect(body.message).toMatch(/^Something went wrong/);
    expect(JSON.stringify(body)).not.toMatch(/upstream|resourceType|at .*\.ts/);

    const logged = memory.lines.find((line) => line.msg === 'unhandled error');
    expect(logged).toMatchObject({
      errName: 'Error',
      requestId: body.requestId,
      method: 'POST',
      path: '/notes',
    });
    expect(String(logged?.stack)).toContain('error-middleware.test.ts');
    expect(memory.text()).not.toContain('chest pain');
  });

  it('answers malformed JSON with 400 bad_request, without quoting it', async () => {
    const memory = createMemoryLog();
    const url = await serve(memory, (app) => app.post('/notes', (_req, res) => res.json({ ok: true })));
    const res = await fetch(`${url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"note": "Jane Doe, DOB 1970-01-01",',
    });
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body).toMatchObject({ error: 'bad_request', message: 'The request body is not valid JSON.' });
    expect(memory.text()).not.toContain('Jane Doe');
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const memory = createMemoryLog();
    const url = await serve(memory, (app) => app.post('/notes', (_req, res) => res.json({ ok: true })));
    const res = await fetch(`${url}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transcript: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error).toBe('payload_too_large');
  });

  it('answers an unknown route with 404 not_found through the same exit', async () => {
    const memory = createMemoryLog();
    const url = await serve(memory, () => undefined);
    const res = await fetch(`${url}/no/such/thing?patient=123`);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ error: 'not_found' });
  });

  it('keeps the request context in handlers that run after the body parser', async () => {
    const memory = createMemoryLog();
    const url = await serve(memory, (app) =>
      app.post('/echo', (req, res) => {
        memory.log.info('handled', { keys: Object.keys(req.body as object) });
        res.json({ ok: true });
      }),
    );
    const res = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
      body: JSON.stringify({ a: 1 }),
    });
    expect(res.status).toBe(200);
    const handled = memory.lines.find((line) => line.msg === 'handled');
    expect(handled).toMatchObject({
      requestId: res.headers.get('x-request-id'),
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      keys: ['a'],
    });
  });
});
