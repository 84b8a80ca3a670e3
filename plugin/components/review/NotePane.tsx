/**
 * The note as it stands, beside the codes: its sections as text in a scrollable region (keyboard
 * reachable), whether the clinician marked it ready to sign, and the clinician's input (the
 * transcript the codes' quotes come from) behind a disclosure.
 *
 * @module
 */
import type { ReviewNote } from '../../../server/contract/billing-review.ts';

export function NotePane({ note, inputName }: { note: ReviewNote | null; inputName: string }) {
  return (
    <section class="rp-review-note-pane" aria-labelledby="rp-review-note-title" data-testid="review-note">
      <h3 id="rp-review-note-title">Note</h3>
      {!note ? (
        <p class="rp-empty">
          No draft note is stored for this encounter. Review the codes from their evidence.
        </p>
      ) : (
        <>
          <p class="rp-muted rp-small">
            {note.status === 'ready_to_sign' ? 'Ready to sign' : 'Draft, not yet ready to sign'} · version{' '}
            {note.version}
          </p>
          {note.text ? (
            <div
              class="rp-review-note"
              tabIndex={0}
              role="region"
              aria-label="The note"
              data-testid="review-note-text"
            >
              {note.text}
            </div>
          ) : (
            <p class="rp-empty">No note has been drafted yet; the codes rest on the {inputName}.</p>
          )}
          {note.input.text && (
            <details class="rp-review-input">
              <summary>The {inputName}</summary>
              <div class="rp-review-note" tabIndex={0} role="region" aria-label={`The ${inputName}`}>
                {note.input.text}
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}
