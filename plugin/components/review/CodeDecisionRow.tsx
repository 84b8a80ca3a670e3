/**
 * One code in the review: code and description (opening its evidence in place, as on the Codes
 * step), its kind, confidence and why, the current decision with reason, who and when, and the
 * three actions: Accept, Change… and Reject… (the last two open `DecisionForm`). When a form
 * closes, focus goes back to the button that opened it.
 *
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DecideCodeRequest, ReviewDecision } from '../../../server/contract/billing-review.ts';
import type { ApiClient } from '../../api/client.ts';
import { formatDateTime } from '../../format-date.ts';
import { CodeItem } from '../codes/CodeEvidence.tsx';
import { confidenceWords } from '../codes/code-words.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { lineId, type ReviewLine } from './review-lines.ts';
import { deciderName, decisionWords, KIND_WORDS } from './review-words.ts';

export interface CodeDecisionRowProps {
  readonly line: ReviewLine;
  readonly current: ReviewDecision | undefined;
  readonly client: ApiClient;
  readonly onDecide: (request: DecideCodeRequest) => Promise<string | null>;
  readonly onSessionOver?: () => void;
}

type Mode = 'change' | 'reject' | null;

function CurrentDecision({ decision }: { decision: ReviewDecision | undefined }) {
  if (!decision)
    return (
      <p class="rp-review-status" data-testid="code-decision" data-decision="none">
        Not reviewed yet
      </p>
    );
  return (
    <p class="rp-review-status" data-testid="code-decision" data-decision={decision.decision}>
      <strong class="rp-review-outcome" data-decision={decision.decision}>
        {decisionWords(decision)}
      </strong>
      {decision.reason && <> · {decision.reason}</>}
      <span class="rp-item-meta">
        {' '}
        by {deciderName(decision)}, {formatDateTime(decision.decidedAt)}
      </span>
    </p>
  );
}

export function CodeDecisionRow({ line, current, client, onDecide, onSessionOver }: CodeDecisionRowProps) {
  const [mode, setMode] = useState<Mode>(null);
  const opener = useRef<Mode>(null);
  const buttons = useRef<Record<'accept' | 'change' | 'reject', HTMLButtonElement | null>>({
    accept: null,
    change: null,
    reject: null,
  });

  // Back to the button that opened the form once it closes.
  useEffect(() => {
    if (mode === null && opener.current) {
      buttons.current[opener.current]?.focus();
      opener.current = null;
    }
  }, [mode]);

  const open = (next: 'change' | 'reject') => {
    opener.current = next;
    setMode(next);
  };
  const save = async (request: DecideCodeRequest) => {
    const failed = await onDecide(request);
    if (!failed) setMode(null);
    return failed;
  };
  const id = lineId(line.code);
  const confidence = line.confidence === undefined ? undefined : confidenceWords(line.confidence);

  return (
    <CodeItem
      id={id}
      evidence={line.evidence}
      head={
        <>
          <span class="rp-code">{line.code}</span>
          <span class="rp-item-title">{line.description}</span>
        </>
      }
    >
      <p class="rp-code-meta">
        <span class="rp-tag">{KIND_WORDS[line.kind]}</span>
        {confidence && (
          <span class="rp-small" title={confidence.meaning}>
            {' '}
            Confidence {confidence.percent} <span class="rp-sr-only">({confidence.meaning})</span>
          </span>
        )}
      </p>
      {line.why && <p class="rp-code-why">{line.why}</p>}
      <CurrentDecision decision={current} />
      {mode === null ? (
        <div class="rp-review-actions" role="group" aria-label={`Decide on ${line.code}`}>
          <button
            type="button"
            ref={(el) => {
              buttons.current.accept = el;
            }}
            disabled={current?.decision === 'accept'}
            onClick={() => void onDecide({ code: line.code, decision: 'accept' })}
          >
            Accept
          </button>
          <button
            type="button"
            class="rp-button-secondary"
            ref={(el) => {
              buttons.current.change = el;
            }}
            onClick={() => open('change')}
          >
            Change…
          </button>
          <button
            type="button"
            class="rp-button-secondary"
            ref={(el) => {
              buttons.current.reject = el;
            }}
            onClick={() => open('reject')}
          >
            Reject…
          </button>
        </div>
      ) : (
        <DecisionForm
          mode={mode}
          line={line}
          client={client}
          onSave={save}
          onCancel={() => setMode(null)}
          {...(onSessionOver ? { onSessionOver } : {})}
        />
      )}
    </CodeItem>
  );
}
