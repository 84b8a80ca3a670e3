import { describe, expect, it } from 'vitest';
import type { DraftStreamEvent } from '../../server/contract/note-draft.ts';
import { fakeFetch, type Responder } from '../test-support/fake-fetch.ts';
import {
  ndjson,
  notFound,
  sampleOptions,
  sampleRecord,
  sampleTemplates,
} from '../test-support/sample-draft.ts';
import { createApiClient } from './client.ts';
import { createDraftApi } from './draft-api.ts';

function api(reply: Responder, sessionToken?: string) {
  const server = fakeFetch(reply);
  const client = createApiClient({
    launchId: 'L1',
    fetch: server.fetch,
    ...(sessionToken ? { sessionToken } : {}),
  });
  return { server, draft: createDraftApi(client) };
}

const request = { templateId: 'soap-progress', input: { kind: 'transcript' as const, text: 'x' } };

describe('createDraftApi', () => {
  it('reads templates, options and the stored draft from the launch paths, with the token', async () => {
    const { server, draft } = api((what) => {
      if (what === 'templates') return { body: sampleTemplates() };
      if (what === 'drafting') return { body: sampleOptions() };
      return { body: sampleRecord() };
    }, 'tok');
    expect((await draft.templates()).map((t) => t.id)).toEqual(['soap-progress', 'diabetes-follow-up']);
    expect((await draft.options()).maxInputChars).toBe(1000);
    expect((await draft.load())?.version).toBe(3);
    expect(server.calls).toEqual([
      '/api/launches/L1/templates',
      '/api/launches/L1/drafting',
      '/api/launches/L1/draft',
    ]);
    expect(server.headers.every((h) => h.get('Authorization') === 'Bearer tok')).toBe(true);
  });

  it('answers null for an encounter with no draft yet, and rethrows other failures', async () => {
    expect(await api(() => notFound).draft.load()).toBeNull();
    const other = api(() => ({ status: 404, body: { error: 'session_unknown', message: 'x' } }));
    await expect(other.draft.load()).rejects.toMatchObject({ code: 'session_unknown' });
  });

  it('refuses answers that are not what the contract says', async () => {
    await expect(api(() => ({ body: { id: 1 } })).draft.load()).rejects.toMatchObject({
      code: 'bad_response',
    });
    await expect(api(() => ({ body: { a: 1 } })).draft.templates()).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('saves with PUT, the body as JSON, and keepalive when asked', async () => {
    const { server, draft } = api(() => ({ body: sampleRecord({ version: 4 }) }));
    const saved = await draft.save({ baseVersion: 3, status: 'ready_to_sign' }, { keepalive: true });
    expect(saved.version).toBe(4);
    expect(server.requests[0]).toMatchObject({
      path: '/api/launches/L1/draft',
      method: 'PUT',
      body: { baseVersion: 3, status: 'ready_to_sign' },
      keepalive: true,
    });
    expect(server.headers[0]?.get('Content-Type')).toBe('application/json');
    await draft.save({ baseVersion: 4 });
    expect(server.requests[1]?.keepalive).toBe(false);
  });

  it('a stale save is a conflict', async () => {
    const { draft } = api(() => ({
      status: 409,
      body: { error: 'conflict', message: 'Changed elsewhere.' },
    }));
    await expect(draft.save({ baseVersion: 1 })).rejects.toMatchObject({ code: 'conflict', status: 409 });
  });

  it('streams progress, then answers the stored draft', async () => {
    const events: DraftStreamEvent[] = [
      { type: 'progress', section: 'subjective', text: 'Night-time cough.' },
      { type: 'progress', text: 'Continue metformin.' },
      { type: 'done', draft: sampleRecord({ version: 5 }) },
    ];
    const body = ndjson(events);
    const { server, draft } = api(() => ({
      stream: [body.slice(0, 30), body.slice(30, 31), body.slice(31)],
    }));
    const seen: string[] = [];
    const record = await draft.generate(request, { onProgress: (e) => seen.push(e.text) });
    expect(record.version).toBe(5);
    expect(seen).toEqual(['Night-time cough.', 'Continue metformin.']);
    expect(server.requests[0]).toMatchObject({
      path: '/api/launches/L1/draft/generate',
      method: 'POST',
      body: request,
    });
    expect(server.headers[0]?.get('Accept')).toContain('application/x-ndjson');
  });

  it('turns an error event into an ApiError with its code and message', async () => {
    const { draft } = api(() => ({
      stream: [ndjson([{ type: 'error', error: 'provider_failed', message: 'The model did not answer.' }])],
    }));
    await expect(draft.generate(request, {})).rejects.toMatchObject({
      code: 'provider_failed',
      message: 'The model did not answer.',
    });
  });

  it('says so when the stream ends without an answer, or sends something else', async () => {
    const cut = api(() => ({ stream: [ndjson([{ type: 'progress', text: 'a' }])] }));
    await expect(cut.draft.generate(request, {})).rejects.toMatchObject({ code: 'incomplete' });
    const odd = api(() => ({ stream: ['{"type":"weird"}\n'] }));
    await expect(odd.draft.generate(request, {})).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('passes on an error answered before the stream starts (413 too large)', async () => {
    const { draft } = api(() => ({
      status: 413,
      body: { error: 'payload_too_large', message: 'The input is too long.', requestId: 'r-9' },
    }));
    await expect(draft.generate(request, {})).rejects.toMatchObject({
      code: 'payload_too_large',
      status: 413,
      requestId: 'r-9',
    });
  });

  it('Cancel aborts the request and reads as cancelled, before or during the stream', async () => {
    const before = new AbortController();
    before.abort();
    const early = api(() => ({ stream: [ndjson([{ type: 'progress', text: 'a' }])] }));
    await expect(early.draft.generate(request, { signal: before.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });

    const during = new AbortController();
    let push: (text: string) => void = () => undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    const { server, draft } = api(() => ({ stream }));
    const progress: string[] = [];
    const pending = draft.generate(request, {
      signal: during.signal,
      onProgress: (e) => {
        progress.push(e.text);
        during.abort();
      },
    });
    await expect.poll(() => server.requests.length).toBe(1);
    push(ndjson([{ type: 'progress', text: 'first' }]));
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress).toEqual(['first']);
    expect(server.requests[0]?.signal?.aborted).toBe(true);
  });

  it('a broken connection mid-stream speaks plainly', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError('network error'));
      },
    });
    const { draft } = api(() => ({ stream }));
    await expect(draft.generate(request, {})).rejects.toMatchObject({ code: 'network' });
  });
});
