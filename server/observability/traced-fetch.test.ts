import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../launch/discovery.ts';
import { runWithRequestContext } from './request-context.ts';
import { parseTraceparent } from './trace-context.ts';
import { tracedFetch } from './traced-fetch.ts';

function recorder() {
  const seen: Headers[] = [];
  const fetchFn: FetchLike = (_input, init) => {
    seen.push(new Headers(init?.headers));
    return Promise.resolve(new Response('ok'));
  };
  return { seen, fetchFn };
}

const context = {
  requestId: 'r1',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  parentSpanId: undefined,
  traceFlags: '01',
};

describe('tracedFetch', () => {
  it("sends a child of the request's trace and keeps the caller's headers", async () => {
    const { seen, fetchFn } = recorder();
    await runWithRequestContext(context, () =>
      tracedFetch(fetchFn)('https://ehr.example/fhir/Patient/1', {
        headers: { accept: 'application/fhir+json', authorization: 'Bearer t' },
      }),
    );
    const sent = parseTraceparent(seen[0]!.get('traceparent') ?? undefined);
    expect(sent?.traceId).toBe(context.traceId);
    expect(sent?.flags).toBe('01');
    expect(sent?.parentSpanId).not.toBe(context.spanId);
    expect(seen[0]!.get('accept')).toBe('application/fhir+json');
    expect(seen[0]!.get('authorization')).toBe('Bearer t');
  });

  it('gives every call its own span, and keeps a traceparent the caller set', async () => {
    const { seen, fetchFn } = recorder();
    const traced = tracedFetch(fetchFn);
    await runWithRequestContext(context, async () => {
      await traced('https://model.example/v1/chat/completions');
      await traced('https://model.example/v1/chat/completions');
      await traced('https://x.example', { headers: [['traceparent', 'caller-set']] });
    });
    const spans = seen
      .slice(0, 2)
      .map((h) => parseTraceparent(h.get('traceparent') ?? undefined)?.parentSpanId);
    expect(spans[0]).toBeDefined();
    expect(spans[0]).not.toBe(spans[1]);
    expect(seen[2]!.get('traceparent')).toBe('caller-set');
  });
});
