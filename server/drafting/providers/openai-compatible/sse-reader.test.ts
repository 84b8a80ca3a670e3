import { describe, expect, it } from 'vitest';
import { readSseData } from './sse-reader.ts';

function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readSseData(streamOf(chunks))) out.push(data);
  return out;
}

describe('readSseData', () => {
  it('yields the data of each event, across chunk boundaries and line endings', async () => {
    expect(await collect(['data: {"a":', '1}\n\nda', 'ta: two\r\n\r\n', 'data: three\r', '\n\r\n'])).toEqual([
      '{"a":1}',
      'two',
      'three',
    ]);
  });

  it('joins multi-line data, skips comments and other fields, and keeps a value without a space', async () => {
    expect(await collect([': keep-alive\n\nevent: x\nid: 7\ndata:first\ndata: second\nretry\n\n'])).toEqual([
      'first\nsecond',
    ]);
  });

  it('dispatches a last event that was not followed by a blank line, and ignores empty events', async () => {
    expect(await collect(['\n\ndata: [DONE]'])).toEqual(['[DONE]']);
    expect(await collect(['data\n\n'])).toEqual(['']);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: é\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    const out: string[] = [];
    for await (const data of readSseData(stream)) out.push(data);
    expect(out).toEqual(['é']);
  });

  it('passes a read error on and cancels the stream when the consumer stops early', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError('terminated'));
      },
    });
    await expect(collectFrom(failing)).rejects.toThrow('terminated');

    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: x\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const data of readSseData(endless)) {
      expect(data).toBe('x');
      break;
    }
    expect(cancelled).toBe(true);
  });
});

async function collectFrom(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readSseData(stream)) out.push(data);
  return out;
}
