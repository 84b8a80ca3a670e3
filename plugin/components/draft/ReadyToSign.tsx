/**
 * The note's status switch ("Mark ready to sign" / "Back to draft", Alt+S) with the badge that
 * says it is ready, and the keys help line of the Draft step.
 *
 * @module
 */
import type { DraftStatus } from '../../../server/contract/note-draft.ts';

interface ReadyToSignProps {
  readonly status: DraftStatus;
  readonly disabled: boolean;
  readonly onToggle: () => void;
}

export function ReadyToSign({ status, disabled, onToggle }: ReadyToSignProps) {
  const ready = status === 'ready_to_sign';
  return (
    <span class="rp-status-toggle">
      {ready && (
        <span class="rp-flag" data-flag="ready" data-testid="ready-badge">
          Ready to sign
        </span>
      )}
      <button
        type="button"
        class={ready ? 'rp-button-secondary' : ''}
        aria-keyshortcuts="Alt+S"
        disabled={disabled}
        onClick={onToggle}
      >
        {ready ? 'Back to draft' : 'Mark ready to sign'}{' '}
        <kbd aria-hidden="true" class="rp-kbd">
          Alt+S
        </kbd>
      </button>
    </span>
  );
}

export function DraftKeys() {
  return (
    <p class="rp-help rp-muted rp-small" data-testid="draft-keys">
      Keys: <kbd class="rp-kbd">Alt+D</kbd> draft · <kbd class="rp-kbd">Esc</kbd> cancel drafting ·{' '}
      <kbd class="rp-kbd">Enter</kbd> on a sentence shows its evidence, again edits it ·{' '}
      <kbd class="rp-kbd">Del</kbd> deletes it · <kbd class="rp-kbd">Alt+N</kbd> add a sentence ·{' '}
      <kbd class="rp-kbd">Alt+Z</kbd> undo delete · <kbd class="rp-kbd">Alt+S</kbd> ready to sign ·{' '}
      <kbd class="rp-kbd">Alt+1</kbd>/<kbd class="rp-kbd">Alt+2</kbd> switch step
    </p>
  );
}
