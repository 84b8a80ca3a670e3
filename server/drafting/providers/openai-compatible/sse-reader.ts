/**
 * A small reader for server-sent events, the framing of streamed chat completions: yields the
 * `data` of each event (multi-line data joined with `\n`), skipping comments and other fields.
 * Written here rather than taken from a client library so the provider stays dependency-free
 * and its behaviour on a dropped connection is ours to test: the body's read error propagates.
 *
 * @module
 */

export async function* readSseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];

  const takeLine = (line: string): string | undefined => {
    if (line === '') {
      const event = data.length > 0 ? data.join('\n') : undefined;
      data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return undefined;
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    data.push(value);
    return undefined;
  };

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A lone \r may be followed by \n in the next chunk, so keep a trailing \r for later.
      const lines = buffer.split(/\r\n|\n|\r(?!$)/);
      buffer = done ? '' : (lines.pop() ?? '');
      if (done && lines.at(-1) !== '') lines.push('');
      for (const line of lines) {
        const event = takeLine(line.replace(/\r$/, ''));
        if (event !== undefined) yield event;
      }
      if (done) return;
    }
  } finally {
    // Stopping early (at `[DONE]`, or on an error) must not leave the connection open.
    await reader.cancel().catch(() => undefined);
  }
}
