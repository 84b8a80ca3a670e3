/**
 * The drafting providers this server offers, from its configuration: builtin always; the
 * OpenAI-compatible provider when OPENAI_BASE_URL and OPENAI_MODEL are set; llama.cpp when
 * LLAMA_MODEL_PATH is set. A provider that is off says how to turn it on. With DRAFT_RECORDING
 * every provider is wrapped for record (every answer saved) or replay (opt-in per request).
 *
 * @module
 */
import { basename } from 'node:path';
import type { DraftingConfig } from '../config/config.ts';
import type { ProviderName } from '../contract/note-draft.ts';
import type { FetchLike } from '../../launch/discovery.ts';
import type { Logger } from '../observability/logger.ts';
import { createBuiltinProvider } from './builtin/builtin-provider.ts';
import { createDraftingProviders, type DraftingProviders, type ProviderSlot } from './drafting-providers.ts';
import { NEEDS_NODE_LLAMA_CPP } from './providers/llama-cpp/llama-cpp-availability.ts';
import { createLlamaCppProvider } from './providers/llama-cpp/llama-cpp-provider.ts';
import { createOpenAiCompatibleProvider } from './providers/openai-compatible/openai-compatible-provider.ts';
import { createFileRecordingStore } from './providers/record-replay/recording-store.ts';
import { withRecordReplay } from './providers/record-replay/with-record-replay.ts';

export interface ProviderDeps {
  readonly log: Logger;
  readonly fetch?: FetchLike;
}

export function providersFromConfig(config: DraftingConfig, deps: ProviderDeps): DraftingProviders {
  const openai: ProviderSlot = config.openai
    ? {
        available: true,
        plain: createOpenAiCompatibleProvider({
          baseUrl: config.openai.baseUrl,
          model: config.openai.model,
          ...(config.openai.apiKey ? { apiKey: config.openai.apiKey } : {}),
          ...(config.openai.apiVersion
            ? { apiVersion: config.openai.apiVersion, apiKeyHeader: 'api-key' as const }
            : {}),
          timeoutMs: config.openai.timeoutMs,
          maxRetries: config.openai.maxRetries,
          log: deps.log,
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
        }),
      }
    : {
        available: false,
        reason:
          'No model server is configured: set OPENAI_BASE_URL and OPENAI_MODEL on the RevenuePilot server.',
      };
  const llamaProvider = config.llamaModelPath
    ? createLlamaCppProvider({ modelPath: config.llamaModelPath, log: deps.log })
    : undefined;
  const llama: ProviderSlot = llamaProvider
    ? { available: true, plain: llamaProvider, check: () => llamaProvider.availability() }
    : { available: false, reason: NEEDS_NODE_LLAMA_CPP };
  const models: Record<ProviderName, string | undefined> = {
    builtin: undefined,
    'openai-compatible': config.openai?.model,
    'llama-cpp': config.llamaModelPath ? basename(config.llamaModelPath) : undefined,
  };
  const store = config.recording === 'off' ? undefined : createFileRecordingStore(config.recordingsDir);
  // `record` records every answer; `replay` answers from a recording only when a request opts in.
  const withRecording = (name: ProviderName, slot: ProviderSlot): ProviderSlot => {
    if (!slot.available || !store) return slot;
    const wrap = (mode: 'record' | 'replay') =>
      withRecordReplay(slot.plain, {
        mode,
        store,
        log: deps.log,
        ...(models[name] ? { modelId: models[name] } : {}),
      });
    return config.recording === 'record'
      ? { ...slot, plain: wrap('record') }
      : { ...slot, replaying: wrap('replay') };
  };
  return createDraftingProviders(config.defaultProvider, {
    builtin: withRecording('builtin', { available: true, plain: createBuiltinProvider() }),
    'openai-compatible': withRecording('openai-compatible', openai),
    'llama-cpp': withRecording('llama-cpp', llama),
  });
}
