/**
 * A stand-in for the companion server in component tests: answers `fetch` by path with JSON (or
 * a stream of text chunks, for NDJSON), records every call with its method and body, and can
 * hold answers back so a test can see the loading state.
 *
 * @module
 */

export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  /** Sent as the body, chunk by chunk, instead of `body` (for `application/x-ndjson`). */
  readonly stream?: readonly string[] | ReadableStream<Uint8Array>;
}

export interface FakeRequest {
  readonly path: string;
  readonly method: string;
  /** The parsed JSON body, if any. */
  readonly body: unknown;
  readonly keepalive: boolean;
  readonly signal: AbortSignal | undefined;
}

export interface FakeFetch {
  readonly fetch: typeof fetch;
  /** Paths requested, in order. */
  readonly calls: string[];
  /** Headers of each call, in order. */
  readonly headers: Headers[];
  /** Every call, in order. */
  readonly requests: FakeRequest[];
}

export type Responder = (what: string, count: number, request: FakeRequest) => Reply | Promise<Reply>;

/** A stream of the given chunks, encoded as UTF-8. */
export function chunkStream(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

/**
 * `reply` gets the path's last segment (`session`, `context`, `draft`), how many times that
 * segment was asked before with the same method, and the request.
 */
export function fakeFetch(reply: Responder): FakeFetch {
  const calls: string[] = [];
  const headers: Headers[] = [];
  const requests: FakeRequest[] = [];
  const counts = new Map<string, number>();
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const method = init?.method ?? 'GET';
    const request: FakeRequest = {
      path,
      method,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      keepalive: init?.keepalive === true,
      signal: init?.signal ?? undefined,
    };
    calls.push(path);
    headers.push(new Headers(init?.headers));
    requests.push(request);
    const what = path.split('/').pop() ?? '';
    const key = method === 'GET' ? what : `${method} ${what}`;
    const count = counts.get(key) ?? 0;
    counts.set(key, count + 1);
    const { status = 200, body, stream } = await reply(what, count, request);
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    if (stream) {
      return new Response(stream instanceof ReadableStream ? stream : chunkStream(stream), {
        status,
        headers: { 'Content-Type': 'application/x-ndjson' },
      });
    }
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fetchImpl, calls, headers, requests };
}

export const expired: Reply = {
  status: 401,
  body: { error: 'session_expired', message: 'The session expired.', requestId: 'req-1' },
};
