import { describe, expect, it } from 'vitest';
import {
  ehrCallObserver,
  observedFetch,
  observeEhrCall,
  outcomeOfError,
  outcomeOfStatus,
} from './ehr-calls.ts';
import { createMetrics } from './metrics.ts';

const ticking = () => {
  let t = 0;
  return () => (t += 250);
};

describe('EHR call outcomes', () => {
  it.each([
    [200, 'ok'],
    [304, 'ok'],
    [401, 'client_error'],
    [404, 'client_error'],
    [500, 'server_error'],
    [503, 'server_error'],
  ])('status %i is %s', (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });

  it('classifies thrown errors by status, timeout, parse failure, else network', () => {
    expect(outcomeOfError(Object.assign(new Error('x'), { status: 502 }))).toBe('server_error');
    expect(outcomeOfError(new DOMException('t', 'TimeoutError'))).toBe('timeout');
    expect(outcomeOfError(new SyntaxError('bad json'))).toBe('invalid_response');
    expect(outcomeOfError(new TypeError('fetch failed'))).toBe('network_error');
  });
});

describe('observeEhrCall', () => {
  it('records one observation per call, by vendor, resource type and outcome, and rethrows', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const observe = ehrCallObserver(metrics, 'epic');
    await observeEhrCall(observe, 'Patient', () => Promise.resolve('body'), ticking());
    const failed = observeEhrCall(
      observe,
      'Condition',
      () => Promise.reject(Object.assign(new Error('x'), { status: 503 })),
      ticking(),
    );
    await expect(failed).rejects.toMatchObject({ status: 503 });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'ehr_request_duration_seconds_count{vendor="epic",resource_type="Patient",outcome="ok"} 1',
    );
    expect(text).toContain(
      'ehr_request_duration_seconds_sum{vendor="epic",resource_type="Patient",outcome="ok"} 0.25',
    );
    expect(text).toContain(
      'ehr_request_duration_seconds_count{vendor="epic",resource_type="Condition",outcome="server_error"} 1',
    );
  });

  it('just runs the call without an observer', async () => {
    await expect(observeEhrCall(undefined, 'Patient', () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('observedFetch', () => {
  it('observes by response status and by the error when the call throws', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const observe = ehrCallObserver(metrics, 'oracle-health');
    const ok = observedFetch(() => Promise.resolve(new Response('{}', { status: 400 })), observe, 'oauth');
    expect((await ok('https://ehr.example/token')).status).toBe(400);
    const down = observedFetch(() => Promise.reject(new TypeError('fetch failed')), observe, 'oauth');
    await expect(down('https://ehr.example/token')).rejects.toThrow('fetch failed');
    const text = await metrics.registry.metrics();
    expect(text).toContain('{vendor="oracle-health",resource_type="oauth",outcome="client_error"} 1');
    expect(text).toContain('{vendor="oracle-health",resource_type="oauth",outcome="network_error"} 1');
  });
});
