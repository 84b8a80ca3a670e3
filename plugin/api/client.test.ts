import { describe, expect, it, vi } from 'vitest';
import { sampleContext, sampleSession } from '../test-support/sample-chart.ts';
import { ApiError, createApiClient, isSessionOver } from './client.ts';

const respond =
  (status: number, body: unknown): typeof fetch =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));

function headersOf(fetchImpl: ReturnType<typeof vi.fn>): Headers {
  const init = fetchImpl.mock.calls[0]?.[1] as RequestInit;
  return new Headers(init.headers);
}

describe('createApiClient', () => {
  it('sends the in-memory session token as a bearer token, same-origin, to the launch path', async () => {
    const fetchImpl = vi.fn(respond(200, sampleSession()));
    const client = createApiClient({ launchId: 'abc/def', sessionToken: 'tok-1', fetch: fetchImpl });
    await expect(client.session()).resolves.toMatchObject({ launchType: 'ehr' });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe('/api/launches/abc%2Fdef/session');
    expect((fetchImpl.mock.calls[0]?.[1] as RequestInit).credentials).toBe('same-origin');
    expect(headersOf(fetchImpl).get('Authorization')).toBe('Bearer tok-1');
  });

  it('sends no Authorization header without a token (the cookie authenticates a reload)', async () => {
    const fetchImpl = vi.fn(respond(200, sampleContext()));
    const client = createApiClient({ launchId: 'abc', fetch: fetchImpl });
    await expect(client.context()).resolves.toMatchObject({ patient: { name: 'Testperson, Avery' } });
    expect(fetchImpl.mock.calls[0]?.[0]).toBe('/api/launches/abc/context');
    expect(headersOf(fetchImpl).has('Authorization')).toBe(false);
  });

  it('turns the server error body into an ApiError with code, status and request id', async () => {
    const client = createApiClient({
      launchId: 'abc',
      fetch: respond(401, { error: 'session_expired', message: 'Relaunch', requestId: 'r1' }),
    });
    const error = await client.session().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'session_expired',
      message: 'Relaunch',
      status: 401,
      requestId: 'r1',
    });
    expect(isSessionOver(error)).toBe(true);
  });

  it('names a status code when the error body is not the server JSON', async () => {
    const fetchImpl: typeof fetch = () =>
      Promise.resolve(new Response('<html>bad gateway</html>', { status: 502 }));
    const error = await createApiClient({ launchId: 'a', fetch: fetchImpl })
      .getJson('/x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'http_502', status: 502, requestId: undefined });
    expect(isSessionOver(error)).toBe(false);
  });

  it('rejects a success answer that is not a JSON object', async () => {
    const error = await createApiClient({ launchId: 'a', fetch: respond(200, 'text') })
      .getJson('/x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_response' });
  });

  it('speaks plainly when the server cannot be reached', async () => {
    const client = createApiClient({
      launchId: 'a',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(client.getJson('/x')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('gives up on a request that never answers', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const client = createApiClient({ launchId: 'a', fetch: hang, timeoutMs: 5 });
    await expect(client.getJson('/x')).rejects.toMatchObject({ code: 'timeout' });
  });

  it('isSessionOver is false for anything but the two session codes', () => {
    expect(isSessionOver(new ApiError('session_unknown', 'x', 404))).toBe(true);
    expect(isSessionOver(new ApiError('fhir_unavailable', 'x', 502))).toBe(false);
    expect(isSessionOver(new Error('session_expired'))).toBe(false);
  });
});
