/**
 * The billing review queue's work: list one EHR's encounters with suggestions and how far their
 * review is, open one encounter (the note, the suggestions, the decisions), record a decision on
 * a suggested code, and show the clinician what billing decided on their encounter. Every read
 * and write leaves an audit row with ids and codes only (never names, note text or reasons).
 *
 * @module
 */
import type { AuditEntry, AuditLog } from '../../audit/audit-log.ts';
import type {
  DecideCodeRequest,
  EncounterDecisions,
  ReviewDecision,
  ReviewEncounterDetail,
  ReviewQueue,
  ReviewQueueFilters,
  ReviewQueueItem,
} from '../../contract/billing-review.ts';
import type { DraftStore } from '../../drafting/draft-store.ts';
import { renderNoteText } from '../../drafting/render-note-text.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CodeSuggestionStore, EncounterKey, StoredSuggestions } from '../store/code-suggestion-store.ts';
import { checkReplacementCode, type Icd10cmLookup } from './replacement-codes.ts';
import { encounterMapKey, type ReviewDecisionStore } from './review-decision-store.ts';
import { currentDecisions, inClaimOrder, reviewCodes, reviewProgress } from './review-codes.ts';
import { parseReviewId, reviewIdOf } from './review-id.ts';
import type { QueueRow, ReviewQueueStore } from './review-queue-store.ts';

/** The queue shows at most this many encounters; more means "narrow the filters". */
export const QUEUE_LIMIT = 200;
/** How many encounters a status filter looks through. */
const QUEUE_SCAN = 2_000;

export interface ReviewCaller {
  readonly registrationId: string;
  /** The billing user's fhirUser (relative or absolute, as the launch has it). */
  readonly actor: string;
  readonly actorName: string;
  readonly requestId: string;
}

export interface ClinicianCaller {
  readonly key: EncounterKey;
  readonly actor: string | null;
  readonly requestId: string;
}

export interface BillingReviewService {
  queue(caller: ReviewCaller, filters: ReviewQueueFilters): Promise<ReviewQueue>;
  detail(caller: ReviewCaller, reviewId: string): Promise<ReviewEncounterDetail>;
  decide(caller: ReviewCaller, reviewId: string, request: DecideCodeRequest): Promise<ReviewDecision>;
  encounterDecisions(caller: ClinicianCaller): Promise<EncounterDecisions>;
}

export interface BillingReviewDeps {
  readonly suggestions: CodeSuggestionStore;
  readonly queue: ReviewQueueStore;
  readonly decisions: ReviewDecisionStore;
  readonly drafts: DraftStore;
  readonly icd10cm: Icd10cmLookup;
  readonly audit: AuditLog;
}

function queueItem(row: QueueRow, decided: ReadonlySet<string>): ReviewQueueItem {
  return {
    id: reviewIdOf(row),
    patientName: row.patientName,
    provider: row.provider,
    payerType: row.payerType,
    dateOfService: row.dateOfService,
    ...reviewProgress(row.codes, decided),
    emCode: row.emCode,
    suggestedAt: row.suggestedAt,
  };
}

function itemOf(stored: StoredSuggestions, history: readonly ReviewDecision[]): ReviewQueueItem {
  return queueItem(
    {
      ...stored.key,
      patientName: stored.patientName,
      provider: stored.provider,
      payerType: stored.payerType,
      dateOfService: stored.dateOfService,
      emCode: stored.suggestions.em.code,
      codes: reviewCodes(stored.suggestions).map((c) => c.code),
      suggestedAt: stored.updatedAt,
    },
    new Set(history.map((d) => d.code)),
  );
}

export function createBillingReviewService(deps: BillingReviewDeps): BillingReviewService {
  const entry = (
    caller: { requestId: string; actor: string | null },
    action: string,
    patientId: string | null,
    detail: AuditEntry['detail'] = {},
  ): AuditEntry => ({
    requestId: caller.requestId,
    actor: caller.actor,
    patientRef: patientId === null ? null : `Patient/${patientId}`,
    action,
    outcome: 'success',
    detail,
  });

  async function encounterOf(caller: ReviewCaller, reviewId: string) {
    const ids = parseReviewId(reviewId);
    const key = ids && { registrationId: caller.registrationId, ...ids };
    const stored = key && (await deps.suggestions.find(key));
    if (!key || !stored) throw new AppError('not_found', 'This encounter is not in the review queue.');
    return { key, stored };
  }

  return {
    async queue(caller, filters) {
      const { status, ...sqlFilters } = filters;
      const scan = status ? QUEUE_SCAN : QUEUE_LIMIT + 1;
      const [rows, providers] = await Promise.all([
        deps.queue.list(caller.registrationId, sqlFilters, scan),
        deps.queue.providers(caller.registrationId),
      ]);
      const decided = await deps.decisions.decidedCodes(caller.registrationId, rows);
      const matching = rows
        .map((row) => ({ row, item: queueItem(row, decided.get(encounterMapKey(row)) ?? new Set()) }))
        .filter(({ item }) => !status || item.status === status);
      const shown = matching.slice(0, QUEUE_LIMIT);
      const items = shown.map(({ item }) => item);
      const patients = [...new Set(shown.map(({ row }) => row.patientId))];
      const detail = { encounters: items.length, registrationId: caller.registrationId };
      await deps.audit.recordMany(
        patients.length > 0
          ? patients.map((p) => entry(caller, 'api.review.queue.read', p, detail))
          : [entry(caller, 'api.review.queue.read', null, detail)],
      );
      return { items, providers, truncated: matching.length > QUEUE_LIMIT || rows.length === scan };
    },

    async detail(caller, reviewId) {
      const { key, stored } = await encounterOf(caller, reviewId);
      const [draft, history] = await Promise.all([deps.drafts.find(key), deps.decisions.history(key)]);
      await deps.audit.record(
        entry(caller, 'api.review.encounter.read', key.patientId, {
          encounterId: key.encounterId,
          decisions: history.length,
          note: Boolean(draft?.note),
        }),
      );
      return {
        item: itemOf(stored, history),
        note: draft && {
          text: draft.note ? renderNoteText(draft.note) : '',
          status: draft.status,
          version: draft.version,
          input: draft.input,
        },
        suggestions: stored.suggestions,
        decisions: inClaimOrder(currentDecisions(history), reviewCodes(stored.suggestions)),
        history,
      };
    },

    async decide(caller, reviewId, request) {
      const { key, stored } = await encounterOf(caller, reviewId);
      const line = reviewCodes(stored.suggestions).find((c) => c.code === request.code);
      if (!line)
        throw new AppError('bad_request', `${request.code} is not among this encounter's suggested codes.`);
      const replacementCode =
        request.decision === 'change' && request.replacementCode !== undefined
          ? await checkReplacementCode(line.kind, line.code, request.replacementCode, deps.icd10cm)
          : undefined;
      const saved = await deps.decisions.save(key, {
        code: line.code,
        kind: line.kind,
        decision: request.decision,
        ...(replacementCode ? { replacementCode } : {}),
        ...(request.reason ? { reason: request.reason } : {}),
        decidedBy: caller.actor,
        decidedByName: caller.actorName,
      });
      await deps.audit.record(
        entry(caller, 'api.review.decision.write', key.patientId, {
          encounterId: key.encounterId,
          code: line.code,
          decision: request.decision,
          replacementCode: replacementCode ?? null,
          decisionId: saved.id,
        }),
      );
      return saved;
    },

    async encounterDecisions(caller) {
      const [history, stored] = await Promise.all([
        deps.decisions.history(caller.key),
        deps.suggestions.find(caller.key),
      ]);
      await deps.audit.record(
        entry(caller, 'api.codes.decisions.read', caller.key.patientId, {
          encounterId: caller.key.encounterId,
          decisions: history.length,
        }),
      );
      const codes = stored ? reviewCodes(stored.suggestions) : [];
      return { decisions: inClaimOrder(currentDecisions(history), codes), history };
    },
  };
}
