/**
 * The billing review queue as the plugin shows it: encounters with stored code suggestions, their
 * review status, one encounter's note beside its codes, and the decisions billing staff record on
 * each suggested code (accept, change to another code, reject), with who and when. Served by
 * `/api/launches/:launchId/review/…` to billing users and, for the clinician, by
 * `…/codes/decisions`. Types only, so `plugin/` may import them.
 *
 * @module
 */
import type { PayerType } from './clinical-context.ts';
import type { CodeDecision, EncounterCodeSuggestions, ReviewDecisionKind } from './coding.ts';
import type { ClinicianInput, DraftStatus } from './note-draft.ts';

/** Which list of the suggestions a code comes from; decides what a replacement may be. */
export type ReviewCodeKind = 'diagnosis' | 'em' | 'add_on' | 'service';

/** `pending`: some suggested code has no decision yet; `reviewed`: every one has. */
export type ReviewStatus = 'pending' | 'reviewed';

/** A recorded decision, as stored: the contract's `CodeDecision` plus its id, kind and the reviewer's name. */
export interface ReviewDecision extends CodeDecision {
  readonly id: string;
  readonly kind: ReviewCodeKind;
  /** "Bea Biller" when the admin gave the user a name, else ''. */
  readonly decidedByName: string;
}

/** `GET …/review/queue` query parameters; every one optional. */
export interface ReviewQueueFilters {
  /** The provider's name as stored with the suggestions (exact match). */
  readonly provider?: string;
  readonly payerType?: PayerType;
  /** Dates of service, YYYY-MM-DD, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly status?: ReviewStatus;
}

/** One row of the queue. `id` names the encounter in the other review routes. */
export interface ReviewQueueItem {
  readonly id: string;
  readonly patientName: string;
  readonly provider: string;
  readonly payerType: PayerType;
  /** YYYY-MM-DD. */
  readonly dateOfService: string;
  readonly status: ReviewStatus;
  /** Suggested codes (diagnoses, E/M, add-ons, services) and how many carry a current decision. */
  readonly codeCount: number;
  readonly decidedCount: number;
  readonly emCode: string;
  readonly suggestedAt: string;
}

export interface ReviewQueue {
  readonly items: readonly ReviewQueueItem[];
  /** The providers with suggestions at this EHR, for the filter's list. */
  readonly providers: readonly string[];
  /** True when more encounters matched than the queue shows (narrow the filters). */
  readonly truncated: boolean;
}

/** The note as it stands, for reading beside the codes. */
export interface ReviewNote {
  /** The note's sections as plain text ('' before a note has been drafted). */
  readonly text: string;
  readonly status: DraftStatus;
  readonly version: number;
  /** What the clinician gave; input evidence spans index into `input.text`. */
  readonly input: ClinicianInput;
}

/** `GET …/review/encounters/:id`: everything needed to review one encounter. */
export interface ReviewEncounterDetail {
  readonly item: ReviewQueueItem;
  /** Null when the encounter's draft is gone (codes were suggested from input alone elsewhere). */
  readonly note: ReviewNote | null;
  readonly suggestions: EncounterCodeSuggestions;
  /** The current decision per code (the newest). */
  readonly decisions: readonly ReviewDecision[];
  /** Every decision, newest first. */
  readonly history: readonly ReviewDecision[];
}

/** `POST …/review/encounters/:id/decisions` body. */
export interface DecideCodeRequest {
  readonly code: string;
  readonly decision: ReviewDecisionKind;
  /** Required for `change`: a billable ICD-10-CM code for a diagnosis, an E/M code for the level, a CPT/HCPCS code otherwise. */
  readonly replacementCode?: string;
  /** Required for `change` and `reject`. */
  readonly reason?: string;
}

/** `GET …/codes/decisions`: billing's decisions on the launch's own encounter, for the clinician. */
export interface EncounterDecisions {
  readonly decisions: readonly ReviewDecision[];
  readonly history: readonly ReviewDecision[];
}
