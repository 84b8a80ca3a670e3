/**
 * One autocannon run against the companion server: `connections` simulated users, each sending
 * its next request as soon as the last one is answered (no think time: the harshest reading of
 * "concurrent users"), requests drawn from the mix. Reports autocannon's totals and latency
 * percentiles, plus per-endpoint counts, non-2xx statuses and latency percentiles.
 *
 * @module
 */
import autocannon from 'autocannon';
import { percentile } from '../bench/result.ts';
import { ENDPOINTS, type Endpoint, type LoadRequest } from './load-mix.ts';

export interface RunLoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** A request not answered within this is a timeout (an error). */
  readonly timeoutSeconds: number;
  readonly next: () => LoadRequest;
}

export interface EndpointResult {
  readonly requests: number;
  /** Status → count, for answers outside 2xx. */
  readonly non2xx: Readonly<Record<string, number>>;
  readonly p50: number;
  readonly p99: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latency: {
    readonly p50: number;
    readonly p97_5: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  readonly byEndpoint: Readonly<Record<Endpoint, EndpointResult>>;
  /** Per 10 s of the run: answers, and those outside 2xx. */
  readonly timeline: readonly { readonly answered: number; readonly non2xx: number }[];
  readonly durationSeconds: number;
}

interface Tally {
  requests: number;
  non2xx: Record<string, number>;
  latencies: number[];
}

export async function runLoad(options: RunLoadOptions): Promise<LoadResult> {
  const tallies = Object.fromEntries(
    ENDPOINTS.map((e): [Endpoint, Tally] => [e, { requests: 0, non2xx: {}, latencies: [] }]),
  ) as Record<Endpoint, Tally>;
  // autocannon calls a request's onResponse and then, synchronously, emits `response` with the
  // latency: the endpoint recorded in the first is the one the second measures.
  let answered: Endpoint | undefined;
  const started = performance.now();
  const timeline: { answered: number; non2xx: number }[] = [];

  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (err: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: options.timeoutSeconds,
      requests: [
        {
          setupRequest: (request: autocannon.Request, context: { endpoint?: Endpoint }) => {
            const next = options.next();
            context.endpoint = next.endpoint;
            return {
              ...request,
              method: next.method,
              path: next.path,
              headers: next.headers,
              ...(next.body === undefined ? {} : { body: next.body }),
            };
          },
          onResponse: (status: number, _body: string, context: { endpoint?: Endpoint }) => {
            answered = context.endpoint;
            if (!answered) return;
            const tally = tallies[answered];
            tally.requests++;
            const bucket = (timeline[Math.floor((performance.now() - started) / 10_000)] ??= {
              answered: 0,
              non2xx: 0,
            });
            bucket.answered++;
            if (status < 200 || status >= 300) {
              tally.non2xx[status] = (tally.non2xx[status] ?? 0) + 1;
              bucket.non2xx++;
            }
          },
        },
      ],
    },
    (err: unknown, result: autocannon.Result) => (err ? fail(err) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    if (answered) tallies[answered].latencies.push(responseTime);
    answered = undefined;
  });
  const result = await done;

  const byEndpoint = Object.fromEntries(
    ENDPOINTS.map((e) => {
      const sorted = tallies[e].latencies.sort((a, b) => a - b);
      return [
        e,
        {
          requests: tallies[e].requests,
          non2xx: tallies[e].non2xx,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
        },
      ];
    }),
  ) as Record<Endpoint, EndpointResult>;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [
      code,
      (stat as { count: number }).count,
    ]),
  );
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latency: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    byEndpoint,
    timeline: Array.from(timeline, (b) => b ?? { answered: 0, non2xx: 0 }),
    durationSeconds: result.duration,
  };
}
