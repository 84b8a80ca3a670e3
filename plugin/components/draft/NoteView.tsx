/**
 * The drafted note: its sections, each a paragraph of sentences the clinician can select (to see
 * the evidence), edit in place, delete or add to. Sentences that need a look carry an icon, a wavy
 * underline and their reason for screen readers; sentences the clinician wrote are marked subtly.
 *
 * @module
 */
import { Fragment, type Ref } from 'preact';
import type { DraftSentence, NoteDraft } from '../../../server/contract/note-draft.ts';
import { countSentences, REVIEW_FLAGS } from '../../draft-edits.ts';
import { SentenceEditor, SentenceEditorHelp } from './SentenceEditor.tsx';

export interface NoteViewProps {
  readonly note: NoteDraft;
  readonly templateName: string | undefined;
  readonly selectedId: string | null;
  readonly editingId: string | null;
  /** The section whose "Add a sentence" box is open. */
  readonly addingTo: string | null;
  readonly readOnly: boolean;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onSelect: (id: string) => void;
  readonly onStartEdit: (id: string) => void;
  readonly onEdit: (id: string, text: string | null) => void;
  readonly onDelete: (id: string) => void;
  readonly onStartAdd: (sectionKey: string) => void;
  readonly onAdd: (sectionKey: string, text: string | null) => void;
}

interface SentenceProps {
  readonly sentence: DraftSentence;
  readonly selected: boolean;
  readonly readOnly: boolean;
  readonly onSelect: () => void;
  readonly onStartEdit: () => void;
  readonly onDelete: () => void;
}

function Sentence({ sentence, selected, readOnly, onSelect, onStartEdit, onDelete }: SentenceProps) {
  const review = sentence.flags.filter((f) => REVIEW_FLAGS.has(f.code));
  const authored = sentence.flags.some((f) => f.code === 'clinician_authored');
  const reasons = review.map((f) => f.message).join(' ');
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (selected && event.key === 'Enter' && !readOnly) onStartEdit();
      else onSelect();
    } else if (event.key === 'F2' && !readOnly) {
      event.preventDefault();
      onSelect();
      onStartEdit();
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && !readOnly) {
      event.preventDefault();
      onDelete();
    }
  };
  return (
    <span
      class="rp-sentence"
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      data-sentence-id={sentence.id}
      data-flag={sentence.flags.map((f) => f.code).join(' ') || undefined}
      data-review={review.length > 0 ? 'true' : undefined}
      data-origin={sentence.origin}
      title={reasons || undefined}
      onClick={onSelect}
      onDblClick={readOnly ? undefined : onStartEdit}
      onKeyDown={onKeyDown}
    >
      {review.length > 0 && (
        <span class="rp-sentence-icon" aria-hidden="true">
          ⚠
        </span>
      )}
      {sentence.text}
      {review.length > 0 && <span class="rp-sr-only"> (Needs review: {reasons})</span>}
      {authored && <span class="rp-sr-only"> (written by you)</span>}
    </span>
  );
}

export function NoteView(props: NoteViewProps) {
  const { note, selectedId, editingId, addingTo, readOnly } = props;
  const { total, review } = countSentences(note);
  return (
    <div class="rp-note" data-testid="note">
      <div class="rp-note-head">
        <h3 id="rp-note-title" ref={props.headingRef} tabIndex={-1}>
          {props.templateName ?? 'Note'}
        </h3>
        <p class="rp-muted rp-small" data-testid="note-summary">
          {total} {total === 1 ? 'sentence' : 'sentences'}
          {review > 0 && `; ${review} ${review === 1 ? 'needs' : 'need'} review (marked ⚠)`}
          {note.replayed && '; replayed from a recording'}
        </p>
      </div>
      {note.nothingToDocument && (
        <p class="rp-notice" data-testid="nothing-to-document">
          Nothing clinical to document in this input. No note was invented from it: add to the input and draft
          again, or write the sentences yourself.
        </p>
      )}
      <SentenceEditorHelp />
      {note.sections.map((section) => (
        <section key={section.key} class="rp-note-section" aria-labelledby={`rp-section-${section.key}`}>
          <h4 id={`rp-section-${section.key}`}>{section.title}</h4>
          <div class="rp-sentences">
            {section.sentences.length === 0 && addingTo !== section.key && (
              <span class="rp-muted rp-small">Nothing in this section. </span>
            )}
            {section.sentences.map((sentence) =>
              sentence.id === editingId ? (
                <SentenceEditor
                  key={sentence.id}
                  initial={sentence.text}
                  label={`Edit sentence in ${section.title}`}
                  onCommit={(text) => props.onEdit(sentence.id, text)}
                  onCancel={() => props.onEdit(sentence.id, null)}
                />
              ) : (
                <Fragment key={sentence.id}>
                  <Sentence
                    sentence={sentence}
                    selected={sentence.id === selectedId}
                    readOnly={readOnly}
                    onSelect={() => props.onSelect(sentence.id)}
                    onStartEdit={() => props.onStartEdit(sentence.id)}
                    onDelete={() => props.onDelete(sentence.id)}
                  />{' '}
                </Fragment>
              ),
            )}
            {addingTo === section.key && (
              <SentenceEditor
                initial=""
                label={`New sentence in ${section.title}`}
                onCommit={(text) => props.onAdd(section.key, text)}
                onCancel={() => props.onAdd(section.key, null)}
              />
            )}
          </div>
          {!readOnly && addingTo !== section.key && (
            <button
              type="button"
              class="rp-button-link"
              data-add-section={section.key}
              onClick={() => props.onStartAdd(section.key)}
            >
              + Add a sentence<span class="rp-sr-only"> to {section.title}</span>
            </button>
          )}
        </section>
      ))}
    </div>
  );
}
