import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  currentOutboundTraceparent,
  currentRequestContext,
  requestContextMiddleware,
  requestIdFrom,
} from './request-context.ts';
import { parseTraceparent } from './trace-context.ts';

describe('requestIdFrom', () => {
  const newId = () => 'generated';

  it('keeps a well-formed incoming id', () => {
    expect(requestIdFrom('lb-7f3a.91:x_y', newId)).toBe('lb-7f3a.91:x_y');
  });

  it.each([undefined, '', 'has space', 'new\nline', '<script>', 'x'.repeat(129)])(
    'replaces %j with a new id',
    (header) => {
      expect(requestIdFrom(header, newId)).toBe('generated');
    },
  );
});

describe('requestContextMiddleware', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const app = express();
    let n = 0;
    app.use(requestContextMiddleware({ newSpanId: () => `${++n}`.padStart(16, 'c') }));
    app.get('/', (_req, res) => {
      res.json({ context: currentRequestContext(), outbound: currentOutboundTraceparent() });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("continues the caller's trace: same trace id and flags, our own span, a child span outbound", async () => {
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
    const res = await fetch(url, { headers: { traceparent: incoming } });
    const body = (await res.json()) as {
      context: { traceId: string; spanId: string; parentSpanId: string; traceFlags: string };
      outbound: string;
    };
    expect(body.context).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentSpanId: '00f067aa0ba902b7',
      traceFlags: '00',
    });
    // The response names this server's span; the outbound call gets a span of its own.
    const answered = parseTraceparent(res.headers.get('traceparent') ?? undefined);
    expect(answered).toEqual({
      traceId: body.context.traceId,
      parentSpanId: body.context.spanId,
      flags: '00',
    });
    const outbound = parseTraceparent(body.outbound);
    expect(outbound?.traceId).toBe(body.context.traceId);
    expect(outbound?.parentSpanId).not.toBe(body.context.spanId);
    expect(outbound?.parentSpanId).not.toBe('00f067aa0ba902b7');
  });

  it('starts a new sampled trace when the header is missing or malformed', async () => {
    const res = await fetch(url, { headers: { traceparent: '00-nothex-00f067aa0ba902b7-01' } });
    const { context } = (await res.json()) as { context: { traceId: string; parentSpanId?: string } };
    expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(context.parentSpanId).toBeUndefined();
    expect(res.headers.get('traceparent')).toMatch(new RegExp(`^00-${context.traceId}-[0-9a-f]{16}-01$`));
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('currentOutboundTraceparent outside a request', () => {
  it('starts a trace of its own for each call', () => {
    const a = parseTraceparent(currentOutboundTraceparent());
    const b = parseTraceparent(currentOutboundTraceparent());
    expect(a?.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a?.traceId).not.toBe(b?.traceId);
  });
});
