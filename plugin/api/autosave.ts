/**
 * Saves the clinician's work silently: changes gather for a moment after the last keystroke
 * (debounce), then go out as one `PUT …/draft` carrying the version they were made on. Saves
 * never overlap; changes made while one is in flight go in the next. A network or server failure
 * is retried with backoff; a 409 means someone else saved first (the caller reloads); any other
 * refusal stops until the next change. `flush({ keepalive })` sends at once and lets the request
 * outlive the page when the EHR hides or closes the frame.
 *
 * @module
 */
import type { DraftRecord, SaveDraftRequest } from '../../server/contract/note-draft.ts';
import { ApiError } from './api-error.ts';

export type DraftPatch = Omit<SaveDraftRequest, 'baseVersion'>;

export type SaveState =
  | { readonly kind: 'idle' }
  /** Changes waiting for the debounce. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: number }
  /** A failure that will be retried by itself. */
  | { readonly kind: 'retrying'; readonly message: string }
  /** A refusal that retrying will not fix; the next change tries again. */
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'conflict' };

export interface AutosaveOptions {
  save(request: SaveDraftRequest, options: { keepalive?: boolean }): Promise<DraftRecord>;
  onState(state: SaveState): void;
  /** A save went through. `settled`: nothing changed meanwhile, so the server's copy is current. */
  onSaved(record: DraftRecord, settled: boolean): void;
  /** 409: the stored draft moved on; pending changes are dropped. */
  onConflict(): void;
  /**
   * A refusal other than a conflict (the session ended, the input is too long, the note cannot be
   * ready to sign yet). `patch` is what was refused; its other fields stay queued for the next
   * change, but a refused `status` is dropped: a status change is a one-off request, not state.
   */
  onFailed?(error: ApiError, patch: DraftPatch): void;
  readonly delayMs?: number;
  readonly retryDelaysMs?: readonly number[];
  readonly now?: () => number;
}

export interface Autosave {
  /** Queues a change; each field replaces the same field of earlier queued changes. */
  change(patch: DraftPatch): void;
  /** Saves queued changes now (after any save in flight). */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /**
   * Drops queued changes and retries, waits out a save in flight, and tells what was dropped and
   * the version then (drafting replaces the note, and queues the dropped changes again if it fails).
   */
  quiesce(): Promise<{ version: number; dropped: DraftPatch | null }>;
  /** Starts again from a stored version (after a load, a reload or a new draft). */
  reset(version: number): void;
  readonly version: number;
  readonly pending: boolean;
  dispose(): void;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError('unexpected', 'Something went wrong in the app.', 0);
}

/** Network trouble, timeouts, rate limits and server errors pass; anything else needs a person. */
function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export function createAutosave(options: AutosaveOptions): Autosave {
  const delayMs = options.delayMs ?? 1_500;
  const retryDelays = options.retryDelaysMs ?? [2_000, 5_000, 10_000, 30_000];
  const now = options.now ?? Date.now;
  let version = 0;
  let pending: DraftPatch | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let failures = 0;
  let generation = 0;
  let disposed = false;

  const queued = (): DraftPatch | null => pending;
  const emit = (state: SaveState) => {
    if (!disposed) options.onState(state);
  };
  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const schedule = (ms: number) => {
    stopTimer();
    timer = setTimeout(() => void run(false), ms);
  };

  async function attempt(patch: DraftPatch, keepalive: boolean, started: number): Promise<void> {
    emit({ kind: 'saving' });
    try {
      const record = await options.save({ baseVersion: version, ...patch }, keepalive ? { keepalive } : {});
      if (started !== generation) return;
      version = record.version;
      failures = 0;
      options.onSaved(record, pending === null);
      if (pending) {
        emit({ kind: 'pending' });
        schedule(delayMs);
      } else {
        emit({ kind: 'saved', at: now() });
      }
    } catch (reason) {
      if (started !== generation) return;
      const error = asApiError(reason);
      if (error.status === 409 || error.code === 'conflict') {
        pending = null;
        stopTimer();
        emit({ kind: 'conflict' });
        options.onConflict();
        return;
      }
      if (isTransient(error)) {
        // Keep what failed, under anything newer.
        pending = { ...patch, ...pending };
        const wait = retryDelays[Math.min(failures, retryDelays.length - 1)] ?? delayMs;
        failures += 1;
        emit({ kind: 'retrying', message: error.message });
        schedule(wait);
      } else {
        const kept: DraftPatch = { ...patch, ...pending };
        delete (kept as { status?: unknown }).status;
        pending = Object.keys(kept).length > 0 ? kept : null;
        emit({ kind: 'failed', error });
        options.onFailed?.(error, patch);
      }
    }
  }

  async function run(keepalive: boolean): Promise<void> {
    stopTimer();
    while (inFlight) await inFlight;
    if (!pending || disposed) return;
    const patch = pending;
    pending = null;
    const started = generation;
    inFlight = attempt(patch, keepalive, started).finally(() => {
      inFlight = null;
    });
    await inFlight;
  }

  return {
    change(patch) {
      if (disposed) return;
      pending = { ...pending, ...patch };
      failures = 0;
      emit({ kind: 'pending' });
      schedule(delayMs);
    },
    flush: ({ keepalive = false } = {}) => run(keepalive),
    async quiesce() {
      stopTimer();
      let dropped = pending;
      pending = null;
      while (inFlight) await inFlight;
      // A save in flight may have failed and queued its changes again.
      const requeued = queued();
      if (requeued) dropped = { ...dropped, ...requeued };
      stopTimer();
      pending = null;
      return { version, dropped };
    },
    reset(next) {
      generation += 1;
      stopTimer();
      pending = null;
      failures = 0;
      version = next;
    },
    get version() {
      return version;
    },
    get pending() {
      return pending !== null;
    },
    dispose() {
      disposed = true;
      stopTimer();
    },
  };
}
