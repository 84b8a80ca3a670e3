import { describe, expect, it } from 'vitest';
import { createMetrics, statusClass } from './metrics.ts';

describe('createMetrics', () => {
  it('registers the listed series on a registry of its own', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.httpRequests.inc({ route: '/x', method: 'GET', status_class: '2xx' });
    const text = await metrics.registry.metrics();
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds',
      'ehr_request_duration_seconds',
      'model_request_duration_seconds',
      'model_tokens_total',
      'writeback_outbox_depth',
      'writeback_outbox_oldest_age_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toContain('http_requests_total{route="/x",method="GET",status_class="2xx"} 1');
  });

  it('exposes no outbox sample until the outbox feeds one (no reassuring zero)', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/^writeback_outbox_depth(\{.*\})? /m);
    metrics.outboxDepth.set({ vendor: 'epic' }, 3);
    expect(await metrics.registry.metrics()).toMatch(/^writeback_outbox_depth\{vendor="epic"\} 3$/m);
  });

  it('keeps two apps apart, and adds process metrics unless told not to', async () => {
    const a = createMetrics();
    const b = createMetrics({ defaultMetrics: false });
    a.modelTokens.inc({ provider: 'builtin', kind: 'prompt' }, 5);
    expect(await b.registry.metrics()).not.toContain('model_tokens_total{');
    const text = await a.registry.metrics();
    expect(text).toContain('model_tokens_total{provider="builtin",kind="prompt"} 5');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(await b.registry.metrics()).not.toContain('process_cpu_user_seconds_total');
  });
});

describe('statusClass', () => {
  it.each([
    [200, '2xx'],
    [304, '3xx'],
    [404, '4xx'],
    [503, '5xx'],
  ])('%i is %s', (status, label) => {
    expect(statusClass(status)).toBe(label);
  });
});
