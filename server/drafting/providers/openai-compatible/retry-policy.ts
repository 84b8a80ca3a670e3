/**
 * When and how long to wait before asking a model server again: only for answers that may go
 * away by themselves (408, 429, 5xx, a broken connection, a timeout), with exponential backoff
 * and jitter so many clients do not retry in step, and never sooner than the server's
 * `Retry-After`. Other 4xx are our mistake or our configuration: retrying cannot help.
 *
 * @module
 */

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** `Retry-After` in milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
  /** In [0, 1). */
  readonly random: () => number;
}

/**
 * The wait before retry number `attempt + 1` (`attempt` counts from 0): half of `base * 2^attempt`
 * fixed plus up to half random, at least `retryAfterMs`, at most `maxMs`.
 */
export function retryDelay(attempt: number, options: BackoffOptions, retryAfterMs?: number): number {
  const exponential = options.baseMs * 2 ** attempt;
  const jittered = exponential / 2 + options.random() * (exponential / 2);
  return Math.round(Math.min(options.maxMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** A wait that a caller's abort ends at once (rejecting with the signal's reason). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
