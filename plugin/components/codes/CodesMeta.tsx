/**
 * Where the suggestions on screen came from (when they were made, from which draft version, which
 * ICD-10-CM release), a notice when the saved draft has changed since, and the Codes step's keys.
 *
 * @module
 */
import type { Ref } from 'preact';
import type { EncounterCodeSuggestions } from '../../../server/contract/coding.ts';
import type { DraftRecord } from '../../../server/contract/note-draft.ts';
import { formatDateTime } from '../../format-date.ts';

interface SuggestionsMetaProps {
  readonly suggestions: EncounterCodeSuggestions;
  readonly draft: DraftRecord | null;
  /** Focused when new suggestions arrive. */
  readonly headingRef: Ref<HTMLHeadingElement>;
}

export function SuggestionsMeta({ suggestions, draft, headingRef }: SuggestionsMetaProps) {
  const from =
    suggestions.draftVersion === 0
      ? 'from the input alone'
      : `from draft version ${suggestions.draftVersion}`;
  const release = suggestions.release === 'seed' ? 'seed code set' : `FY${suggestions.release}`;
  const stale = draft !== null && draft.version !== suggestions.draftVersion;
  return (
    <div class="rp-codes-meta">
      <h3 id="rp-codes-results" tabIndex={-1} ref={headingRef}>
        Suggested codes
      </h3>
      <p class="rp-muted rp-small" data-testid="codes-made">
        Suggested {formatDateTime(suggestions.createdAt)} {from} · ICD-10-CM {release}
      </p>
      {stale && (
        <p class="rp-notice" data-testid="codes-stale">
          The draft has changed since these codes were suggested (now version {draft.version}). Suggest again
          to bring them up to date.
        </p>
      )}
    </div>
  );
}

export function CodesKeys() {
  return (
    <p class="rp-help rp-muted rp-small" data-testid="codes-keys">
      Keys: <kbd class="rp-kbd">Alt+C</kbd> suggest codes · <kbd class="rp-kbd">Enter</kbd> on a code shows
      its evidence · <kbd class="rp-kbd">Esc</kbd> closes it · <kbd class="rp-kbd">Alt+1</kbd>–
      <kbd class="rp-kbd">Alt+3</kbd> switch step
    </p>
  );
}
