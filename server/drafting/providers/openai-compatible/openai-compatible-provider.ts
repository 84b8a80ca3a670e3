/**
 * The `openai-compatible` drafting provider: any server that speaks chat completions with JSON
 * schema output (OpenAI, Azure OpenAI, vLLM, llama.cpp's server, Ollama). The HTTP side lives in
 * {@link ./chat-completions-client.ts}, the drafting method (windows, section groups, repair) in
 * {@link ../model-drafting.ts}; this module wires them with defaults.
 *
 * @module
 */
import type { DraftingProvider } from '../../provider.ts';
import { draftWithModel } from '../model-drafting.ts';
import { createChatCompletionsClient, type ChatCompletionsClientOptions } from './chat-completions-client.ts';

export interface OpenAiCompatibleProviderOptions extends Omit<
  ChatCompletionsClientOptions,
  'timeoutMs' | 'maxRetries' | 'retryBaseMs'
> {
  /** Per attempt. Default 120 s (a whole note streams from a small server in about a minute). */
  readonly timeoutMs?: number;
  /** Default 2 (three attempts). */
  readonly maxRetries?: number;
  /** Default 500 ms. */
  readonly retryBaseMs?: number;
  /** Serialized input segments per call. Default 24 000 characters (about 6 000 tokens). */
  readonly maxInputChars?: number;
  readonly overlapSegments?: number;
  readonly maxSectionsPerCall?: number;
  readonly progressIntervalMs?: number;
}

export function createOpenAiCompatibleProvider(options: OpenAiCompatibleProviderOptions): DraftingProvider {
  const log = options.log?.child({ provider: 'openai-compatible', model: options.model });
  const complete = createChatCompletionsClient({
    ...options,
    log,
    timeoutMs: options.timeoutMs ?? 120_000,
    maxRetries: options.maxRetries ?? 2,
    retryBaseMs: options.retryBaseMs ?? 500,
  });
  return {
    name: 'openai-compatible',
    async draft(request, call) {
      const result = await draftWithModel(
        request,
        {
          complete,
          maxInputChars: options.maxInputChars ?? 24_000,
          overlapSegments: options.overlapSegments,
          maxSectionsPerCall: options.maxSectionsPerCall,
          progressIntervalMs: options.progressIntervalMs,
          log,
        },
        call,
      );
      return result.usage
        ? { draft: result.draft, model: options.model, usage: result.usage }
        : { draft: result.draft, model: options.model };
    },
  };
}
