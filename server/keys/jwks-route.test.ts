import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../http/pipeline.ts';
import { anyFrameAncestor } from '../http/security-headers.ts';
import { listen, type HttpListener } from '../lifecycle/http-server.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { generateClientKeys, loadClientKeys, type ClientKeyStore } from './client-keys.ts';
import { jwksRoutes } from './jwks-route.ts';

let listener: HttpListener;
let store: ClientKeyStore;
let url: string;

beforeAll(async () => {
  store = await loadClientKeys(await generateClientKeys());
  const app = createPipeline(
    { log: createMemoryLog().log, frameAncestors: anyFrameAncestor, hsts: false },
    (a) => a.use(jwksRoutes(store)),
  );
  listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  url = `http://127.0.0.1:${listener.port}`;
});
afterAll(() => listener.close(0));

describe('GET /.well-known/jwks.json', () => {
  it('serves the public JWKS as JSON, cacheable for an hour', async () => {
    const res = await fetch(`${url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(body).toEqual(await store.publicJwks());
    expect(body.keys.map((k) => k.alg)).toEqual(['RS384', 'ES384']);
    expect(JSON.stringify(body)).not.toMatch(/"(d|p|q|dp|dq|qi)":/);
  });

  it('answers only GET', async () => {
    const res = await fetch(`${url}/.well-known/jwks.json`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});
