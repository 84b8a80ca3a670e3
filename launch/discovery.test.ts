import { describe, expect, it } from 'vitest';
import {
  createDiscoveryCache,
  DiscoveryError,
  fetchSmartConfiguration,
  supportsAuthorizePost,
} from './discovery.ts';

const GOOD = {
  issuer: 'https://ehr.example.org/oauth2',
  authorization_endpoint: 'https://ehr.example.org/oauth2/authorize',
  token_endpoint: 'https://ehr.example.org/oauth2/token',
  capabilities: ['launch-ehr', 'authorize-post'],
  code_challenge_methods_supported: ['S256'],
};

function answering(body: unknown, status = 200) {
  const calls: string[] = [];
  const fetchFn = (url: string) => {
    calls.push(url);
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  };
  return { calls, fetchFn };
}

describe('fetchSmartConfiguration', () => {
  it('reads the well-known document under the FHIR base', async () => {
    const { calls, fetchFn } = answering(GOOD);
    const config = await fetchSmartConfiguration('https://ehr.example.org/fhir/r4/', fetchFn);
    expect(calls).toEqual(['https://ehr.example.org/fhir/r4/.well-known/smart-configuration']);
    expect(config.token_endpoint).toBe(GOOD.token_endpoint);
    expect(supportsAuthorizePost(config)).toBe(true);
  });

  it('refuses a configuration without PKCE S256', async () => {
    const { fetchFn } = answering({ ...GOOD, code_challenge_methods_supported: ['plain'] });
    await expect(fetchSmartConfiguration('https://ehr.example.org/fhir', fetchFn)).rejects.toThrow(/S256/);
  });

  it('names the missing fields of an invalid document', async () => {
    const { fetchFn } = answering({ capabilities: [] });
    const err = await fetchSmartConfiguration('https://ehr.example.org/fhir', fetchFn).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DiscoveryError);
    expect((err as DiscoveryError).reason).toBe('invalid');
    expect((err as Error).message).toContain('authorization_endpoint');
  });

  it('reports an HTTP error and an unreachable server', async () => {
    const { fetchFn } = answering({}, 503);
    await expect(fetchSmartConfiguration('https://a.example', fetchFn)).rejects.toMatchObject({
      reason: 'http_error',
    });
    const down = () => Promise.reject(new TypeError('fetch failed'));
    await expect(fetchSmartConfiguration('https://a.example', down)).rejects.toMatchObject({
      reason: 'unreachable',
    });
  });
});

describe('createDiscoveryCache', () => {
  it('fetches once per TTL and retries after a failure', async () => {
    let now = 0;
    let fail = true;
    const calls: string[] = [];
    const cache = createDiscoveryCache({
      ttlMs: 1000,
      now: () => now,
      fetch: (url) => {
        calls.push(url);
        if (fail) return Promise.reject(new TypeError('down'));
        return Promise.resolve(new Response(JSON.stringify(GOOD)));
      },
    });
    await expect(cache.get('https://a.example')).rejects.toBeInstanceOf(DiscoveryError);
    fail = false;
    await cache.get('https://a.example');
    await cache.get('https://a.example');
    expect(calls).toHaveLength(2);
    now = 1500;
    await cache.get('https://a.example');
    expect(calls).toHaveLength(3);
    cache.forget('https://a.example');
    await cache.get('https://a.example');
    expect(calls).toHaveLength(4);
  });
});
