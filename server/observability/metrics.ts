/**
 * The server's Prometheus metrics, on a registry of its own per app (never prom-client's global
 * one), so tests can build several apps in one process. Every label value is bounded and free of
 * PHI: route patterns (never raw URLs, which hold launch ids), methods, status classes, vendors,
 * FHIR resource types, provider names and outcome codes.
 *
 * @module
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type HttpLabel = 'route' | 'method';
export type EhrLabel = 'vendor' | 'resource_type' | 'outcome';
export type ModelLabel = 'provider' | 'outcome';

export interface AppMetrics {
  readonly registry: Registry;
  /** Requests answered, by route pattern, method and status class (`2xx` … `5xx`, `aborted`). */
  readonly httpRequests: Counter<HttpLabel | 'status_class'>;
  readonly httpDuration: Histogram<HttpLabel>;
  /** One observation per HTTP call to an EHR (FHIR reads, token and JWKS calls). */
  readonly ehrDuration: Histogram<EhrLabel>;
  /** One observation per draft a provider produced (every model call for it, retries included). */
  readonly modelDuration: Histogram<ModelLabel>;
  readonly modelTokens: Counter<'provider' | 'kind'>;
  /**
   * Write-back outbox (issue: write-back). Registered now so dashboards and the alert rule
   * (docs/ops/alerts.rules.yml, WriteBackOutboxStale) can be built, but NOT FED YET: no outbox
   * exists. Labelled by vendor, so until the outbox sets them they expose no sample at all
   * rather than a reassuring but false 0.
   */
  readonly outboxDepth: Gauge<'vendor'>;
  readonly outboxOldestAge: Gauge<'vendor'>;
}

export interface MetricsOptions {
  /** Process and Node.js runtime metrics (CPU, memory, event loop lag, GC). Default true. */
  readonly defaultMetrics?: boolean;
}

/** Seconds: fast API answers to a minute-long model draft streamed over NDJSON. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const EHR_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];
const MODEL_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export function createMetrics(options: MetricsOptions = {}): AppMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by Express route pattern, method and status class.',
      labelNames: ['route', 'method', 'status_class'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to the end of the response (the whole stream for drafts).',
      labelNames: ['route', 'method'],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    ehrDuration: new Histogram({
      name: 'ehr_request_duration_seconds',
      help: 'HTTP calls to EHRs: FHIR reads by resource type, and `oauth` (token, JWKS).',
      labelNames: ['vendor', 'resource_type', 'outcome'],
      buckets: EHR_BUCKETS,
      registers,
    }),
    modelDuration: new Histogram({
      name: 'model_request_duration_seconds',
      help: 'Drafting provider calls, one per draft (all model requests for it, retries included).',
      labelNames: ['provider', 'outcome'],
      buckets: MODEL_BUCKETS,
      registers,
    }),
    modelTokens: new Counter({
      name: 'model_tokens_total',
      help: 'Tokens the drafting models reported, by provider and kind (prompt, completion).',
      labelNames: ['provider', 'kind'],
      registers,
    }),
    outboxDepth: new Gauge({
      name: 'writeback_outbox_depth',
      help: 'Write-back outbox rows not yet delivered, by EHR vendor. Not fed until the write-back outbox exists.',
      labelNames: ['vendor'],
      registers,
    }),
    outboxOldestAge: new Gauge({
      name: 'writeback_outbox_oldest_age_seconds',
      help: 'Age of the oldest undelivered write-back outbox row, by EHR vendor. Not fed until the write-back outbox exists.',
      labelNames: ['vendor'],
      registers,
    }),
  };
}

/** The label for a status code: `2xx`, `4xx`, …. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
