import { describe, expect, it } from 'vitest';
import { abortableSleep, isRetryableStatus, parseRetryAfter, retryDelay } from './retry-policy.ts';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].filter(isRetryableStatus)).toEqual([
      408, 429, 500, 502, 503, 504,
    ]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, never below Retry-After, never above the cap', () => {
    const at = (random: number) => ({ baseMs: 100, maxMs: 1_000, random: () => random });
    expect([0, 1, 2].map((n) => retryDelay(n, at(0)))).toEqual([50, 100, 200]);
    expect([0, 1, 2].map((n) => retryDelay(n, at(0.999)))).toEqual([100, 200, 400]);
    expect(retryDelay(0, at(0), 700)).toBe(700);
    expect(retryDelay(10, at(0.5))).toBe(1_000);
    expect(retryDelay(0, at(0), 60_000)).toBe(1_000);
  });

  it('sleeps, and stops sleeping when the signal aborts', async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    await expect(abortableSleep(5, controller.signal)).resolves.toBeUndefined();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    await expect(abortableSleep(1, controller.signal)).rejects.toThrow('stop');
  });
});
