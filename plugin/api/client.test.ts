import { describe, expect, it } from 'vitest';
import { getJson } from './client.ts';

const respond =
  (status: number, body: unknown): typeof fetch =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('getJson', () => {
  it('returns the body on success', async () => {
    expect(await getJson('/x', respond(200, { status: 'ok' }))).toEqual({
      ok: true,
      value: { status: 'ok' },
    });
  });

  it('passes the server error code, message and request id through', async () => {
    const result = await getJson(
      '/x',
      respond(400, { error: 'launch_params_missing', message: 'Relaunch', requestId: 'r1' }),
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'launch_params_missing', message: 'Relaunch', requestId: 'r1' },
    });
  });

  it('speaks plainly when the server cannot be reached', async () => {
    const result = await getJson('/x', () => Promise.reject(new TypeError('fetch failed')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('network');
  });
});
