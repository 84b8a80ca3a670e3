import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './fake-openai-server.ts';

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const post = (body: unknown, path = '/v1/chat/completions') =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify(body),
  });

describe('fake OpenAI-compatible server', () => {
  it('streams scripted content as SSE chunks, with reasoning, finish reason, usage and [DONE]', async () => {
    server.enqueue({
      content: 'hello world',
      chunkSize: 4,
      reasoningContent: 'hm',
      finishReason: 'length',
      usage: { prompt_tokens: 1, completion_tokens: 2 },
    });
    const res = await post({
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [],
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((e) => e.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map(
      (e) =>
        JSON.parse(e) as {
          choices: { delta: Record<string, string>; finish_reason: string | null }[];
          usage?: unknown;
        },
    );
    expect(chunks.flatMap((c) => c.choices.map((ch) => ch.delta.content ?? '')).join('')).toBe('hello world');
    expect(chunks.flatMap((c) => c.choices.map((ch) => ch.delta.reasoning_content ?? '')).join('')).toBe(
      'hm',
    );
    expect(chunks.flatMap((c) => c.choices.map((ch) => ch.finish_reason)).filter(Boolean)).toEqual([
      'length',
    ]);
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 1, completion_tokens: 2 });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      body: { model: 'm', stream: true },
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer k');
  });

  it('answers plain JSON without streaming, statuses with Retry-After, and 404 elsewhere', async () => {
    server.enqueue({ content: '{}' }, { kind: 'error', status: 429, retryAfter: '2' });
    const plain = (await (await post({ model: 'm', messages: [] })).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(plain.choices[0]?.message.content).toBe('{}');
    const limited = await post({ stream: true });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await post({})).status).toBe(500);
    expect((await post({}, '/v1/embeddings')).status).toBe(404);
    const models = (await (await fetch(`${server.baseUrl}/models`)).json()) as { data: { id: string }[] };
    expect(models.data[0]?.id).toBe('fake-model');
  });

  it('drops connections before or during a stream, and answers from a script when the queue is empty', async () => {
    server.enqueue({ kind: 'drop' }, { content: 'x'.repeat(100), chunkSize: 10, dropAfterChunks: 2 });
    await expect(post({ stream: true })).rejects.toThrow();
    const partial = await post({ stream: true });
    await expect(partial.text()).rejects.toThrow();
    server.otherwise((req, index) => ({ content: `${index}:${String(req.body?.model)}` }));
    const scripted = (await (await post({ model: 'm' })).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(scripted.choices[0]?.message.content).toBe('2:m');
    const raw = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: 'not json' });
    expect(raw.status).toBe(200);
    expect(server.requests.at(-1)?.body).toBeUndefined();
  });

  it('delays, hangs, and closes with requests still open', async () => {
    server.enqueue(
      { kind: 'error', status: 503, delayMs: 50 },
      { content: 'slow', delayMs: 50 },
      { kind: 'hang' },
    );
    const started = Date.now();
    expect((await post({})).status).toBe(503);
    expect((await post({})).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const hanging = post({}).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    expect(await hanging).toBeInstanceOf(Error);
    server = await startFakeOpenAiServer();
  });
});
