import { describe, expect, it } from 'vitest';
import { fakeFetch, type Reply } from '../test-support/fake-fetch.ts';
import { sampleDetail, sampleQueue } from '../test-support/sample-review.ts';
import { createApiClient } from './client.ts';
import { createReviewApi } from './review-api.ts';

function api(reply: (path: string) => Reply) {
  const server = fakeFetch((_what, _count, request) => reply(request.path));
  return { server, review: createReviewApi(createApiClient({ launchId: 'L 1', fetch: server.fetch })) };
}

describe('review API client', () => {
  it('sends only the filters given, and names the encounter in the path', async () => {
    const { server, review } = api((path) =>
      path.includes('/queue')
        ? { body: sampleQueue() }
        : path.endsWith('/decisions')
          ? {
              status: 201,
              body: {
                code: 'I10',
                decision: 'accept',
                decidedBy: 'Practitioner/1',
                decidedAt: '2031-01-01T00:00:00Z',
              },
            }
          : { body: sampleDetail() },
    );
    await review.queue({ status: 'pending', payerType: 'medicare' });
    await review.queue({});
    await review.encounter('a/b');
    await review.decide('a/b', { code: 'I10', decision: 'accept' });
    expect(server.calls).toEqual([
      '/api/launches/L%201/review/queue?status=pending&payerType=medicare',
      '/api/launches/L%201/review/queue',
      '/api/launches/L%201/review/encounters/a%2Fb',
      '/api/launches/L%201/review/encounters/a%2Fb/decisions',
    ]);
    expect(server.requests[3]).toMatchObject({ method: 'POST', body: { code: 'I10', decision: 'accept' } });
  });

  it('refuses answers it cannot read', async () => {
    const { review } = api(() => ({ body: { items: 'nope' } }));
    await expect(review.queue({})).rejects.toMatchObject({ code: 'bad_response' });
    await expect(review.encounter('x')).rejects.toMatchObject({ code: 'bad_response' });
    await expect(review.decisions()).rejects.toMatchObject({ code: 'bad_response' });
    await expect(review.decide('x', { code: 'I10', decision: 'accept' })).rejects.toMatchObject({
      code: 'bad_response',
    });
  });
});
