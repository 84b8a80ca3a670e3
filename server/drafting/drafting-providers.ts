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
  | {
      readonly available: true;
      readonly plain: DraftingProvider;
      readonly replaying?: DraftingProvider;
      /** A deeper check for the editor's list (a local model's file and module), when there is one. */
      readonly check?: () => Promise<{ readonly available: boolean; readonly reason?: string }>;
    }
  | { readonly available: false; readonly reason: string };

export interface DraftingProviders {
  readonly defaultProvider: ProviderName;
  /** The provider to draft with; `replay` asks for the record/replay wrapper when the server allows it. */
  get(name: ProviderName, options?: { readonly replay?: boolean }): DraftingProvider;
  options(maxInputChars: number): Promise<DraftingOptions>;
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
    async options(maxInputChars) {
      const providers = await Promise.all(
        PROVIDER_NAMES.map(async (name) => {
          const slot = slots[name];
          if (!slot.available) return { name, available: false, reason: slot.reason };
          const checked = slot.check ? await slot.check() : { available: true };
          return checked.available || checked.reason === undefined
            ? { name, available: checked.available }
            : { name, available: false, reason: checked.reason };
        }),
      );
      return {
        defaultProvider,
        providers,
        replay: { enabled: replayEnabled },
        maxInputChars,
      };
    },
  };
}
