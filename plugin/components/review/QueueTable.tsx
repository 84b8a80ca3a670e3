/**
 * The encounters in the queue as a table: patient (the button that opens the encounter), date of
 * service, provider, payer, E/M level, and how far the review is. Empty and truncated queues say
 * so and what to do.
 *
 * @module
 */
import type { ReviewQueue, ReviewQueueItem } from '../../../server/contract/billing-review.ts';
import { formatDate } from '../../format-date.ts';
import { payerTypeLabel } from '../../format-words.ts';
import { providerLabel } from './review-words.ts';

export interface QueueTableProps {
  readonly queue: ReviewQueue;
  readonly onOpen: (item: ReviewQueueItem) => void;
}

export const openButtonId = (id: string) => `rp-review-open-${id}`;

export function QueueTable({ queue, onOpen }: QueueTableProps) {
  if (queue.items.length === 0)
    return (
      <p class="rp-empty" data-testid="review-queue-empty">
        No encounters match these filters. Clear them, or widen the dates.
      </p>
    );
  return (
    <>
      <table class="rp-table rp-review-queue" data-testid="review-queue">
        <caption class="rp-sr-only">Encounters with suggested codes</caption>
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Seen</th>
            <th scope="col">Provider</th>
            <th scope="col">Payer</th>
            <th scope="col">E/M</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {queue.items.map((item) => (
            <tr key={item.id} data-status={item.status}>
              <th scope="row">
                <button
                  type="button"
                  class="rp-button-link"
                  id={openButtonId(item.id)}
                  onClick={() => onOpen(item)}
                >
                  {item.patientName || 'Unnamed patient'}
                </button>
              </th>
              <td>{formatDate(item.dateOfService)}</td>
              <td>{providerLabel(item.provider)}</td>
              <td>{payerTypeLabel(item.payerType)}</td>
              <td>
                <span class="rp-code">{item.emCode}</span>
              </td>
              <td>
                {item.status === 'reviewed' ? 'Reviewed' : 'Pending'}{' '}
                <span class="rp-muted rp-small">
                  ({item.decidedCount} of {item.codeCount} decided)
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {queue.truncated && (
        <p class="rp-muted rp-small">More encounters match than are shown: narrow the filters to see them.</p>
      )}
    </>
  );
}
