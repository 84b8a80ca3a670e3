/**
 * What the clinician drafts from: the template, what kind of input it is, the input itself (with
 * its length against the server's limit), which drafting engine (unavailable ones shown, disabled,
 * with the reason), and the opt-in to replay a recorded answer. While drafting it shows the
 * sentences as they come and a Cancel button; a failure says what happened and keeps the input.
 *
 * @module
 */
import type { Ref } from 'preact';
import type {
  DraftingOptions,
  InputKind,
  ProviderName,
  TemplateSummary,
} from '../../../server/contract/note-draft.ts';
import type { DraftSnapshot } from '../../draft-controller.ts';
import { RequestRef } from '../StatusScreen.tsx';

export const INPUT_KINDS: readonly { kind: InputKind; label: string; name: string }[] = [
  { kind: 'transcript', label: 'Transcript', name: 'transcript' },
  { kind: 'dictation', label: 'Dictation', name: 'dictation' },
  { kind: 'bullets', label: 'Bullet points', name: 'bullet points' },
];

const PROVIDER_LABELS: Record<ProviderName, string> = {
  builtin: 'Built-in (offline)',
  'openai-compatible': 'Language model (OpenAI-compatible)',
  'llama-cpp': 'Local model (llama.cpp)',
};

export interface DraftChoiceState {
  readonly provider: ProviderName | undefined;
  readonly replay: boolean;
}

interface DraftInputFormProps {
  readonly draft: DraftSnapshot;
  readonly choice: DraftChoiceState;
  readonly inputRef: Ref<HTMLTextAreaElement>;
  readonly onChoice: (choice: DraftChoiceState) => void;
  readonly onInputText: (text: string) => void;
  readonly onInputKind: (kind: InputKind) => void;
  readonly onTemplate: (id: string) => void;
  readonly onDraft: () => void;
  readonly onCancel: () => void;
}

const number = (n: number) => n.toLocaleString('en-US');

function ProviderPicker({
  options,
  choice,
  onChoice,
  disabled,
}: {
  options: DraftingOptions;
  choice: DraftChoiceState;
  onChoice: (choice: DraftChoiceState) => void;
  disabled: boolean;
}) {
  return (
    <label class="rp-field">
      <span>Drafted by</span>
      <select
        value={choice.provider ?? options.defaultProvider}
        disabled={disabled}
        onChange={(e) => onChoice({ ...choice, provider: e.currentTarget.value as ProviderName })}
      >
        {options.providers.map((p) => (
          <option key={p.name} value={p.name} disabled={!p.available}>
            {PROVIDER_LABELS[p.name]}
            {p.available ? '' : ` — unavailable: ${p.reason ?? 'not set up on this server'}`}
          </option>
        ))}
      </select>
    </label>
  );
}

function Progress({ draft, templates }: { draft: DraftSnapshot; templates: readonly TemplateSummary[] }) {
  const { generation } = draft;
  const sections = templates.find((t) => t.id === draft.templateId)?.sections ?? [];
  const title = (key: string | undefined) => sections.find((s) => s.key === key)?.title ?? key;
  if (generation.running) {
    const lines = generation.progress.slice(-4);
    const count = generation.progress.length;
    return (
      <div class="rp-progress" data-testid="draft-progress">
        <p>
          <span role="status">Drafting the note…</span>
          <span aria-hidden="true">
            {count > 0 && ` ${count} ${count === 1 ? 'sentence' : 'sentences'} so far`}
          </span>
        </p>
        {lines.length > 0 && (
          <ul class="rp-progress-lines" aria-hidden="true">
            {lines.map((line, i) => (
              <li key={count - lines.length + i}>
                {line.section && <span class="rp-tag">{title(line.section)}</span>}
                {line.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (generation.outcome === 'cancelled') {
    return (
      <p role="status" class="rp-small" data-testid="draft-cancelled">
        Drafting cancelled. Your input is kept.
      </p>
    );
  }
  const error = generation.error;
  if (!error) return null;
  const advice =
    error.code === 'payload_too_large'
      ? 'Shorten the input, then draft again.'
      : 'Try again; if it keeps failing, choose another engine or write the note yourself.';
  return (
    <div class="rp-error" role="alert" data-testid="draft-error">
      <p>
        The note could not be drafted: {error.message} Your input is still in the box. {advice}
      </p>
      <RequestRef requestId={error.requestId} />
    </div>
  );
}

export function DraftInputForm(props: DraftInputFormProps) {
  const { draft, choice, onChoice } = props;
  const { input, options, templates, generation } = draft;
  const running = generation.running;
  const locked = running || draft.status !== 'draft';
  const max = options?.maxInputChars;
  const over = max !== undefined && input.text.length > max ? input.text.length - max : 0;
  const kind = INPUT_KINDS.find((k) => k.kind === input.kind) ?? INPUT_KINDS[0]!;
  const canDraft = !locked && over === 0 && input.text.trim() !== '' && draft.templateId !== '';
  return (
    <form
      class="rp-draft-form"
      aria-label="Draft from the visit"
      onSubmit={(e) => {
        e.preventDefault();
        props.onDraft();
      }}
    >
      <div class="rp-draft-controls">
        <label class="rp-field">
          <span>Template</span>
          <select
            value={draft.templateId}
            disabled={locked}
            onChange={(e) => props.onTemplate(e.currentTarget.value)}
          >
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {options && options.providers.length > 0 && (
          <ProviderPicker options={options} choice={choice} onChoice={onChoice} disabled={running} />
        )}
      </div>
      <fieldset class="rp-kinds" disabled={locked}>
        <legend>The input is</legend>
        {INPUT_KINDS.map((k) => (
          <label key={k.kind} class="rp-check">
            <input
              type="radio"
              name="rp-input-kind"
              value={k.kind}
              checked={input.kind === k.kind}
              onChange={() => props.onInputKind(k.kind)}
            />{' '}
            {k.label}
          </label>
        ))}
      </fieldset>
      <label for="rp-draft-input" class="rp-field-label">
        {kind.label} to draft from
      </label>
      <textarea
        id="rp-draft-input"
        ref={props.inputRef}
        class="rp-draft-input"
        rows={10}
        value={input.text}
        readOnly={locked}
        aria-describedby="rp-draft-count"
        placeholder={`Paste or type the ${kind.name} here`}
        onInput={(e) => props.onInputText(e.currentTarget.value)}
      />
      <p id="rp-draft-count" class="rp-small rp-muted" data-over={over > 0 ? 'true' : undefined}>
        {number(input.text.length)}
        {max !== undefined && ` of ${number(max)}`} characters
        {over > 0 && ` — ${number(over)} too many to draft or save; shorten the input.`}
        {draft.status !== 'draft' && ' Locked while the note is ready to sign.'}
      </p>
      {options?.replay.enabled && (
        <label class="rp-check">
          <input
            type="checkbox"
            checked={choice.replay}
            disabled={running}
            onChange={(e) => onChoice({ ...choice, replay: e.currentTarget.checked })}
          />{' '}
          Replay a recorded answer when one exists for this exact input
        </label>
      )}
      <div class="rp-draft-actions">
        <button type="submit" disabled={!canDraft} aria-keyshortcuts="Alt+D">
          {draft.note ? 'Draft again' : 'Draft note'}{' '}
          <kbd aria-hidden="true" class="rp-kbd">
            Alt+D
          </kbd>
        </button>
        {running && (
          <button
            type="button"
            class="rp-button-secondary"
            onClick={props.onCancel}
            aria-keyshortcuts="Escape"
          >
            Cancel{' '}
            <kbd aria-hidden="true" class="rp-kbd">
              Esc
            </kbd>
          </button>
        )}
      </div>
      <Progress draft={draft} templates={templates} />
    </form>
  );
}
