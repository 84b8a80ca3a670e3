import { describe, expect, it } from 'vitest';
import { chunkStream } from '../test-support/fake-fetch.ts';
import { readNdjson } from './ndjson.ts';

async function all(stream: ReadableStream<Uint8Array>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const value of readNdjson(stream)) out.push(value);
  return out;
}

function byteStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('readNdjson', () => {
  it('yields one value per line, whatever the chunk boundaries', async () => {
    const body = '{"type":"progress","text":"a"}\n{"type":"progress","text":"b"}\n{"type":"done"}\n';
    const expected = [{ type: 'progress', text: 'a' }, { type: 'progress', text: 'b' }, { type: 'done' }];
    expect(await all(chunkStream([body]))).toEqual(expected);
    expect(await all(chunkStream(body.split('')))).toEqual(expected);
    expect(await all(chunkStream([body.slice(0, 7), body.slice(7, 40), body.slice(40)]))).toEqual(expected);
  });

  it('keeps a multi-byte character split across chunks whole', async () => {
    const bytes = new TextEncoder().encode('{"text":"Größe 5 µg — ✓"}\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ö"
    expect(await all(byteStream([bytes.slice(0, cut), bytes.slice(cut)]))).toEqual([
      { text: 'Größe 5 µg — ✓' },
    ]);
  });

  it('skips blank lines and reads a last line without its newline', async () => {
    expect(await all(chunkStream(['\n{"a":1}\r\n\n  \n{"b":2}']))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('rejects a line that is not JSON with an ApiError', async () => {
    await expect(all(chunkStream(['{"a":1}\n<html>\n']))).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":1}\n{"a":2}\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const value of readNdjson(stream)) {
      expect(value).toEqual({ a: 1 });
      break;
    }
    expect(cancelled).toBe(true);
  });
});

describe('readNdjson with a signal', () => {
  it('stops a read that waits for the next chunk when the signal aborts', async () => {
    const abort = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":1}\n'));
      },
    });
    const seen: unknown[] = [];
    const reading = (async () => {
      for await (const value of readNdjson(stream, abort.signal)) seen.push(value);
    })();
    await expect.poll(() => seen.length).toBe(1);
    abort.abort();
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('stops between lines of one chunk', async () => {
    const abort = new AbortController();
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const value of readNdjson(chunkStream(['{"a":1}\n{"a":2}\n']), abort.signal)) {
          seen.push(value);
          abort.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen).toEqual([{ a: 1 }]);
  });
});
