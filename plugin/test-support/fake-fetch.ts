/**
 * A stand-in for the companion server in component tests: answers `fetch` by path with JSON,
 * records every call, and can hold answers back so a test can see the loading state.
 *
 * @module
 */

export interface Reply {
  readonly status?: number;
  readonly body: unknown;
}

export interface FakeFetch {
  readonly fetch: typeof fetch;
  /** Paths requested, in order. */
  readonly calls: string[];
  /** Headers of each call, in order. */
  readonly headers: Headers[];
}

/** `reply` gets the path's last segment (`session`, `context`) and how many times it was asked before. */
export function fakeFetch(reply: (what: string, count: number) => Reply | Promise<Reply>): FakeFetch {
  const calls: string[] = [];
  const headers: Headers[] = [];
  const counts = new Map<string, number>();
  const fetchImpl: typeof fetch = async (input, init) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    calls.push(path);
    headers.push(new Headers(init?.headers));
    const what = path.split('/').pop() ?? '';
    const count = counts.get(what) ?? 0;
    counts.set(what, count + 1);
    const { status = 200, body } = await reply(what, count);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fetchImpl, calls, headers };
}

export const expired: Reply = {
  status: 401,
  body: { error: 'session_expired', message: 'The session expired.', requestId: 'req-1' },
};
