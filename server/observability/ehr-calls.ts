/**
 * Timing of HTTP calls to EHRs for `ehr_request_duration_seconds{vendor,resource_type,outcome}`.
 * The launch code that makes the calls holds an `EhrCallObserver` bound to the EHR's vendor and
 * knows nothing of Prometheus; outcomes are codes, never an EHR's message or body.
 *
 * @module
 */
import type { FetchLike } from '../../launch/discovery.ts';
import type { AppMetrics } from './metrics.ts';

export type EhrCallOutcome =
  'ok' | 'client_error' | 'server_error' | 'timeout' | 'network_error' | 'invalid_response';

/** Records one EHR call: a FHIR resource type (`Condition`) or `oauth` (token and JWKS calls). */
export type EhrCallObserver = (resourceType: string, outcome: EhrCallOutcome, seconds: number) => void;

export function ehrCallObserver(metrics: AppMetrics, vendor: string): EhrCallObserver {
  return (resourceType, outcome, seconds) =>
    metrics.ehrDuration.observe({ vendor, resource_type: resourceType, outcome }, seconds);
}

export function outcomeOfStatus(status: number): EhrCallOutcome {
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return 'ok';
}

/** The outcome of a call that threw: by its HTTP status when it carries one (fhirclient's errors do). */
export function outcomeOfError(err: unknown): EhrCallOutcome {
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return outcomeOfStatus(status);
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (err instanceof SyntaxError) return 'invalid_response';
  return 'network_error';
}

/** Runs one EHR call and records its duration and outcome; rethrows what the call threw. */
export async function observeEhrCall<T>(
  observe: EhrCallObserver | undefined,
  resourceType: string,
  call: () => Promise<T>,
  now: () => number = () => performance.now(),
): Promise<T> {
  if (!observe) return call();
  const started = now();
  try {
    const result = await call();
    observe(resourceType, 'ok', (now() - started) / 1000);
    return result;
  } catch (err) {
    observe(resourceType, outcomeOfError(err), (now() - started) / 1000);
    throw err;
  }
}

/** A fetch whose every call is observed under `resourceType`; the outcome comes from the status. */
export function observedFetch(fetchFn: FetchLike, observe: EhrCallObserver, resourceType: string): FetchLike {
  return async (input, init) => {
    const started = performance.now();
    try {
      const res = await fetchFn(input, init);
      observe(resourceType, outcomeOfStatus(res.status), (performance.now() - started) / 1000);
      return res;
    } catch (err) {
      observe(resourceType, outcomeOfError(err), (performance.now() - started) / 1000);
      throw err;
    }
  };
}
