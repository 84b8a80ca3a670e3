/**
 * A real HTTP server on 127.0.0.1, port 0, that speaks enough of the OpenAI chat-completions
 * protocol to test model-backed providers over the wire: streamed (server-sent events) and plain
 * JSON answers, scripted per request. A script can delay, fail with a status (429 with
 * `Retry-After`, 500, 503), hang, drop the connection before or in the middle of a stream, send
 * reasoning, stop at `length`, or answer anything at all (invalid JSON, schema violations). Every
 * request is recorded (path, query, headers, parsed body) so tests can assert what was sent.
 *
 * @module
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCompletion {
  readonly kind?: 'completion';
  /** The assistant's answer, sent in `chunkSize` pieces when streaming. */
  readonly content: string;
  /** Sent first as `reasoning_content` deltas (streaming only), which clients must ignore. */
  readonly reasoningContent?: string;
  readonly finishReason?: 'stop' | 'length';
  /** Sent when the request asks for it (`stream_options.include_usage`, or always without streaming). */
  readonly usage?: { readonly prompt_tokens: number; readonly completion_tokens: number };
  readonly chunkSize?: number;
  readonly chunkDelayMs?: number;
  /** Before the response headers. */
  readonly delayMs?: number;
  /** Destroys the connection after this many content chunks, without a finish or `[DONE]`. */
  readonly dropAfterChunks?: number;
  /** Answers plain JSON even when the request asked for a stream (as some servers do). */
  readonly ignoreStream?: boolean;
}

export interface FakeError {
  readonly kind: 'error';
  readonly status: number;
  readonly retryAfter?: string;
  readonly body?: string;
  readonly delayMs?: number;
}

/** `hang`: never answers. `drop`: closes the connection without an answer. */
export type FakeReply = FakeCompletion | FakeError | { readonly kind: 'hang' } | { readonly kind: 'drop' };

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  readonly body: ChatRequestBody | undefined;
}

export interface ChatRequestBody {
  readonly model?: string;
  readonly messages?: readonly { readonly role: string; readonly content: string }[];
  readonly stream?: boolean;
  readonly stream_options?: { readonly include_usage?: boolean };
  readonly temperature?: number;
  readonly response_format?: {
    readonly type: string;
    readonly json_schema?: { readonly name: string; readonly strict?: boolean; readonly schema: unknown };
  };
  readonly [key: string]: unknown;
}

export type ReplyScript = (request: RecordedRequest, index: number) => FakeReply;

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `url + '/v1'`, what a provider's `baseUrl` is set to. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Replies for the next chat-completions requests, in order. */
  enqueue(...replies: FakeReply[]): void;
  /** The reply when the queue is empty (default: a 500 saying the script ran out). */
  otherwise(script: ReplyScript): void;
  close(): Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once the event is handed to the socket, so a drop after it happens mid-stream. */
function sse(res: ServerResponse, value: unknown): Promise<void> {
  return new Promise((resolve) => {
    res.write(`data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`, () => resolve());
  });
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function sendCompletion(
  res: ServerResponse,
  reply: FakeCompletion,
  body: ChatRequestBody,
): Promise<void> {
  const model = body.model ?? 'fake-model';
  const finish = reply.finishReason ?? 'stop';
  const usage = reply.usage ?? { prompt_tokens: 100, completion_tokens: Math.ceil(reply.content.length / 4) };
  if (body.stream !== true || reply.ignoreStream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        model,
        choices: [
          { index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: finish },
        ],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, string>, finishReason: string | null = null) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  await sse(res, chunk({ role: 'assistant', content: '' }));
  for (const piece of pieces(reply.reasoningContent ?? '', reply.chunkSize ?? 16)) {
    await sse(res, chunk({ reasoning_content: piece }));
  }
  let sent = 0;
  for (const piece of pieces(reply.content, reply.chunkSize ?? 16)) {
    if (reply.dropAfterChunks !== undefined && sent >= reply.dropAfterChunks) {
      res.socket?.destroy();
      return;
    }
    if (reply.chunkDelayMs) await wait(reply.chunkDelayMs);
    if (res.destroyed) return;
    await sse(res, chunk({ content: piece }));
    sent++;
  }
  await sse(res, chunk({}, finish));
  if (body.stream_options?.include_usage) await sse(res, { id: 'chatcmpl-fake', choices: [], usage });
  await sse(res, '[DONE]');
  res.end();
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let fallback: ReplyScript = () => ({ kind: 'error', status: 500, body: '{"error":"script ran out"}' });
  let chatIndex = 0;

  const server = createServer((req, res) => {
    // A client that gave up (timeout, abort) closes mid-answer; that is expected here.
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      let body: ChatRequestBody | undefined;
      try {
        body =
          chunks.length > 0
            ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody)
            : undefined;
      } catch {
        body = undefined;
      }
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      void answer(recorded, res);
    });
  });

  const answer = async (request: RecordedRequest, res: ServerResponse) => {
    if (request.method === 'GET' && request.path.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model' }] }));
      return;
    }
    if (request.method !== 'POST' || !request.path.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"not found"}}');
      return;
    }
    const reply = queue.shift() ?? fallback(request, chatIndex);
    chatIndex++;
    switch (reply.kind) {
      case 'hang':
        return;
      case 'drop':
        res.socket?.destroy();
        return;
      case 'error':
        if (reply.delayMs) await wait(reply.delayMs);
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          ...(reply.retryAfter === undefined ? {} : { 'retry-after': reply.retryAfter }),
        });
        res.end(reply.body ?? JSON.stringify({ error: { message: `fake error ${reply.status}` } }));
        return;
      case undefined:
      case 'completion':
        if (reply.delayMs) await wait(reply.delayMs);
        if (res.destroyed) return;
        await sendCompletion(res, reply, request.body ?? {});
        return;
    }
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    otherwise: (script) => {
      fallback = script;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
