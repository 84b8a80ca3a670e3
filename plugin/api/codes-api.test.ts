import { describe, expect, it } from 'vitest';
import { fakeFetch, type Responder } from '../test-support/fake-fetch.ts';
import { sampleSuggestions } from '../test-support/sample-codes.ts';
import { notFound } from '../test-support/sample-draft.ts';
import { createApiClient } from './client.ts';
import { createCodesApi } from './codes-api.ts';

function api(reply: Responder) {
  const server = fakeFetch(reply);
  return { server, codes: createCodesApi(createApiClient({ launchId: 'L 1', fetch: server.fetch })) };
}

describe('createCodesApi', () => {
  it('reads the latest suggestions from the launch path', async () => {
    const { server, codes } = api(() => ({ body: sampleSuggestions() }));
    const latest = await codes.latest();
    expect(latest?.em.code).toBe('99215');
    expect(server.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/api/launches/L%201/codes']]);
  });

  it('answers null when the coder never ran, and rethrows any other failure', async () => {
    expect(await api(() => notFound).codes.latest()).toBeNull();
    const gone = api(() => ({ status: 404, body: { error: 'session_unknown', message: 'x' } }));
    await expect(gone.codes.latest()).rejects.toMatchObject({ code: 'session_unknown', status: 404 });
    const broken = api(() => ({
      status: 500,
      body: { error: 'internal', message: 'Oops.', requestId: 'r9' },
    }));
    await expect(broken.codes.latest()).rejects.toMatchObject({ code: 'internal', requestId: 'r9' });
  });

  it('suggests with a POST of the overrides as JSON', async () => {
    const { server, codes } = api(() => ({ body: sampleSuggestions({ draftVersion: 9 }) }));
    const result = await codes.suggest({ payerType: 'commercial', minutes: 50, patientStatus: 'new' });
    expect(result.draftVersion).toBe(9);
    expect(server.requests).toMatchObject([
      {
        method: 'POST',
        path: '/api/launches/L%201/codes/suggest',
        body: { payerType: 'commercial', minutes: 50, patientStatus: 'new' },
      },
    ]);
  });

  it('passes the server error on, so the not-found of a missing draft can be told apart', async () => {
    const { codes } = api(() => notFound);
    await expect(codes.suggest({})).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('refuses answers that are not what the contract says', async () => {
    const { em } = sampleSuggestions();
    const shapes: unknown[] = [
      { diagnoses: [] },
      { ...sampleSuggestions(), withheld: undefined },
      { ...sampleSuggestions(), em: { ...em, mdm: { ...em.mdm, risk: {} } } },
      { ...sampleSuggestions(), draftVersion: '7' },
    ];
    for (const body of shapes) {
      await expect(api(() => ({ body })).codes.latest()).rejects.toMatchObject({ code: 'bad_response' });
    }
  });
});
