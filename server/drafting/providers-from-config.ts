/**
 * The drafting providers this server offers, from its configuration: builtin always; the
 * OpenAI-compatible provider when OPENAI_BASE_URL and OPENAI_MODEL are set; llama.cpp when
 * LLAMA_MODEL_PATH is set. A provider that is off says how to turn it on.
 *
 * @module
 */
import type { DraftingConfig } from '../config/config.ts';
import type { FetchLike } from '../../launch/discovery.ts';
import type { Logger } from '../observability/logger.ts';
import { createBuiltinProvider } from './builtin/builtin-provider.ts';
import { createDraftingProviders, type DraftingProviders, type ProviderSlot } from './drafting-providers.ts';
import { createOpenAiCompatibleProvider } from './providers/openai-compatible/openai-compatible-provider.ts';

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
  const llama: ProviderSlot = {
    available: false,
    reason: 'No local model is configured: install node-llama-cpp and set LLAMA_MODEL_PATH to a .gguf file.',
  };
  return createDraftingProviders(config.defaultProvider, {
    builtin: { available: true, plain: createBuiltinProvider() },
    'openai-compatible': openai,
    'llama-cpp': llama,
  });
}
