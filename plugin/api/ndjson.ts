/**
 * Reads a newline-delimited JSON body (`application/x-ndjson`) as it arrives, one parsed value per
 * line, so a slow drafting model can show progress. Chunks may split a line, or a multi-byte
 * character, anywhere; blank lines are skipped; a last line without its newline still counts.
 * Aborting `signal` stops the read at once with a `cancelled` error, even mid-chunk.
 *
 * @module
 */
import { ApiError } from './api-error.ts';

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new ApiError('bad_response', 'The RevenuePilot server sent an answer the app cannot read.', 502);
  }
}

const cancelled = () => new ApiError('cancelled', 'Cancelled.', 0);

export async function* readNdjson(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<unknown, void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // Cancelling the reader ends a read that is waiting for the next chunk.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop);
  let buffered = '';
  try {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      const { done, value } = await reader.read();
      if (signal?.aborted) throw cancelled();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      // The last piece is an unfinished line until the body ends.
      buffered = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line.trim() !== '') yield parseLine(line);
        if (signal?.aborted) throw cancelled();
      }
      if (done) return;
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    // Stop the download when the caller leaves early (a parse error, or Cancel).
    await reader.cancel().catch(() => undefined);
  }
}
