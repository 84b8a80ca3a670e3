/**
 * The one interface every drafting provider implements (`builtin`, `openai-compatible`,
 * `llama-cpp`, and the record/replay wrapper around any of them). A provider gets the template,
 * the clinician's input already cut into numbered segments, and the chart facts it may cite; it
 * answers a `ProviderResult` whose `ProviderDraft` is validated by `providerDraftSchema`, citing segments and chart facts
 * by id. The drafting service turns that into a `NoteDraft`: it resolves the citations to spans and
 * resources and checks every sentence against them, so no provider is trusted to do either.
 *
 * @module
 */
import type { ClinicalContext } from '../contract/clinical-context.ts';
import type { ClinicianInput, ProviderName, Speaker } from '../contract/note-draft.ts';
import type { ProviderDraft } from './provider-draft-schema.ts';
import type { NoteTemplate } from './templates/note-template.ts';

/**
 * One piece of the clinician's input: a speaker turn of a transcript (or one sentence of it when
 * a turn is long), a dictated sentence, or a bullet. `[start, end)` indexes `ClinicianInput.text`.
 */
export interface InputSegment {
  /** `u1`, `u2`, … in input order. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** The segment's text without the speaker label. */
  readonly text: string;
  readonly speaker?: Speaker;
}

/** A chart fact the provider may cite: one line per medication, allergy, problem, vital or lab. */
export interface ContextFact {
  /** `c1`, `c2`, … */
  readonly id: string;
  readonly ref: string;
  readonly kind:
    'patient' | 'problem' | 'medication' | 'allergy' | 'vital' | 'lab' | 'coverage' | 'encounter';
  /** "Metformin 1000 mg tablet: 1 tablet by mouth twice daily". */
  readonly text: string;
}

export interface DraftRequest {
  readonly template: NoteTemplate;
  readonly input: ClinicianInput;
  readonly segments: readonly InputSegment[];
  /** Absent when drafting without a launch (the command line without `--patient`). */
  readonly context?: ClinicalContext;
  readonly contextFacts: readonly ContextFact[];
}

/** Streamed while a provider works, so the editor shows text as it arrives. */
export interface DraftProgress {
  readonly section?: string;
  readonly text: string;
}

export interface DraftCallOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DraftProgress) => void;
}

/** What a provider answers: the draft, plus what metrics and the record/replay wrapper need. */
export interface ProviderResult {
  readonly draft: ProviderDraft;
  /** True when the record/replay wrapper answered from a recording. */
  readonly replayed?: boolean;
  /** The model that answered, when there is one (`gpt-4o-mini`, a GGUF file name). */
  readonly model?: string;
  readonly usage?: { readonly promptTokens: number; readonly completionTokens: number };
}

export interface DraftingProvider {
  readonly name: ProviderName;
  draft(request: DraftRequest, options?: DraftCallOptions): Promise<ProviderResult>;
}
