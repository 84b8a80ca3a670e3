import { describe, expect, it } from 'vitest';
import { readChatCompletion, StreamBrokenError } from './chat-completion-response.ts';

const sse = (events: readonly string[]) =>
  new Response(events.map((e) => `data: ${e}\n\n`).join(''), {
    headers: { 'content-type': 'text/event-stream' },
  });
const delta = (content: unknown, finish: string | null = null) =>
  JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] });

describe('readChatCompletion', () => {
  it('assembles content deltas, ignores reasoning deltas, keeps finish reason and usage', async () => {
    const texts: string[] = [];
    const completion = await readChatCompletion(
      sse([
        JSON.stringify({ choices: [{ delta: { reasoning_content: 'hmm' } }] }),
        delta('{"a"'),
        delta(null),
        delta(':1}', 'length'),
        JSON.stringify({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 } }),
        '[DONE]',
      ]),
      (t) => texts.push(t),
    );
    expect(completion).toEqual({
      text: '{"a":1}',
      finishReason: 'length',
      usage: { promptTokens: 3, completionTokens: 2 },
    });
    expect(texts).toEqual(['{"a"', '{"a":1}']);
  });

  it('accepts a stream that finishes without [DONE], and maps unknown finish reasons to other', async () => {
    expect(await readChatCompletion(sse([delta('x', 'content_filter')]))).toEqual({
      text: 'x',
      finishReason: 'other',
    });
  });

  it('treats an early end, an error event or an unreadable event as a broken stream', async () => {
    await expect(readChatCompletion(sse([delta('x')]))).rejects.toBeInstanceOf(StreamBrokenError);
    await expect(readChatCompletion(sse(['{"error":{"message":"overloaded"}}']))).rejects.toThrow(
      'error event',
    );
    await expect(readChatCompletion(sse(['not json']))).rejects.toThrow('unreadable');
    await expect(readChatCompletion(sse(['42']))).rejects.toThrow('unreadable');
    await expect(readChatCompletion(new Response(null))).rejects.toThrow('empty response');
  });

  it('reads a plain JSON answer', async () => {
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    const texts: string[] = [];
    expect(
      await readChatCompletion(
        json({ choices: [{ message: { content: '{}' }, finish_reason: 'stop' }] }),
        (t) => texts.push(t),
      ),
    ).toEqual({ text: '{}', finishReason: 'stop' });
    expect(texts).toEqual(['{}']);
    await expect(readChatCompletion(json({ choices: [] }))).rejects.toThrow('without content');
  });
});
