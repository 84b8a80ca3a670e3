import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors, exportJWK, generateKeyPair, type JWK, type JWTVerifyGetKey } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRemoteJwksCache } from './remote-jwks-cache.ts';

let server: Server;
let url: URL;
let served: { status: number; cacheControl: string | undefined; keys: JWK[] };
let requests = 0;
let clock = 0;
let keyA: JWK;
let keyB: JWK;

async function publicJwk(kid: string): Promise<JWK> {
  const { publicKey } = await generateKeyPair('ES384');
  return { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
}

beforeAll(async () => {
  [keyA, keyB] = await Promise.all([publicJwk('key-a'), publicJwk('key-b')]);
  server = createServer((_req, res) => {
    requests++;
    res.statusCode = served.status;
    if (served.cacheControl) res.setHeader('cache-control', served.cacheControl);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: served.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  served = { status: 200, cacheControl: 'public, max-age=3600', keys: [keyA] };
  requests = 0;
  clock = Date.parse('2026-03-02T15:00:00Z');
});

const HOUR = 3_600_000;
const cacheWith = (maxAgeSeconds = 29 * 3600, unknownKidRefetchSeconds = 300) =>
  createRemoteJwksCache(url, { maxAgeSeconds, unknownKidRefetchSeconds, now: () => clock });
const resolve = (getKey: JWTVerifyGetKey, kid: string): Promise<unknown> =>
  Promise.resolve(getKey({ alg: 'ES384', kid }, { payload: '', signature: '' }));

function refusal(getKey: JWTVerifyGetKey, kid: string): Promise<unknown> {
  return resolve(getKey, kid).then(
    () => undefined,
    (err: unknown) => err,
  );
}

describe('createRemoteJwksCache', () => {
  it('keeps the key set for the max-age the response gives, then fetches it again', async () => {
    const cache = cacheWith();
    expect(await resolve(cache.getKey, 'key-a')).toBeDefined();
    clock += HOUR - 1;
    await resolve(cache.getKey, 'key-a');
    expect(cache.fetches()).toBe(1);
    clock += 1;
    await resolve(cache.getKey, 'key-a');
    expect(cache.fetches()).toBe(2);
    expect(requests).toBe(2);
  });

  it('never keeps it longer than its cap, and does not keep a no-store answer', async () => {
    served.cacheControl = 'max-age=999999';
    const capped = cacheWith(2 * 3600);
    await resolve(capped.getKey, 'key-a');
    clock += 2 * HOUR;
    await resolve(capped.getKey, 'key-a');
    expect(capped.fetches()).toBe(2);

    served.cacheControl = 'no-store';
    const uncached = cacheWith();
    await resolve(uncached.getKey, 'key-a');
    await resolve(uncached.getKey, 'key-a');
    expect(uncached.fetches()).toBe(2);
  });

  it('refuses a kid it has not fetched yet, until its copy is old enough to refetch', async () => {
    const cache = cacheWith();
    await resolve(cache.getKey, 'key-a');
    // The app publishes key-b and signs with it at once: the EHR's copy is fresh, so it refuses.
    served.keys = [keyA, keyB];
    clock += 299_000;
    expect(await refusal(cache.getKey, 'key-b')).toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(cache.fetches()).toBe(1);
    // Five minutes on, an unknown kid makes it refetch, and key-b is found.
    clock += 1_000;
    expect(await resolve(cache.getKey, 'key-b')).toBeDefined();
    expect(cache.fetches()).toBe(2);
    // A kid that is nowhere is refused after the refetch too, and the next try waits again.
    clock += 300_000;
    expect(await refusal(cache.getKey, 'key-z')).toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(await refusal(cache.getKey, 'key-z')).toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(cache.fetches()).toBe(3);
  });

  it('matches the algorithm and use as well as the kid', async () => {
    served.keys = [
      { ...keyA, alg: 'RS384' },
      { ...keyB, kid: 'key-a', use: 'enc' },
    ];
    expect(await refusal(cacheWith().getKey, 'key-a')).toBeInstanceOf(errors.JWKSNoMatchingKey);
  });

  it('fails on an error answer or a body that is not a JWKS', async () => {
    served.status = 500;
    expect(await refusal(cacheWith().getKey, 'key-a')).toBeInstanceOf(errors.JOSEError);
    served = { status: 200, cacheControl: undefined, keys: 'none' as unknown as JWK[] };
    expect(await refusal(cacheWith().getKey, 'key-a')).toBeInstanceOf(errors.JWKSInvalid);
  });
});
