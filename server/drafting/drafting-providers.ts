/**
 * Which drafting providers this server can use, built once from configuration: the builtin
 * engine always; the OpenAI-compatible and llama.cpp providers when configured, each wrapped for
 * record and replay. The editor lists all three, with the reason a provider cannot be used.
 *
 * @module
 */
import type { DraftingOptions, ProviderName } from '../contract/note-draft.ts';
import { AppError } from '../errors/app-error.ts';
import type { DraftingProvider } from './provider.ts';

/** A provider the server has, or why it has not. */
export type ProviderSlot =
  | { readonly available: true; readonly plain: DraftingProvider; readonly replaying?: DraftingProvider }
  | { readonly available: false; readonly reason: string };

export interface DraftingProviders {
  readonly defaultProvider: ProviderName;
  /** The provider to draft with; `replay` asks for the record/replay wrapper when the server allows it. */
  get(name: ProviderName, options?: { readonly replay?: boolean }): DraftingProvider;
  options(maxInputChars: number): DraftingOptions;
}

export const PROVIDER_NAMES: readonly ProviderName[] = ['builtin', 'openai-compatible', 'llama-cpp'];

export function createDraftingProviders(
  defaultProvider: ProviderName,
  slots: Readonly<Record<ProviderName, ProviderSlot>>,
): DraftingProviders {
  const replayEnabled = PROVIDER_NAMES.some((name) => {
    const slot = slots[name];
    return slot.available && slot.replaying !== undefined;
  });
  return {
    defaultProvider,
    get(name, options = {}) {
      const slot = slots[name];
      if (!slot.available) throw new AppError('model_unavailable', slot.reason);
      return options.replay && slot.replaying ? slot.replaying : slot.plain;
    },
    options(maxInputChars) {
      return {
        defaultProvider,
        providers: PROVIDER_NAMES.map((name) => {
          const slot = slots[name];
          return slot.available ? { name, available: true } : { name, available: false, reason: slot.reason };
        }),
        replay: { enabled: replayEnabled },
        maxInputChars,
      };
    },
  };
}
