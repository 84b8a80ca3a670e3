/**
 * The Codes step's state: the encounter's latest code suggestions and the saved draft they were
 * made from (its version, to tell when it has changed since, and its input text, where the
 * evidence spans point). Nothing is fetched until the step is first shown; each later visit
 * re-reads the draft so the "changed since" notice is current. Suggesting again replaces the
 * suggestions; a failure keeps the ones on screen.
 *
 * @module
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EncounterCodeSuggestions, SuggestCodesRequest } from '../../server/contract/coding.ts';
import type { DraftRecord } from '../../server/contract/note-draft.ts';
import { isSessionOver, type ApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/client.ts';
import { createCodesApi } from '../api/codes-api.ts';
import { createDraftApi } from '../api/draft-api.ts';
import { asApiError } from '../draft-snapshot.ts';

export interface CodesState {
  /** `idle` until the step is first shown. */
  readonly phase: 'idle' | 'loading' | 'ready' | 'failed';
  readonly loadError: ApiError | null;
  readonly suggestions: EncounterCodeSuggestions | null;
  /** The saved draft; null when the encounter has none yet. */
  readonly draft: DraftRecord | null;
  readonly running: boolean;
  /** Why the last "Suggest codes" failed. */
  readonly error: ApiError | null;
}

export interface CodesActions {
  readonly load: () => Promise<void>;
  /** Resolves true when new suggestions arrived. */
  readonly suggest: (request: SuggestCodesRequest) => Promise<boolean>;
}

const INITIAL: CodesState = {
  phase: 'idle',
  loadError: null,
  suggestions: null,
  draft: null,
  running: false,
  error: null,
};

export function useCodeSuggestions(
  client: ApiClient,
  active: boolean,
  onSessionOver: () => void,
): [CodesState, CodesActions] {
  const [state, setState] = useState<CodesState>(INITIAL);
  const current = useRef(state);
  current.current = state;
  /** Set at once (state waits for a render), so a second Alt+C cannot start a second run. */
  const inFlight = useRef(false);
  const sessionOver = useRef(onSessionOver);
  sessionOver.current = onSessionOver;
  const apis = useMemo(() => ({ codes: createCodesApi(client), draft: createDraftApi(client) }), [client]);

  const patch = useCallback((change: Partial<CodesState>) => {
    setState((previous) => ({ ...previous, ...change }));
  }, []);
  const failed = useCallback((reason: unknown): ApiError => {
    const error = asApiError(reason);
    if (isSessionOver(error)) sessionOver.current();
    return error;
  }, []);

  const load = useCallback(async () => {
    patch({ phase: 'loading', loadError: null });
    try {
      const [suggestions, draft] = await Promise.all([apis.codes.latest(), apis.draft.load()]);
      patch({ phase: 'ready', suggestions, draft });
    } catch (reason) {
      patch({ phase: 'failed', loadError: failed(reason) });
    }
  }, [apis, patch, failed]);

  /** A quiet re-read: on failure the draft shown stays as it was. */
  const refreshDraft = useCallback(async () => {
    try {
      patch({ draft: await apis.draft.load() });
    } catch (reason) {
      failed(reason);
    }
  }, [apis, patch, failed]);

  const suggest = useCallback(
    async (request: SuggestCodesRequest) => {
      if (inFlight.current) return false;
      inFlight.current = true;
      patch({ running: true, error: null });
      let suggestions: EncounterCodeSuggestions;
      try {
        suggestions = await apis.codes.suggest(request);
      } catch (reason) {
        inFlight.current = false;
        patch({ running: false, error: failed(reason) });
        return false;
      }
      inFlight.current = false;
      patch({ running: false, suggestions });
      // The draft they were made from may be newer than the one read on arrival.
      await refreshDraft();
      return true;
    },
    [apis, patch, failed, refreshDraft],
  );

  useEffect(() => {
    if (!active) return;
    if (current.current.phase === 'idle') void load();
    else if (current.current.phase === 'ready') void refreshDraft();
  }, [active, load, refreshDraft]);

  return [state, useMemo(() => ({ load, suggest }), [load, suggest])];
}
