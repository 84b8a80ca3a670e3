/**
 * One `CompleteFn` over an OpenAI-compatible `POST {baseUrl}/chat/completions`: OpenAI, Azure
 * OpenAI (`api-version` query and `api-key` header), vLLM, llama.cpp's server, Ollama's `/v1`.
 * Streams the answer with a strict JSON schema and temperature 0, gives each attempt its own
 * timeout (joined to the caller's signal), and retries what may pass by itself. A caller's abort
 * stops at once, without a retry. Logs carry attempt numbers, statuses and durations only.
 *
 * @module
 */
import type { FetchLike } from '../../../../launch/discovery.ts';
import { isAppError } from '../../../errors/app-error.ts';
import type { Logger } from '../../../observability/logger.ts';
import { draftJsonSchema } from '../draft-json-schema.ts';
import type { CompleteFn, Completion, CompletionRequest } from '../model-completion.ts';
import { modelRejected, modelTimeout, modelUnavailable } from '../model-errors.ts';
import { readChatCompletion } from './chat-completion-response.ts';
import { abortableSleep, isRetryableStatus, parseRetryAfter, retryDelay } from './retry-policy.ts';

export interface ChatCompletionsClientOptions {
  /** `https://api.openai.com/v1`, `http://127.0.0.1:8080/v1`, an Azure deployment URL, … */
  readonly baseUrl: string;
  readonly apiKey?: string;
  /** `authorization` (Bearer, the default) or `api-key` (Azure OpenAI key auth). */
  readonly apiKeyHeader?: 'authorization' | 'api-key';
  /** Azure OpenAI's `api-version` query parameter. */
  readonly apiVersion?: string;
  readonly model: string;
  readonly fetch?: FetchLike;
  /** Per attempt, from request to the stream's end. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryBaseMs: number;
  /** The longest single wait between attempts, `Retry-After` included. Default 30 s. */
  readonly maxRetryDelayMs?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly log?: Logger;
}

type Failure =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs?: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly cause: unknown };

export function chatCompletionsUrl(baseUrl: string, apiVersion?: string): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
  return apiVersion ? `${url}?api-version=${encodeURIComponent(apiVersion)}` : url;
}

export function createChatCompletionsClient(options: ChatCompletionsClientOptions): CompleteFn {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const url = chatCompletionsUrl(options.baseUrl, options.apiVersion);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (options.apiKey) {
    if (options.apiKeyHeader === 'api-key') headers['api-key'] = options.apiKey;
    else headers.authorization = `Bearer ${options.apiKey}`;
  }

  const attempt = async (
    request: CompletionRequest,
    body: string,
    signal: AbortSignal,
  ): Promise<Completion | Failure> => {
    const response = await fetchFn(url, { method: 'POST', headers, body, signal });
    if (!response.ok) {
      // The body may echo the prompt, so it is discarded unread.
      await response.body?.cancel().catch(() => undefined);
      if (!isRetryableStatus(response.status)) throw modelRejected(response.status);
      return {
        kind: 'status',
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      };
    }
    return readChatCompletion(response, request.onText);
  };

  return async (request) => {
    const body = JSON.stringify({
      model: options.model,
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'note_draft',
          strict: true,
          schema: draftJsonSchema(request.sectionKeys, 'openai-strict'),
        },
      },
    });
    const caller = request.signal;
    let failure: Failure | undefined;
    for (let n = 0; n <= options.maxRetries; n++) {
      caller?.throwIfAborted();
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
      const started = Date.now();
      try {
        const outcome = await attempt(request, body, signal);
        if ('text' in outcome) return outcome;
        failure = outcome;
      } catch (err) {
        if (caller?.aborted) throw caller.reason;
        if (isAppError(err)) {
          options.log?.warn('drafting model refused', { errCode: err.code, attempt: n + 1 });
          throw err;
        }
        failure = timeout.aborted ? { kind: 'timeout' } : { kind: 'network', cause: err };
      }
      const last = n === options.maxRetries;
      const delayMs = last
        ? 0
        : retryDelay(
            n,
            { baseMs: options.retryBaseMs, maxMs: options.maxRetryDelayMs ?? 30_000, random },
            failure.kind === 'status' ? failure.retryAfterMs : undefined,
          );
      options.log?.warn('drafting model attempt failed', {
        attempt: n + 1,
        of: options.maxRetries + 1,
        reason: failure.kind,
        status: failure.kind === 'status' ? failure.status : undefined,
        durationMs: Date.now() - started,
        retryInMs: last ? undefined : delayMs,
      });
      if (!last) await sleep(delayMs, caller);
    }
    if (failure?.kind === 'timeout') throw modelTimeout();
    if (failure?.kind === 'status') throw modelUnavailable(`HTTP ${failure.status}`);
    throw modelUnavailable('no answer from the server', failure?.cause);
  };
}
