/**
 * Record/replay around any drafting provider, so evaluations, demos and tests of model-backed
 * drafting run offline and repeatably: `record` always asks the provider and keeps its answer;
 * `replay` answers from a recording of this exact request when there is one (`replayed: true`)
 * and otherwise asks the provider and records it; `off` is the provider itself. A store that
 * fails is logged and bypassed: recording is a convenience, never a reason to fail a draft.
 * Recordings are PHI in production (see {@link ./recording-store.ts}).
 *
 * @module
 */
import type { Logger } from '../../../observability/logger.ts';
import type { DraftingProvider, ProviderResult } from '../../provider.ts';
import { recordingKey } from './recording-key.ts';
import type { RecordingStore } from './recording-store.ts';

export type RecordReplayMode = 'off' | 'record' | 'replay';

export interface RecordReplayOptions {
  readonly mode: RecordReplayMode;
  readonly store: RecordingStore;
  /** Part of the key: a recording of one model is not an answer of another. */
  readonly modelId?: string;
  readonly log?: Logger;
  readonly now?: () => Date;
}

export function withRecordReplay(provider: DraftingProvider, options: RecordReplayOptions): DraftingProvider {
  if (options.mode === 'off') return provider;
  const { store, log } = options;
  const now = options.now ?? (() => new Date());

  // Name and code only: a message about a recording could quote it.
  const errFields = (err: unknown) => ({
    errName: err instanceof Error ? err.name : typeof err,
    errCode:
      typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined,
  });

  const lookup = async (key: string) => {
    try {
      return await store.get(key);
    } catch (err) {
      log?.warn('drafting recording unreadable; asking the provider', { ...errFields(err), key });
      return undefined;
    }
  };

  return {
    name: provider.name,
    async draft(request, call) {
      const key = recordingKey(request, provider.name, options.modelId);
      if (options.mode === 'replay') {
        const recording = await lookup(key);
        if (recording) {
          log?.info('drafting answer replayed', { key, provider: provider.name });
          return { ...recording.result, replayed: true };
        }
      }
      const result = await provider.draft(request, call);
      const kept: ProviderResult = {
        draft: result.draft,
        ...(result.model === undefined ? {} : { model: result.model }),
        ...(result.usage === undefined ? {} : { usage: result.usage }),
      };
      try {
        await store.put({ key, provider: provider.name, recordedAt: now().toISOString(), result: kept });
        log?.info('drafting answer recorded', { key, provider: provider.name });
      } catch (err) {
        log?.warn('drafting answer not recorded', { ...errFields(err), key });
      }
      return { ...kept, replayed: false };
    },
  };
}
