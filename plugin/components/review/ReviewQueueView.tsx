/**
 * The billing specialist's work queue: filters, the encounters with suggested codes, and one
 * encounter opened for review (Back, or Escape, returns to the list with focus on the encounter
 * that was open, and the list read again). Loads when first shown; failures say what happened,
 * with Retry.
 *
 * @module
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReviewQueue, ReviewQueueFilters } from '../../../server/contract/billing-review.ts';
import { ApiError, isSessionOver, type ApiClient } from '../../api/client.ts';
import { createReviewApi } from '../../api/review-api.ts';
import { EncounterReview } from './EncounterReview.tsx';
import { DEFAULT_FILTERS, QueueFilters } from './QueueFilters.tsx';
import { openButtonId, QueueTable } from './QueueTable.tsx';

export interface ReviewQueueViewProps {
  readonly client: ApiClient;
  /** The tab is showing: the queue loads on first show. */
  readonly active: boolean;
  readonly onSessionOver: () => void;
}

type Load =
  | { readonly kind: 'idle' | 'loading' }
  | { readonly kind: 'ready'; readonly queue: ReviewQueue }
  | { readonly kind: 'failed'; readonly message: string };

export function ReviewQueueView({ client, active, onSessionOver }: ReviewQueueViewProps) {
  const api = useMemo(() => createReviewApi(client), [client]);
  const [filters, setFilters] = useState<ReviewQueueFilters>(DEFAULT_FILTERS);
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [openId, setOpenId] = useState<string | null>(null);
  const lastOpened = useRef<string | null>(null);
  const latest = useRef(0);
  const [shown, setShown] = useState(false);
  const [providers, setProviders] = useState<readonly string[]>([]);

  useEffect(() => {
    if (active) setShown(true);
  }, [active]);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    setLoad({ kind: 'loading' });
    api.queue(filters).then(
      (queue) => {
        if (request !== latest.current) return;
        setProviders(queue.providers);
        setLoad({ kind: 'ready', queue });
      },
      (error: unknown) => {
        if (isSessionOver(error)) onSessionOver();
        if (request !== latest.current) return;
        const message = error instanceof ApiError ? error.message : 'Something went wrong in the app.';
        setLoad({ kind: 'failed', message: `The review queue could not be loaded: ${message}` });
      },
    );
  }, [api, filters, onSessionOver]);

  useEffect(() => {
    if (shown && openId === null) refresh();
  }, [shown, openId, refresh]);

  // Back from an encounter: focus its row again once the list is there.
  useEffect(() => {
    if (openId !== null || load.kind !== 'ready' || !lastOpened.current) return;
    document.getElementById(openButtonId(lastOpened.current))?.focus();
    lastOpened.current = null;
  }, [openId, load]);

  if (openId !== null)
    return (
      <EncounterReview
        client={client}
        id={openId}
        onBack={() => setOpenId(null)}
        onSessionOver={onSessionOver}
      />
    );

  return (
    <div class="rp-review" data-testid="review-queue-view">
      <div class="rp-context-head">
        <h2>Billing review queue</h2>
        <p class="rp-muted rp-small">
          Encounters with suggested codes. Open one to check each code against the note, then accept, change
          or reject it.
        </p>
      </div>
      <QueueFilters filters={filters} providers={providers} onChange={setFilters} />
      {load.kind === 'loading' && <p class="rp-muted">Loading the queue…</p>}
      {load.kind === 'failed' && (
        <div class="rp-error" role="alert">
          <p>{load.message}</p>
          <button type="button" onClick={refresh}>
            Retry
          </button>
        </div>
      )}
      {load.kind === 'ready' && (
        <QueueTable
          queue={load.queue}
          onOpen={(item) => {
            lastOpened.current = item.id;
            // The list is read again on the way back; focus waits for that answer.
            setLoad({ kind: 'idle' });
            setOpenId(item.id);
          }}
        />
      )}
    </div>
  );
}
