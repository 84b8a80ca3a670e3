/**
 * Reads one chat-completions answer into a `Completion`: the streamed form (server-sent events of
 * `choices[0].delta.content`, an optional usage chunk, `data: [DONE]`) or, for servers that ignore
 * `stream: true`, the plain JSON form. `reasoning_content` deltas (DeepSeek, vLLM and llama.cpp
 * reasoning parsers) are ignored: only the answer counts. A stream that ends before it says it is
 * finished is a broken connection, not an answer.
 *
 * @module
 */
import type { Completion, FinishReason, TokenUsage } from '../model-completion.ts';
import { readSseData } from './sse-reader.ts';

/** The connection or the stream broke; worth another attempt. */
export class StreamBrokenError extends Error {
  override readonly name = 'StreamBrokenError';
}

interface WireUsage {
  readonly prompt_tokens?: unknown;
  readonly completion_tokens?: unknown;
}

interface WireChoice {
  readonly delta?: { readonly content?: unknown };
  readonly message?: { readonly content?: unknown };
  readonly finish_reason?: unknown;
}

interface WireChunk {
  readonly choices?: readonly WireChoice[];
  readonly usage?: WireUsage | null;
  readonly error?: unknown;
}

function toUsage(usage: WireUsage | null | undefined): TokenUsage | undefined {
  if (!usage || typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number') {
    return undefined;
  }
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
}

function toFinishReason(value: unknown): FinishReason {
  if (value === 'stop' || value === 'length') return value;
  return 'other';
}

function parseChunk(data: string): WireChunk {
  try {
    const value: unknown = JSON.parse(data);
    if (value !== null && typeof value === 'object') return value;
  } catch {
    // fall through
  }
  throw new StreamBrokenError('unreadable stream event');
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  onText?: (textSoFar: string) => void,
): Promise<Completion> {
  let text = '';
  let finish: unknown;
  let usage: TokenUsage | undefined;
  let done = false;
  for await (const data of readSseData(body)) {
    if (data.trim() === '[DONE]') {
      done = true;
      break;
    }
    const chunk = parseChunk(data);
    // Some servers report a failure inside an open stream; the body is not passed on.
    if (chunk.error !== undefined) throw new StreamBrokenError('error event in stream');
    usage = toUsage(chunk.usage) ?? usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    if (typeof choice.delta?.content === 'string' && choice.delta.content.length > 0) {
      text += choice.delta.content;
      onText?.(text);
    }
    if (choice.finish_reason != null) finish = choice.finish_reason;
  }
  if (!done && finish === undefined) throw new StreamBrokenError('stream ended early');
  return usage
    ? { text, finishReason: toFinishReason(finish), usage }
    : { text, finishReason: toFinishReason(finish) };
}

async function readJson(response: Response, onText?: (textSoFar: string) => void): Promise<Completion> {
  const body = parseChunk(await response.text());
  const choice = body.choices?.[0];
  const content = choice?.message?.content;
  if (typeof content !== 'string') throw new StreamBrokenError('answer without content');
  onText?.(content);
  const usage = toUsage(body.usage);
  const finishReason = toFinishReason(choice?.finish_reason);
  return usage ? { text: content, finishReason, usage } : { text: content, finishReason };
}

/** Reads a successful (2xx) response. */
export async function readChatCompletion(
  response: Response,
  onText?: (textSoFar: string) => void,
): Promise<Completion> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return readJson(response, onText);
  if (!response.body) throw new StreamBrokenError('empty response');
  return readStream(response.body, onText);
}
