/**
 * What billing decided on this encounter's codes, for the clinician (embedded in the Codes step):
 * each code's current decision (accepted, changed to another code, rejected) with the reason, who
 * decided and when. Loads when shown and again when `refreshKey` changes; says plainly when billing
 * has not reviewed the codes yet, or when the decisions could not be loaded (with Retry).
 *
 * @module
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { EncounterDecisions } from '../../../server/contract/billing-review.ts';
import { ApiError, isSessionOver, type ApiClient } from '../../api/client.ts';
import { createReviewApi } from '../../api/review-api.ts';
import { formatDateTime } from '../../format-date.ts';
import { deciderName, decisionWords, KIND_WORDS } from './review-words.ts';

export interface BillingDecisionsProps {
  readonly client: ApiClient;
  /** Change it (e.g. the suggestions' `createdAt`) to load the decisions again. */
  readonly refreshKey?: string | number;
  /** The launch's session ended: the app asks for a relaunch. */
  readonly onSessionOver?: () => void;
}

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly data: EncounterDecisions }
  | { readonly kind: 'failed'; readonly message: string };

export function BillingDecisions({ client, refreshKey, onSessionOver }: BillingDecisionsProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(() => {
    let live = true;
    setState({ kind: 'loading' });
    createReviewApi(client)
      .decisions()
      .then(
        (data) => live && setState({ kind: 'ready', data }),
        (error: unknown) => {
          if (error instanceof ApiError && isSessionOver(error)) onSessionOver?.();
          if (live)
            setState({
              kind: 'failed',
              message: `Billing's decisions could not be loaded: ${
                error instanceof ApiError ? error.message : 'something went wrong.'
              } Your codes are not affected.`,
            });
        },
      );
    return () => {
      live = false;
    };
  }, [client, onSessionOver]);
  useEffect(load, [load, refreshKey]);

  return (
    <section
      class="rp-codes-section"
      aria-labelledby="rp-billing-decisions-title"
      data-testid="billing-decisions"
    >
      <h3 id="rp-billing-decisions-title">Billing review</h3>
      {state.kind === 'loading' && <p class="rp-muted rp-small">Loading billing's decisions…</p>}
      {state.kind === 'failed' && (
        <div class="rp-error" role="alert">
          <p>{state.message}</p>
          <button type="button" class="rp-button-secondary" onClick={load}>
            Retry
          </button>
        </div>
      )}
      {state.kind === 'ready' && state.data.decisions.length === 0 && (
        <p class="rp-empty">Billing has not reviewed these codes yet.</p>
      )}
      {state.kind === 'ready' && state.data.decisions.length > 0 && (
        <ul class="rp-list" data-testid="billing-decision-list">
          {state.data.decisions.map((d) => (
            <li key={d.id} data-code={d.code} data-decision={d.decision}>
              <span class="rp-code">{d.code}</span> <span class="rp-tag">{KIND_WORDS[d.kind]}</span>{' '}
              <strong class="rp-review-outcome" data-decision={d.decision}>
                {decisionWords(d)}
              </strong>
              {d.reason && <p class="rp-code-why">Reason: {d.reason}</p>}
              <p class="rp-item-meta">
                {deciderName(d)}, {formatDateTime(d.decidedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
