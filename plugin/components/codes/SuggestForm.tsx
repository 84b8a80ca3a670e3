/**
 * "Suggest codes" (Alt+C) with the clinician's optional overrides: the payer (else the chart's
 * Coverage), total time today (else what the note states) and new or established patient. Until
 * a draft is saved the button is disabled and says why.
 *
 * @module
 */
import { useState } from 'preact/hooks';
import type { PayerType } from '../../../server/contract/clinical-context.ts';
import type { PatientStatus, SuggestCodesRequest } from '../../../server/contract/coding.ts';
import { payerTypeLabel } from '../../format-words.ts';
import { useAltShortcut } from '../../hooks/use-alt-shortcut.ts';

const PAYERS: readonly PayerType[] = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'];
const MAX_MINUTES = 1440;

interface SuggestFormProps {
  readonly canSuggest: boolean;
  readonly running: boolean;
  /** Suggestions are on screen: the button says "Suggest again". */
  readonly again: boolean;
  /** The payer the chart's Coverage gives, shown beside "From the chart". */
  readonly chartPayer: PayerType | undefined;
  /** The Codes step is showing: Alt+C is live. */
  readonly active: boolean;
  readonly onSuggest: (request: SuggestCodesRequest) => void;
}

/** Whole minutes from 1 to a day; empty means "as the note states". */
export function parseMinutes(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const minutes = Number(trimmed);
  return minutes >= 1 && minutes <= MAX_MINUTES ? minutes : 'invalid';
}

export function SuggestForm({ canSuggest, running, again, chartPayer, active, onSuggest }: SuggestFormProps) {
  const [payer, setPayer] = useState<PayerType | ''>('');
  const [minutesText, setMinutesText] = useState('');
  const [status, setStatus] = useState<PatientStatus | ''>('');
  const [showInvalid, setShowInvalid] = useState(false);
  const minutes = parseMinutes(minutesText);
  const invalid = minutes === 'invalid';
  const disabled = !canSuggest || running;

  const submit = () => {
    if (disabled) return;
    if (invalid) {
      setShowInvalid(true);
      document.getElementById('rp-codes-minutes')?.focus();
      return;
    }
    setShowInvalid(false);
    onSuggest({
      ...(payer ? { payerType: payer } : {}),
      ...(minutes === undefined ? {} : { minutes }),
      ...(status ? { patientStatus: status } : {}),
    });
  };
  useAltShortcut('KeyC', submit, active);

  return (
    <form
      class="rp-codes-form"
      aria-label="Suggest codes"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div class="rp-draft-controls">
        <label class="rp-field">
          <span>Payer</span>
          <select value={payer} onChange={(e) => setPayer(e.currentTarget.value as PayerType | '')}>
            <option value="">From the chart{chartPayer ? ` (${payerTypeLabel(chartPayer)})` : ''}</option>
            {PAYERS.map((p) => (
              <option key={p} value={p}>
                {payerTypeLabel(p)}
              </option>
            ))}
          </select>
        </label>
        <label class="rp-field">
          <span>Total time today, minutes</span>
          <input
            id="rp-codes-minutes"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={minutesText}
            placeholder="As the note states"
            aria-invalid={showInvalid && invalid}
            aria-describedby={showInvalid && invalid ? 'rp-codes-minutes-error' : undefined}
            onInput={(e) => setMinutesText(e.currentTarget.value)}
          />
        </label>
        <label class="rp-field">
          <span>Patient</span>
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as PatientStatus | '')}>
            <option value="">As documented</option>
            <option value="new">New</option>
            <option value="established">Established</option>
          </select>
        </label>
      </div>
      {showInvalid && invalid && (
        <p id="rp-codes-minutes-error" class="rp-field-error" role="alert">
          Enter the minutes as a whole number from 1 to {MAX_MINUTES}, or leave it empty.
        </p>
      )}
      <div class="rp-draft-actions">
        <button
          type="submit"
          aria-keyshortcuts="Alt+C"
          disabled={disabled}
          aria-describedby={canSuggest ? undefined : 'rp-codes-need-draft'}
        >
          {running ? 'Suggesting…' : again ? 'Suggest again' : 'Suggest codes'}{' '}
          <kbd aria-hidden="true" class="rp-kbd">
            Alt+C
          </kbd>
        </button>
      </div>
      {!canSuggest && (
        <p id="rp-codes-need-draft" class="rp-muted rp-small">
          Codes are suggested from the saved draft. Draft the note first (Draft step, Alt+2).
        </p>
      )}
    </form>
  );
}
