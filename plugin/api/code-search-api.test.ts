import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../test-support/fake-fetch.ts';
import { createApiClient } from './client.ts';
import { checkSearchResult, createCodeSearchApi } from './code-search-api.ts';

const good = {
  release: 'seed',
  hits: [
    {
      code: 'I10',
      description: 'Essential (primary) hypertension',
      billable: true,
      score: 1230,
      matchedBy: 'abbreviation',
    },
  ],
};

describe('code search API', () => {
  it('asks for the text and the limit, encoded, with the session token', async () => {
    const server = fakeFetch(() => ({ body: good }));
    const api = createCodeSearchApi(
      createApiClient({ launchId: 'L 1', sessionToken: 'tok', fetch: server.fetch }),
    );
    expect(await api.search('otitis media, left & right', { limit: 5 })).toEqual(good);
    expect(server.calls).toEqual([
      '/api/launches/L%201/codes/search?q=otitis+media%2C+left+%26+right&limit=5',
    ]);
    expect(server.headers[0]!.get('Authorization')).toBe('Bearer tok');
    await api.search('htn');
    expect(server.calls[1]).toBe('/api/launches/L%201/codes/search?q=htn');
  });

  it('refuses an answer that is not a search result', () => {
    for (const bad of [
      null,
      {},
      { release: 'seed' },
      { release: 'seed', hits: [{ code: 'I10' }] },
      { hits: [] },
    ]) {
      expect(() => checkSearchResult(bad)).toThrow(expect.objectContaining({ code: 'bad_response' }));
    }
    expect(checkSearchResult({ release: '2026', hits: [] })).toEqual({ release: '2026', hits: [] });
  });

  it('passes the server error on, and a cancel as cancelled', async () => {
    const server = fakeFetch(() => ({
      status: 400,
      body: { error: 'bad_request', message: 'The search text is longer than 100 characters.' },
    }));
    const api = createCodeSearchApi(createApiClient({ launchId: 'L1', fetch: server.fetch }));
    await expect(api.search('x'.repeat(101))).rejects.toMatchObject({ code: 'bad_request', status: 400 });
    const abort = new AbortController();
    abort.abort();
    await expect(api.search('htn', { signal: abort.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
