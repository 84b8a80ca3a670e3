/**
 * What a code rests on, opened under the code itself (a disclosure, so it reads in order in a
 * 400 px panel and with a screen reader): chart resources by label and reference, quotes from the
 * clinician's input with who said them, and the input with those spans marked, as the Draft step
 * shows a sentence's evidence. `CodeItem` is one selectable row; Escape closes it.
 *
 * @module
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { Evidence, FhirEvidence, InputEvidence } from '../../../server/contract/note-draft.ts';
import { locateSpans, MarkedText } from '../draft/EvidencePane.tsx';

export interface EvidenceSource {
  /** The saved draft's input, where input evidence points. */
  readonly inputText: string;
  /** "transcript", "dictation", "bullet points". */
  readonly inputName: string;
  readonly openId: string | null;
  readonly toggle: (id: string) => void;
}

export const EvidenceContext = createContext<EvidenceSource>({
  inputText: '',
  inputName: 'input',
  openId: null,
  toggle: () => undefined,
});

const SPEAKERS = { clinician: 'Clinician', patient: 'Patient', other: 'Other speaker' } as const;

function MarkedInput({ text, evidence }: { text: string; evidence: readonly InputEvidence[] }) {
  const box = useRef<HTMLDivElement>(null);
  const { ranges, missing } = locateSpans(text, evidence);
  useEffect(() => {
    // Bring the first mark into view inside the box only, so the page does not jump.
    const mark = box.current?.querySelector('mark');
    if (box.current && mark) box.current.scrollTop = Math.max(0, mark.offsetTop - 40);
  }, [text, ranges[0]?.start]);
  return (
    <>
      {missing > 0 && (
        <p class="rp-muted rp-small">
          The input changed since; {missing === 1 ? 'one quote is' : `${missing} quotes are`} no longer in it.
        </p>
      )}
      {ranges.length > 0 && (
        <div
          class="rp-evidence-text"
          ref={box}
          tabIndex={0}
          role="region"
          aria-label="The input, evidence highlighted"
          data-testid="code-evidence-text"
        >
          <MarkedText text={text} ranges={ranges} />
        </div>
      )}
    </>
  );
}

export function CodeEvidence({ id, evidence }: { id: string; evidence: readonly Evidence[] }) {
  const { inputText, inputName } = useContext(EvidenceContext);
  const fhir = evidence.filter((e): e is FhirEvidence => e.kind === 'fhir');
  const input = evidence.filter((e): e is InputEvidence => e.kind === 'input');
  return (
    <div class="rp-code-evidence" id={`${id}-evidence`} data-testid="code-evidence">
      {fhir.length > 0 && (
        <>
          <p class="rp-evidence-label">From the chart</p>
          <ul class="rp-evidence-quotes">
            {fhir.map((e) => (
              <li key={e.ref} data-testid="code-evidence-fhir">
                {e.label} <span class="rp-code">{e.ref}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {input.length > 0 && (
        <>
          <p class="rp-evidence-label">From the {inputName}</p>
          <ul class="rp-evidence-quotes">
            {input.map((e, i) => (
              <li key={i} data-testid="code-evidence-quote">
                {e.speaker && <span class="rp-tag">{SPEAKERS[e.speaker]}</span>}“{e.quote}”
              </li>
            ))}
          </ul>
          <MarkedInput text={inputText} evidence={input} />
        </>
      )}
    </div>
  );
}

interface CodeItemProps {
  /** Unique on the page: the evidence box's id derives from it. */
  readonly id: string;
  readonly evidence: readonly Evidence[];
  /** The selectable line: code and description. */
  readonly head: ComponentChildren;
  readonly children?: ComponentChildren;
  readonly tag?: 'li' | 'div';
}

/** A code with its details; its head opens and closes its evidence (Enter, Space; Escape closes). */
export function CodeItem({ id, evidence, head, children, tag = 'li' }: CodeItemProps) {
  const { openId, toggle } = useContext(EvidenceContext);
  const button = useRef<HTMLButtonElement>(null);
  const open = openId === id;
  const Tag = tag;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    toggle(id);
    button.current?.focus();
  };
  return (
    <Tag class="rp-code-item" data-item-id={id} data-open={open ? 'true' : undefined} onKeyDown={onKeyDown}>
      {evidence.length > 0 ? (
        <button
          type="button"
          ref={button}
          class="rp-code-toggle"
          aria-expanded={open}
          aria-controls={open ? `${id}-evidence` : undefined}
          onClick={() => toggle(id)}
        >
          {head}
          <span class="rp-code-toggle-hint" aria-hidden="true">
            {open ? 'Hide evidence' : 'Evidence'}
          </span>
        </button>
      ) : (
        <div class="rp-code-head">
          {head} <span class="rp-muted rp-small">(no evidence linked)</span>
        </div>
      )}
      {children}
      {open && <CodeEvidence id={id} evidence={evidence} />}
    </Tag>
  );
}
