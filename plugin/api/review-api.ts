/**
 * The billing review queue's calls to the companion server: the queue with its filters, one
 * encounter (note, suggestions, decisions), recording a decision on a code, and, for the
 * clinician, billing's decisions on the launch's own encounter. Answers are shape-checked before
 * the UI reads them.
 *
 * @module
 */
import type {
  DecideCodeRequest,
  EncounterDecisions,
  ReviewDecision,
  ReviewEncounterDetail,
  ReviewQueue,
  ReviewQueueFilters,
} from '../../server/contract/billing-review.ts';
import { ApiError, type ApiClient } from './client.ts';

export interface ReviewApi {
  queue(filters: ReviewQueueFilters): Promise<ReviewQueue>;
  encounter(id: string): Promise<ReviewEncounterDetail>;
  decide(id: string, request: DecideCodeRequest): Promise<ReviewDecision>;
  /** Billing's decisions on this launch's encounter (any user of the launch). */
  decisions(): Promise<EncounterDecisions>;
}

const unreadable = () =>
  new ApiError('bad_response', 'The RevenuePilot server sent an answer the app cannot read.', 502);

function isDecision(value: unknown): value is ReviewDecision {
  const d = value as Partial<ReviewDecision> | null;
  return (
    typeof d?.code === 'string' &&
    (d.decision === 'accept' || d.decision === 'change' || d.decision === 'reject') &&
    typeof d.decidedBy === 'string' &&
    typeof d.decidedAt === 'string'
  );
}

function checkDecisions(value: unknown): EncounterDecisions {
  const v = value as Partial<EncounterDecisions> | null;
  if (!Array.isArray(v?.decisions) || !Array.isArray(v.history) || !v.decisions.every(isDecision)) {
    throw unreadable();
  }
  return v as EncounterDecisions;
}

function checkQueue(value: unknown): ReviewQueue {
  const q = value as Partial<ReviewQueue> | null;
  if (!Array.isArray(q?.items) || !Array.isArray(q.providers) || typeof q.truncated !== 'boolean') {
    throw unreadable();
  }
  return q as ReviewQueue;
}

function checkDetail(value: unknown): ReviewEncounterDetail {
  const d = value as Partial<ReviewEncounterDetail> | null;
  if (
    typeof d?.item?.id !== 'string' ||
    !Array.isArray(d.suggestions?.diagnoses) ||
    typeof d.suggestions.em?.code !== 'string'
  ) {
    throw unreadable();
  }
  checkDecisions(d);
  return d as ReviewEncounterDetail;
}

export function createReviewApi(client: ApiClient): ReviewApi {
  const review = `${client.basePath}/review`;
  return {
    async queue(filters) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
      const query = params.toString();
      return checkQueue(await client.request<unknown>(`${review}/queue${query ? `?${query}` : ''}`));
    },
    async encounter(id) {
      return checkDetail(await client.request<unknown>(`${review}/encounters/${encodeURIComponent(id)}`));
    },
    async decide(id, request) {
      const saved = await client.request<unknown>(
        `${review}/encounters/${encodeURIComponent(id)}/decisions`,
        {
          method: 'POST',
          body: request,
        },
      );
      if (!isDecision(saved)) throw unreadable();
      return saved;
    },
    async decisions() {
      return checkDecisions(await client.request<unknown>(`${client.basePath}/codes/decisions`));
    },
  };
}
