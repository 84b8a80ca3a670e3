/**
 * The Draft step: the input form, the drafted note beside (or, in a side panel, above) the
 * evidence of the selected sentence, the autosave line and the Ready-to-sign switch. Every action
 * has a key (listed in the help line); focus lands somewhere sensible after each one.
 *
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client.ts';
import { findSentence, needsReview, unresolvedSentences } from '../../draft-edits.ts';
import { useAltShortcut } from '../../hooks/use-alt-shortcut.ts';
import { useDraftEditor, type DraftEditorOptions } from '../../hooks/use-draft-editor.ts';
import { RequestRef } from '../StatusScreen.tsx';
import { DraftInputForm, INPUT_KINDS, type DraftChoiceState } from './DraftInputForm.tsx';
import { EvidencePane } from './EvidencePane.tsx';
import { NoteView } from './NoteView.tsx';
import { DraftKeys, ReadyToSign } from './ReadyToSign.tsx';
import { SaveStatus } from './SaveStatus.tsx';

interface DraftViewProps {
  readonly client: ApiClient;
  /** The Draft tab is showing: its shortcuts are live. */
  readonly active: boolean;
  readonly onSessionOver: () => void;
  readonly editorOptions?: DraftEditorOptions;
}

export function DraftView({ client, active, onSessionOver, editorOptions }: DraftViewProps) {
  const [draft, editor] = useDraftEditor(client, onSessionOver, editorOptions);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  /** Why the note cannot be ready to sign yet, after the clinician asked. */
  const [signBlocked, setSignBlocked] = useState<string | null>(null);
  const [choice, setChoice] = useState<DraftChoiceState>({ provider: undefined, replay: false });
  const root = useRef<HTMLElement>(null);
  const noteHeading = useRef<HTMLHeadingElement>(null);
  const inputBox = useRef<HTMLTextAreaElement>(null);
  /** A selector to focus after the next render (the element may not exist yet). */
  const focusNext = useRef<string | null>(null);
  const { note, generation, status } = draft;
  const readOnly = status !== 'draft' || generation.running;
  const selected = findSentence(note, selectedId ?? '');
  const template = draft.templates.find((t) => t.id === draft.templateId);
  const inputName = (INPUT_KINDS.find((k) => k.kind === draft.input.kind) ?? INPUT_KINDS[0]!).name;

  useEffect(() => {
    if (!focusNext.current) return;
    root.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = null;
  });
  // A new note: start with nothing selected, and land on it.
  useEffect(() => {
    if (generation.outcome !== 'done') return;
    setSelectedId(null);
    setEditingId(null);
    setAddingTo(null);
    noteHeading.current?.focus();
  }, [generation.outcome]);

  const focusSentence = (id: string) => {
    focusNext.current = `[data-sentence-id="${CSS.escape(id)}"]`;
  };
  const runDraft = () => {
    setConfirmReplace(false);
    const provider = choice.provider ?? draft.options?.defaultProvider;
    void editor.generate({ ...(provider ? { provider } : {}), replay: choice.replay });
  };
  const requestDraft = () => {
    if (draft.phase !== 'ready' || readOnly) return;
    const edited = note?.sections.some((s) => s.sentences.some((x) => x.origin === 'clinician'));
    if (edited) {
      setConfirmReplace(true);
      focusNext.current = '[data-testid="confirm-replace"] button';
    } else runDraft();
  };
  const deleteSentence = (id: string) => {
    const place = findSentence(note, id);
    if (!place) return;
    const next = place.section.sentences[place.index + 1] ?? place.section.sentences[place.index - 1];
    editor.deleteSentence(id);
    if (next) {
      focusSentence(next.id);
      setSelectedId(next.id);
    } else focusNext.current = `[data-add-section="${CSS.escape(place.section.key)}"]`;
  };
  const toggleStatus = () => {
    if (!note) return;
    if (status !== 'draft') {
      editor.setStatus('draft');
      return;
    }
    const open = unresolvedSentences(note);
    const first = open[0];
    if (!first) {
      setSignBlocked(null);
      editor.setStatus('ready_to_sign');
      return;
    }
    // Say why, and go to the first sentence that needs the clinician.
    setSignBlocked(
      open.length === 1
        ? 'One drafted sentence still lacks evidence for what it says (marked ⚠). Edit or delete it, then mark the note ready to sign.'
        : `${open.length} drafted sentences still lack evidence for what they say (marked ⚠). Edit or delete them, then mark the note ready to sign.`,
    );
    setSelectedId(first.id);
    focusSentence(first.id);
  };
  const startAdd = () => {
    const key = selected?.section.key ?? note?.sections[0]?.key;
    if (key && !readOnly) setAddingTo(key);
  };

  useAltShortcut('KeyD', requestDraft, active);
  useAltShortcut('KeyS', toggleStatus, active && note !== null && !generation.running);
  useAltShortcut('KeyN', startAdd, active && note !== null);
  useAltShortcut('KeyZ', editor.undoDelete, active && draft.lastRemoved !== null);
  useEffect(() => {
    if (!active || !generation.running) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      editor.cancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, generation.running, editor]);

  const review = note ? note.sections.flatMap((s) => s.sentences).filter(needsReview).length : 0;
  return (
    <section class="rp-draft" ref={root} aria-labelledby="rp-draft-title">
      <div class="rp-context-head">
        <h2 id="rp-draft-title">Visit note</h2>
        <SaveStatus state={draft.save} />
        {note && <ReadyToSign status={status} disabled={generation.running} onToggle={toggleStatus} />}
      </div>
      {status === 'draft' && note && review > 0 && (
        <p class="rp-muted rp-small">
          {review} {review === 1 ? 'sentence needs' : 'sentences need'} a look before signing.
        </p>
      )}
      {signBlocked && status === 'draft' && note && unresolvedSentences(note).length > 0 && (
        <p class="rp-notice" role="alert" data-testid="sign-blocked">
          {signBlocked}
        </p>
      )}
      {draft.notice && (
        <div class="rp-notice" role="alert" data-testid="draft-notice">
          <p>{draft.notice}</p>
          <button type="button" class="rp-button-secondary" onClick={editor.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {draft.phase === 'loading' && (
        <p class="rp-muted" role="status" data-testid="draft-loading">
          Loading the draft…
        </p>
      )}
      {draft.phase === 'failed' && draft.loadError && (
        <div class="rp-error" role="alert" data-testid="draft-load-error">
          <p>
            The saved draft could not be loaded: {draft.loadError.message} The chart context still works.
            Retry before typing, so nothing saved is overwritten.
          </p>
          <button type="button" onClick={() => void editor.load()}>
            Retry
          </button>
          <RequestRef requestId={draft.loadError.requestId} />
        </div>
      )}
      {draft.phase === 'ready' && (
        <>
          <DraftInputForm
            draft={draft}
            choice={choice}
            inputRef={inputBox}
            onChoice={setChoice}
            onInputText={editor.setInputText}
            onInputKind={editor.setInputKind}
            onTemplate={editor.setTemplate}
            onDraft={requestDraft}
            onCancel={editor.cancel}
          />
          {confirmReplace && (
            <div class="rp-notice" role="alert" data-testid="confirm-replace">
              <p>Drafting again replaces the note, including your changes to it.</p>
              <button type="button" onClick={runDraft}>
                Replace the note
              </button>{' '}
              <button type="button" class="rp-button-secondary" onClick={() => setConfirmReplace(false)}>
                Keep my note
              </button>
            </div>
          )}
          {draft.lastRemoved && (
            <p class="rp-small" role="status" data-testid="undo-delete">
              Sentence deleted.{' '}
              <button
                type="button"
                class="rp-button-link"
                onClick={editor.undoDelete}
                aria-keyshortcuts="Alt+Z"
              >
                Undo{' '}
                <kbd aria-hidden="true" class="rp-kbd">
                  Alt+Z
                </kbd>
              </button>
            </p>
          )}
          {note && (
            <div class="rp-draft-layout">
              <NoteView
                note={note}
                templateName={template?.name}
                selectedId={selectedId}
                editingId={editingId}
                addingTo={addingTo}
                readOnly={readOnly}
                headingRef={noteHeading}
                onSelect={setSelectedId}
                onStartEdit={(id) => {
                  setSelectedId(id);
                  setEditingId(id);
                }}
                onEdit={(id, text) => {
                  if (text !== null) editor.editSentence(id, text);
                  setEditingId(null);
                  focusSentence(id);
                }}
                onDelete={deleteSentence}
                onStartAdd={setAddingTo}
                onAdd={(key, text) => {
                  setAddingTo(null);
                  const id = text?.trim() ? editor.addSentence(key, text) : null;
                  if (id) {
                    setSelectedId(id);
                    focusSentence(id);
                  } else focusNext.current = `[data-add-section="${CSS.escape(key)}"]`;
                }}
              />
              <EvidencePane
                sentence={selected?.sentence ?? null}
                inputText={draft.input.text}
                inputName={inputName}
                readOnly={readOnly}
                onEdit={() => selected && setEditingId(selected.sentence.id)}
                onDelete={() => selected && deleteSentence(selected.sentence.id)}
              />
            </div>
          )}
        </>
      )}
      <DraftKeys />
    </section>
  );
}
