/**
 * The queue's filters: status (pending by default), provider, payer type and a date-of-service
 * range. Each change applies at once; "Clear" goes back to everything pending. A From after To is
 * named at the field instead of asking the server.
 *
 * @module
 */
import type { ReviewQueueFilters } from '../../../server/contract/billing-review.ts';
import type { PayerType } from '../../../server/contract/clinical-context.ts';
import { payerTypeLabel } from '../../format-words.ts';
import { providerLabel } from './review-words.ts';

const PAYERS: readonly PayerType[] = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'];

export const DEFAULT_FILTERS: ReviewQueueFilters = { status: 'pending' };

export interface QueueFiltersProps {
  readonly filters: ReviewQueueFilters;
  readonly providers: readonly string[];
  readonly onChange: (filters: ReviewQueueFilters) => void;
}

/** The filters with `key` set to `value`, or without it when `value` is empty. */
function withFilter(
  filters: ReviewQueueFilters,
  key: keyof ReviewQueueFilters,
  value: string,
): ReviewQueueFilters {
  const next: Record<string, string> = { ...filters };
  if (value) next[key] = value;
  else delete next[key];
  return next;
}

export function QueueFilters({ filters, providers, onChange }: QueueFiltersProps) {
  const set = (key: keyof ReviewQueueFilters) => (event: Event) =>
    onChange(withFilter(filters, key, (event.currentTarget as HTMLInputElement | HTMLSelectElement).value));
  const badRange = Boolean(filters.from && filters.to && filters.from > filters.to);
  return (
    <form
      class="rp-codes-form rp-review-filters"
      role="search"
      aria-label="Filter the review queue"
      onSubmit={(e) => e.preventDefault()}
    >
      <label class="rp-field">
        <span>Status</span>
        <select value={filters.status ?? ''} onChange={set('status')}>
          <option value="pending">Pending</option>
          <option value="reviewed">Reviewed</option>
          <option value="">All</option>
        </select>
      </label>
      <label class="rp-field">
        <span>Provider</span>
        <select value={filters.provider ?? ''} onChange={set('provider')}>
          <option value="">All providers</option>
          {providers.map((p) => (
            <option key={p} value={p}>
              {providerLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <label class="rp-field">
        <span>Payer</span>
        <select value={filters.payerType ?? ''} onChange={set('payerType')}>
          <option value="">All payers</option>
          {PAYERS.map((p) => (
            <option key={p} value={p}>
              {payerTypeLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <label class="rp-field">
        <span>Seen from</span>
        <input type="date" value={filters.from ?? ''} onChange={set('from')} />
      </label>
      <label class="rp-field">
        <span>Seen to</span>
        <input
          type="date"
          value={filters.to ?? ''}
          aria-invalid={badRange ? true : undefined}
          aria-describedby={badRange ? 'rp-review-range-problem' : undefined}
          onChange={set('to')}
        />
      </label>
      <button type="button" class="rp-button-secondary" onClick={() => onChange(DEFAULT_FILTERS)}>
        Clear
      </button>
      {badRange && (
        <p id="rp-review-range-problem" class="rp-field-error" role="alert">
          “Seen from” is after “Seen to”: no visit can match.
        </p>
      )}
    </form>
  );
}
