/**
 * One encounter under review: who, when, which provider and payer, the note beside the codes,
 * each code with its evidence and Accept / Change / Reject, "Accept the rest" for the codes still
 * without a decision, and the E/M reasoning. Every decision is saved at once and the encounter is
 * read again, so what shows is what is stored; a polite live region says what was saved. After an
 * accept, focus moves to the next code still to review.
 *
 * @module
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DecideCodeRequest, ReviewEncounterDetail } from '../../../server/contract/billing-review.ts';
import { ApiError, isSessionOver, type ApiClient } from '../../api/client.ts';
import { createReviewApi } from '../../api/review-api.ts';
import { formatDate } from '../../format-date.ts';
import { payerTypeLabel } from '../../format-words.ts';
import { EvidenceContext } from '../codes/CodeEvidence.tsx';
import { INPUT_KINDS } from '../draft/DraftInputForm.tsx';
import { CodeDecisionRow } from './CodeDecisionRow.tsx';
import { EmReasoning } from './EmReasoning.tsx';
import { NotePane } from './NotePane.tsx';
import { lineId, reviewLines } from './review-lines.ts';
import { decisionWords, providerLabel } from './review-words.ts';

export interface EncounterReviewProps {
  readonly client: ApiClient;
  readonly id: string;
  readonly onBack: () => void;
  readonly onSessionOver: () => void;
}

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : 'Something went wrong in the app. Try again.';

export function EncounterReview({ client, id, onBack, onSessionOver }: EncounterReviewProps) {
  const api = useMemo(() => createReviewApi(client), [client]);
  const [detail, setDetail] = useState<ReviewEncounterDetail | null>(null);
  const [failure, setFailure] = useState('');
  const [announce, setAnnounce] = useState('');
  /** A failed Accept (Change and Reject show theirs in their form). */
  const [acceptProblem, setAcceptProblem] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const saving = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const failed = useCallback(
    (error: unknown) => {
      if (isSessionOver(error)) onSessionOver();
      return messageOf(error);
    },
    [onSessionOver],
  );
  const load = useCallback(
    () =>
      api.encounter(id).then(
        (data) => {
          setDetail(data);
          setFailure('');
        },
        (error: unknown) => setFailure(`The encounter could not be opened: ${failed(error)}`),
      ),
    [api, id, failed],
  );
  useEffect(() => {
    void load().then(() => heading.current?.focus());
  }, [load]);
  useEffect(() => {
    if (!focusNext) return;
    document
      .querySelector<HTMLButtonElement>(`[data-item-id="${focusNext}"] .rp-review-actions button`)
      ?.focus();
    setFocusNext(null);
  }, [focusNext, detail]);

  const lines = useMemo(() => (detail ? reviewLines(detail.suggestions) : []), [detail]);
  const current = new Map(detail?.decisions.map((d) => [d.code, d]) ?? []);
  const undecided = lines.filter((l) => !current.has(l.code));

  const decide = async (request: DecideCodeRequest): Promise<string | null> => {
    if (saving.current) return 'Another decision is being saved; try again in a moment.';
    saving.current = true;
    try {
      const saved = await api.decide(id, request);
      setAcceptProblem('');
      setAnnounce(`${saved.code}: ${decisionWords(saved)}. Saved.`);
      const next = lines.find((l) => l.code !== saved.code && !current.has(l.code));
      await load();
      if (request.decision === 'accept' && next) setFocusNext(lineId(next.code));
      return null;
    } catch (error) {
      const problem = `${request.code} not saved: ${failed(error)}`;
      if (request.decision === 'accept') setAcceptProblem(problem);
      return problem;
    } finally {
      saving.current = false;
    }
  };

  const acceptRest = async () => {
    for (const line of undecided) {
      if (await decide({ code: line.code, decision: 'accept' })) return;
    }
    setAnnounce(`Accepted ${undecided.length} codes.`);
  };

  const back = (
    <button type="button" class="rp-button-secondary" onClick={onBack}>
      ← Back to the queue{' '}
      <kbd class="rp-kbd" aria-hidden="true">
        Esc
      </kbd>
    </button>
  );
  if (!detail)
    return (
      <div class="rp-review-encounter">
        {back}
        {failure ? (
          <div class="rp-error" role="alert">
            <p>{failure}</p>
            <button type="button" onClick={() => void load()}>
              Retry
            </button>
          </div>
        ) : (
          <p class="rp-muted">Opening the encounter…</p>
        )}
      </div>
    );

  const { item } = detail;
  const inputName = (INPUT_KINDS.find((k) => k.kind === detail.note?.input.kind) ?? INPUT_KINDS[0]!).name;
  const toggle = (lineKey: string) => setOpenId((open) => (open === lineKey ? null : lineKey));
  return (
    <div
      class="rp-review-encounter"
      data-testid="review-encounter"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && openId === null) onBack();
      }}
    >
      {back}
      <h2 id="rp-review-title" tabIndex={-1} ref={heading}>
        {item.patientName || 'Unnamed patient'} · {formatDate(item.dateOfService)}
      </h2>
      <p class="rp-muted rp-small" data-testid="review-encounter-facts">
        {providerLabel(item.provider) || 'Provider not recorded'} · {payerTypeLabel(item.payerType)} ·{' '}
        {item.decidedCount} of {item.codeCount} codes decided ·{' '}
        {item.status === 'reviewed' ? 'Reviewed' : 'Pending'}
      </p>
      <p class="rp-sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <div class="rp-review-layout">
        <NotePane note={detail.note} inputName={inputName} />
        <EvidenceContext.Provider
          value={{ inputText: detail.note?.input.text ?? '', inputName, openId, toggle }}
        >
          <section
            class="rp-codes-section"
            aria-labelledby="rp-review-codes-title"
            data-testid="review-codes"
          >
            <div class="rp-review-codes-head">
              <h3 id="rp-review-codes-title">Codes</h3>
              {undecided.length > 0 && (
                <button type="button" onClick={() => void acceptRest()}>
                  Accept the remaining {undecided.length}
                </button>
              )}
            </div>
            {acceptProblem && (
              <p class="rp-field-error" role="alert" data-testid="accept-problem">
                {acceptProblem}
              </p>
            )}
            <ol class="rp-list rp-code-list">
              {lines.map((line) => (
                <CodeDecisionRow
                  key={line.code}
                  line={line}
                  current={current.get(line.code)}
                  client={client}
                  onDecide={decide}
                  onSessionOver={onSessionOver}
                />
              ))}
            </ol>
          </section>
          <EmReasoning em={detail.suggestions.em} />
        </EvidenceContext.Provider>
      </div>
    </div>
  );
}
