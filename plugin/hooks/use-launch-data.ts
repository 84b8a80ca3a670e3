/**
 * Loads what the shell needs for one launch (the session facts and the clinical context) in
 * parallel, and keeps them current: refresh and retry re-read the context, a stale answer never
 * overwrites a newer one, and a `session_expired`/`session_unknown` answer or the session's
 * `expiresAt` passing ends the session for good (the UI then asks for a relaunch).
 *
 * @module
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClinicalContext } from '../../server/contract/clinical-context.ts';
import type { LaunchSessionInfo } from '../../server/contract/launch-session.ts';
import { ApiError, isSessionOver, type ApiClient } from '../api/client.ts';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly info: LaunchSessionInfo }
  | { readonly status: 'failed'; readonly error: ApiError };

export interface ContextState {
  /** The last context that loaded; kept while a refresh runs or after a refresh fails. */
  readonly data: ClinicalContext | null;
  readonly loading: boolean;
  readonly error: ApiError | null;
}

export interface LaunchData {
  readonly session: SessionState;
  readonly context: ContextState;
  /** The launch is over: only a relaunch from the chart helps. */
  readonly ended: boolean;
  readonly refreshContext: () => void;
  /** Reloads the session and the context (after a failed start). */
  readonly retry: () => void;
  /** Another call found the session over (`session_expired`/`session_unknown`). */
  readonly endSession: () => void;
}

/** setTimeout's largest delay; a longer session is re-checked on the next load anyway. */
const MAX_TIMER_MS = 2_147_483_647;

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError('unexpected', 'Something went wrong in the app. Try again.', 0);
}

export function useLaunchData(client: ApiClient): LaunchData {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [context, setContext] = useState<ContextState>({ data: null, loading: true, error: null });
  const [ended, setEnded] = useState(false);
  const latest = useRef(0);

  const refreshContext = useCallback(() => {
    const request = ++latest.current;
    setContext((c) => ({ ...c, loading: true }));
    client.context().then(
      (data) => {
        if (request === latest.current) setContext({ data, loading: false, error: null });
      },
      (reason: unknown) => {
        const error = asApiError(reason);
        if (isSessionOver(error)) setEnded(true);
        if (request === latest.current) setContext((c) => ({ data: c.data, loading: false, error }));
      },
    );
  }, [client]);

  const loadSession = useCallback(() => {
    setSession({ status: 'loading' });
    client.session().then(
      (info) => setSession({ status: 'ready', info }),
      (reason: unknown) => {
        const error = asApiError(reason);
        if (isSessionOver(error)) setEnded(true);
        setSession({ status: 'failed', error });
      },
    );
  }, [client]);

  const retry = useCallback(() => {
    loadSession();
    refreshContext();
  }, [loadSession, refreshContext]);

  useEffect(retry, [retry]);

  const expiresAt = session.status === 'ready' ? Date.parse(session.info.expiresAt) : Number.NaN;
  useEffect(() => {
    if (Number.isNaN(expiresAt)) return undefined;
    const timer = setTimeout(
      () => setEnded(true),
      Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [expiresAt]);

  const endSession = useCallback(() => setEnded(true), []);

  return { session, context, ended, refreshContext, retry, endSession };
}
