/**
 * Changing or rejecting one code: the code to report instead (an ICD-10-CM search for a
 * diagnosis, the office E/M codes for the level, a typed CPT/HCPCS code for an add-on or service)
 * and the reason, both required. Checked here first so mistakes are named at once; the server
 * checks again (a category code, a code missing from the release) and its answer is shown the
 * same way. Escape or Cancel closes the form without saving; the first field takes focus.
 *
 * @module
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { DecideCodeRequest } from '../../../server/contract/billing-review.ts';
import type { ApiClient } from '../../api/client.ts';
import { CodeSearchBox } from '../codes/CodeSearchBox.tsx';
import type { ReviewLine } from './review-lines.ts';
import { EM_CODES, replacementProblem } from './review-words.ts';

export interface DecisionFormProps {
  readonly mode: 'change' | 'reject';
  readonly line: ReviewLine;
  readonly client: ApiClient;
  /** Saves; resolves to null when saved, or the message to show. */
  readonly onSave: (request: DecideCodeRequest) => Promise<string | null>;
  readonly onCancel: () => void;
  readonly onSessionOver?: () => void;
}

function ReplacementField({
  line,
  client,
  id,
  value,
  onChange,
  onSessionOver,
}: {
  line: ReviewLine;
  client: ApiClient;
  id: string;
  value: string;
  onChange: (code: string) => void;
  onSessionOver: (() => void) | undefined;
}) {
  if (line.kind === 'diagnosis')
    return (
      <>
        <CodeSearchBox
          client={client}
          label={`Diagnosis to report instead of ${line.code}`}
          onSelect={(hit) => onChange(hit.code)}
          {...(onSessionOver ? { onSessionOver } : {})}
        />
        <p class="rp-small" data-testid="replacement-chosen">
          {value ? `Will report ${value} instead.` : 'Search, then choose a billable code.'}
        </p>
      </>
    );
  if (line.kind === 'em')
    return (
      <label class="rp-field">
        <span>Level to report instead of {line.code}</span>
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">Choose a level</option>
          {EM_CODES.filter((c) => c.code !== line.code).map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <label class="rp-field">
      <span>CPT or HCPCS code to report instead of {line.code}</span>
      <input
        id={id}
        type="text"
        autocomplete="off"
        spellcheck={false}
        maxLength={16}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value.toUpperCase())}
      />
    </label>
  );
}

export function DecisionForm({ mode, line, client, onSave, onCancel, onSessionOver }: DecisionFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [replacement, setReplacement] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const wrong =
      (mode === 'change' ? replacementProblem(line.kind, replacement, line.code) : '') ||
      (reason.trim()
        ? ''
        : `Give a reason for ${mode === 'change' ? 'changing' : 'rejecting'} ${line.code}.`);
    setProblem(wrong);
    if (wrong) return;
    setSaving(true);
    const request: DecideCodeRequest =
      mode === 'change'
        ? { code: line.code, decision: 'change', replacementCode: replacement.trim(), reason: reason.trim() }
        : { code: line.code, decision: 'reject', reason: reason.trim() };
    const failed = await onSave(request);
    setSaving(false);
    if (failed) setProblem(failed);
  };

  return (
    <form
      ref={form}
      class="rp-codes-form rp-review-form"
      aria-label={mode === 'change' ? `Change ${line.code}` : `Reject ${line.code}`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onCancel();
        }
      }}
      data-testid="decision-form"
    >
      {mode === 'change' && (
        <ReplacementField
          line={line}
          client={client}
          id={`${id}-code`}
          value={replacement}
          onChange={setReplacement}
          onSessionOver={onSessionOver}
        />
      )}
      <label class="rp-field">
        <span>Reason (required; the clinician sees it)</span>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={1000}
          value={reason}
          aria-invalid={problem !== '' && !reason.trim() ? true : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      {problem && (
        <p class="rp-field-error" role="alert" data-testid="decision-problem">
          {problem}
        </p>
      )}
      <div class="rp-review-actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : mode === 'change' ? 'Save change' : 'Save rejection'}
        </button>
        <button type="button" class="rp-button-secondary" onClick={onCancel}>
          Cancel{' '}
          <kbd class="rp-kbd" aria-hidden="true">
            Esc
          </kbd>
        </button>
      </div>
    </form>
  );
}
