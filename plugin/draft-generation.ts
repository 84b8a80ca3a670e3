/**
 * One drafting run for the Draft step: settle the autosave (the draft request carries the input),
 * stream the provider's sentences into the snapshot as progress, and take the stored draft when
 * it is done. On failure or Cancel the form stays locked until the stored version has been read
 * again (the server stores the input before any provider runs, so the version may have moved),
 * and whatever drafting would have saved is queued again: nothing typed is ever lost.
 *
 * @module
 */
import type { ClinicianInput, DraftRecord } from '../server/contract/note-draft.ts';
import type { ApiError } from './api/api-error.ts';
import type { Autosave, DraftPatch } from './api/autosave.ts';
import type { DraftApi } from './api/draft-api.ts';
import { asApiError, IDLE_GENERATION, type DraftChoice, type DraftSnapshot } from './draft-snapshot.ts';

export interface GenerationContext {
  readonly api: DraftApi;
  readonly saver: Autosave;
  readonly state: () => DraftSnapshot;
  readonly set: (patch: Partial<DraftSnapshot>) => void;
  /** Take a stored draft as the working copy. */
  readonly adopt: (record: DraftRecord) => void;
  /** After a 409: load the newest draft and say so. */
  readonly reload: () => Promise<void>;
  readonly fail: (error: ApiError) => void;
  readonly now: () => number;
}

async function recover(ctx: GenerationContext, sent: ClinicianInput, dropped: DraftPatch | null) {
  const stored = await ctx.api.load().catch(() => null);
  if (stored) ctx.saver.reset(stored.version);
  const inputKept = stored?.input.text === sent.text && stored.input.kind === sent.kind;
  const retry: DraftPatch = {
    ...dropped,
    ...(inputKept ? {} : { input: sent, templateId: ctx.state().templateId }),
  };
  if (Object.keys(retry).length > 0) ctx.saver.change(retry);
}

export async function runGeneration(
  ctx: GenerationContext,
  choice: DraftChoice,
  signal: AbortSignal,
): Promise<void> {
  ctx.set({ generation: { ...IDLE_GENERATION, running: true }, notice: null });
  const { version, dropped } = await ctx.saver.quiesce();
  const { input, templateId } = ctx.state();
  try {
    const record = await ctx.api.generate(
      {
        templateId,
        input,
        ...(version > 0 ? { baseVersion: version } : {}),
        ...(choice.provider ? { provider: choice.provider } : {}),
        ...(choice.replay ? { replay: true } : {}),
      },
      {
        signal,
        onProgress: ({ section, text }) => {
          const { generation } = ctx.state();
          const line = section === undefined ? { text } : { section, text };
          ctx.set({ generation: { ...generation, progress: [...generation.progress, line] } });
        },
      },
    );
    ctx.adopt(record);
    ctx.set({
      generation: { ...IDLE_GENERATION, outcome: 'done' },
      save: { kind: 'saved', at: ctx.now() },
      lastRemoved: null,
    });
  } catch (reason) {
    const error = asApiError(reason);
    ctx.fail(error);
    // Still locked (running) while the stored version is read again, so no keystroke is lost.
    if (error.code === 'conflict') await ctx.reload();
    else await recover(ctx, input, dropped);
    const cancelled = error.code === 'cancelled';
    ctx.set({
      generation: {
        ...IDLE_GENERATION,
        error: cancelled ? null : error,
        outcome: cancelled ? 'cancelled' : null,
      },
    });
  }
}
