/**
 * What the selected sentence rests on. Input evidence is shown in place: the clinician's input
 * with the cited spans marked and scrolled into view inside the pane (not the page), with who said
 * it; chart evidence by its label and reference. Flags are spelled out. A span that no longer
 * matches the input (edited after drafting) is found again by its quote, or said to be gone.
 *
 * @module
 */
import { useEffect, useRef } from 'preact/hooks';
import type { DraftSentence, FhirEvidence, InputEvidence } from '../../../server/contract/note-draft.ts';
import { REVIEW_FLAGS } from '../../draft-edits.ts';

interface EvidencePaneProps {
  readonly sentence: DraftSentence | null;
  readonly inputText: string;
  /** "transcript", "dictation", "bullet points". */
  readonly inputName: string;
  readonly readOnly: boolean;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

interface Range {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | undefined;
}

const SPEAKERS = { clinician: 'Clinician', patient: 'Patient', other: 'Other speaker' } as const;

/** Where each cited span is in `text` now; `missing` counts quotes no longer there. */
export function locateSpans(text: string, evidence: readonly InputEvidence[]) {
  const ranges: Range[] = [];
  let missing = 0;
  for (const e of evidence) {
    let start = text.slice(e.start, e.end) === e.quote ? e.start : -1;
    if (start < 0 && e.quote !== '') start = text.indexOf(e.quote);
    if (start < 0) missing += 1;
    else ranges.push({ start, end: start + e.quote.length, speaker: e.speaker });
  }
  ranges.sort((a, b) => a.start - b.start);
  return { ranges, missing };
}

/** `text` with each located span in a `<mark>` naming its speaker; shared by the Draft and Codes steps. */
export function MarkedText({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  const pieces = [];
  let at = 0;
  for (const [i, range] of ranges.entries()) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    pieces.push(text.slice(at, start));
    const who = range.speaker ? SPEAKERS[range.speaker as keyof typeof SPEAKERS] : undefined;
    pieces.push(
      <mark key={i} data-testid="evidence-mark" data-speaker={range.speaker} title={who}>
        {text.slice(start, range.end)}
      </mark>,
    );
    at = range.end;
  }
  pieces.push(text.slice(at));
  return <>{pieces}</>;
}

function FhirList({ items }: { items: readonly FhirEvidence[] }) {
  return (
    <>
      <h4>From the chart</h4>
      <ul class="rp-list">
        {items.map((e) => (
          <li key={e.ref} data-testid="evidence-fhir">
            {e.label} <span class="rp-code">{e.ref}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function EvidencePane({
  sentence,
  inputText,
  inputName,
  readOnly,
  onEdit,
  onDelete,
}: EvidencePaneProps) {
  const box = useRef<HTMLDivElement>(null);
  const inputEvidence = (sentence?.evidence ?? []).filter((e): e is InputEvidence => e.kind === 'input');
  const fhirEvidence = (sentence?.evidence ?? []).filter((e): e is FhirEvidence => e.kind === 'fhir');
  const { ranges, missing } = locateSpans(inputText, inputEvidence);
  const firstStart = ranges[0]?.start;

  // Bring the first mark into view inside the pane only, so the page does not jump.
  useEffect(() => {
    const pane = box.current;
    const mark = pane?.querySelector('mark');
    if (pane && mark) pane.scrollTop = Math.max(0, mark.offsetTop - pane.clientHeight / 3);
  }, [sentence?.id, firstStart]);

  if (!sentence) {
    return (
      <aside class="rp-evidence" data-testid="evidence-pane" aria-labelledby="rp-evidence-title">
        <h3 id="rp-evidence-title">Evidence</h3>
        <p class="rp-muted rp-small">
          Select a sentence (click it, or Tab to it and press Enter) to see what it rests on.
        </p>
      </aside>
    );
  }
  const review = sentence.flags.filter((f) => REVIEW_FLAGS.has(f.code));
  return (
    <aside
      class="rp-evidence"
      data-testid="evidence-pane"
      data-evidence-for={sentence.id}
      aria-labelledby="rp-evidence-title"
    >
      <div class="rp-evidence-head">
        <h3 id="rp-evidence-title">Evidence</h3>
        {!readOnly && (
          <span class="rp-evidence-actions">
            <button type="button" class="rp-button-secondary" onClick={onEdit}>
              Edit{' '}
              <kbd class="rp-kbd" aria-hidden="true">
                Enter
              </kbd>
            </button>
            <button type="button" class="rp-button-secondary" onClick={onDelete}>
              Delete{' '}
              <kbd class="rp-kbd" aria-hidden="true">
                Del
              </kbd>
            </button>
          </span>
        )}
      </div>
      {review.length > 0 && (
        <ul class="rp-evidence-flags" data-testid="evidence-flags">
          {review.map((f) => (
            <li key={f.code} data-flag={f.code}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {sentence.evidence.length === 0 && (
        <p class="rp-small">
          {sentence.origin === 'clinician'
            ? 'Written by you; no evidence is linked to it.'
            : 'No evidence: nothing in the input or the chart supports this sentence. Check it, change it or delete it.'}
        </p>
      )}
      {fhirEvidence.length > 0 && <FhirList items={fhirEvidence} />}
      {inputEvidence.length > 0 && (
        <>
          <h4>From the {inputName}</h4>
          <ul class="rp-evidence-quotes">
            {inputEvidence.map((e, i) => (
              <li key={i}>
                {e.speaker && <span class="rp-tag">{SPEAKERS[e.speaker]}</span>}“{e.quote}”
              </li>
            ))}
          </ul>
          {missing > 0 && (
            <p class="rp-muted rp-small">
              The input changed after drafting; {missing === 1 ? 'one quote is' : `${missing} quotes are`} no
              longer in it.
            </p>
          )}
          {ranges.length > 0 && (
            <div
              class="rp-evidence-text"
              ref={box}
              tabIndex={0}
              role="region"
              aria-label={`The ${inputName}, evidence highlighted`}
              data-testid="evidence-text"
            >
              <MarkedText text={inputText} ranges={ranges} />
            </div>
          )}
        </>
      )}
    </aside>
  );
}
