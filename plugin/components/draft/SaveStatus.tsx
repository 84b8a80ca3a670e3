/**
 * The autosave's one line: "Saved 12 s ago", "Saving…", "Not saved — retrying". Silent but
 * visible: screen readers hear the state when it changes, not the ticking age.
 *
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import type { SaveState } from '../../api/autosave.ts';

export function savedAgo(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

const LABELS: Record<SaveState['kind'], string> = {
  idle: '',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved',
  retrying: 'Not saved — retrying',
  failed: 'Not saved',
  conflict: 'Not saved — changed elsewhere',
};

export function SaveStatus({ state, now = Date.now }: { state: SaveState; now?: () => number }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (state.kind !== 'saved') return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [state]);
  return (
    <p class="rp-save rp-small" data-testid="save-status" data-state={state.kind}>
      <span aria-live="polite">{LABELS[state.kind]}</span>
      {state.kind === 'saved' && <span aria-hidden="true"> {savedAgo(now() - state.at)}</span>}
      {state.kind === 'failed' && <span>: {state.error.message}</span>}
    </p>
  );
}
