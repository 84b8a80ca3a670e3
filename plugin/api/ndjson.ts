/**
 * Reads a newline-delimited JSON body (`application/x-ndjson`) as it arrives, one parsed value per
 * line, so a slow drafting model can show progress. Chunks may split a line, or a multi-byte
 * character, anywhere; blank lines are skipped; a last line without its newline still counts.
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

export async function* readNdjson(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown, void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      // The last piece is an unfinished line until the body ends.
      buffered = done ? '' : (lines.pop() ?? '');
      for (const line of lines) {
        if (line.trim() !== '') yield parseLine(line);
      }
      if (done) return;
    }
  } finally {
    // Stop the download when the caller leaves early (a parse error, or Cancel).
    await reader.cancel().catch(() => undefined);
  }
}
