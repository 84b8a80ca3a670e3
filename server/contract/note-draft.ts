/**
 * The visit note as the plugin edits it: a `NoteDraft` of template sections made of sentences,
 * each sentence carrying the evidence it rests on (a span of the clinician's input, or a FHIR
 * resource from the chart) and the flags the server's checks raised. Served and saved by
 * `/api/launches/:launchId/draft…`. Types and one pure rule, so `plugin/` may import them.
 *
 * @module
 */
import type { FhirRef } from './clinical-context.ts';

/** What the clinician gave: a visit transcript, a dictation, or bullet points. */
export type InputKind = 'transcript' | 'dictation' | 'bullets';

export interface ClinicianInput {
  readonly kind: InputKind;
  /** As typed or pasted; evidence spans index into this exact string. */
  readonly text: string;
}

/** Half-open character range `[start, end)` of `ClinicianInput.text`, with the text it covers. */
export interface InputEvidence {
  readonly kind: 'input';
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /** Who said it, when the transcript tells. */
  readonly speaker?: Speaker;
}

/** A chart resource from the launch's `ClinicalContext` (`MedicationRequest/12`), with a label to show. */
export interface FhirEvidence {
  readonly kind: 'fhir';
  readonly ref: FhirRef;
  /** "Metformin 1000 mg tablet: 1 tablet by mouth twice daily". */
  readonly label: string;
}

export type Evidence = InputEvidence | FhirEvidence;

export type Speaker = 'clinician' | 'patient' | 'other';

/**
 * Why a sentence needs a look before signing:
 * - `unsupported`: no evidence at all;
 * - `unverified_detail`: a number, medication, dose or laterality in the sentence that its evidence
 *   does not contain (`detail` names it);
 * - `uncertain`: the evidence is hedged ("probably", "rule out"), so the sentence must say so;
 * - `clinician_authored`: typed by the clinician, who vouches for it (informational).
 */
export type SentenceFlagCode = 'unsupported' | 'unverified_detail' | 'uncertain' | 'clinician_authored';

export interface SentenceFlag {
  readonly code: SentenceFlagCode;
  /** Plain words: "The dose 40 mg does not appear in the evidence." */
  readonly message: string;
  /** The offending token, for `unverified_detail` ("40 mg", "left"). */
  readonly detail?: string;
}

export interface DraftSentence {
  /** Stable within a draft (`s-3-7`); edits keep it. */
  readonly id: string;
  readonly text: string;
  readonly evidence: readonly Evidence[];
  readonly flags: readonly SentenceFlag[];
  /** `model`: written by the drafting provider; `clinician`: typed or changed by the clinician. */
  readonly origin: 'model' | 'clinician';
}

export interface DraftSection {
  /** The template section's key (`hpi`, `assessment_plan`, `patient_instructions`). */
  readonly key: string;
  readonly title: string;
  readonly sentences: readonly DraftSentence[];
}

export type DraftStatus = 'draft' | 'ready_to_sign';

export type ProviderName = 'builtin' | 'openai-compatible' | 'llama-cpp';

export interface NoteDraft {
  readonly sections: readonly DraftSection[];
  /** True when the input held nothing clinical: the draft says so and invents nothing. */
  readonly nothingToDocument: boolean;
  /** Which provider wrote it, and whether the answer was replayed from a recording. */
  readonly provider: ProviderName;
  readonly replayed: boolean;
  readonly generatedAt: string;
}

/** One encounter's draft as stored: the clinician's input is kept whatever the provider did. */
export interface DraftRecord {
  readonly id: string;
  /** Optimistic concurrency: every save sends the version it edited and gets the next one. */
  readonly version: number;
  readonly status: DraftStatus;
  readonly template: { readonly id: string; readonly version: number };
  readonly input: ClinicianInput;
  /** Null until a draft has been generated. */
  readonly note: NoteDraft | null;
  readonly updatedAt: string;
}

export interface TemplateSectionInfo {
  readonly key: string;
  readonly title: string;
  readonly instruction: string;
}

export interface TemplateSummary {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly specialty: string;
  readonly sections: readonly TemplateSectionInfo[];
}

/** `POST /api/launches/:launchId/draft/generate` body. */
export interface GenerateDraftRequest {
  readonly templateId: string;
  readonly input: ClinicianInput;
  /** The version of the stored draft this replaces (absent for the first one). */
  readonly baseVersion?: number;
  /** Defaults to the server's configured provider. */
  readonly provider?: ProviderName;
  /** Replay a recorded answer when one exists for this exact input (opt-in). */
  readonly replay?: boolean;
}

/**
 * `POST …/draft/generate` answers with newline-delimited JSON, one event per line, so a slow model
 * shows progress: any number of `progress` events, then exactly one `done` or `error`.
 */
export type DraftStreamEvent =
  | { readonly type: 'progress'; readonly section?: string; readonly text: string }
  | { readonly type: 'done'; readonly draft: DraftRecord }
  | { readonly type: 'error'; readonly error: string; readonly message: string };

/** `PUT /api/launches/:launchId/draft` body: autosave of the clinician's edits. */
export interface SaveDraftRequest {
  readonly baseVersion: number;
  readonly input?: ClinicianInput;
  readonly templateId?: string;
  /** Sentences by section; the server re-checks every edited sentence against its evidence. */
  readonly sections?: readonly {
    readonly key: string;
    readonly sentences: readonly { readonly id: string; readonly text: string }[];
  }[];
  readonly status?: DraftStatus;
}

/** `GET /api/launches/:launchId/drafting`: what the editor may offer. */
export interface DraftingOptions {
  readonly defaultProvider: ProviderName;
  readonly providers: readonly {
    readonly name: ProviderName;
    readonly available: boolean;
    /** Why it cannot be used, in words ("No model is configured: set OPENAI_BASE_URL …"). */
    readonly reason?: string;
  }[];
  /** Replaying recorded model answers is opt-in, per server and per request. */
  readonly replay: { readonly enabled: boolean };
  readonly maxInputChars: number;
}

/**
 * Drafted sentences the clinician must edit or delete before the note can be ready to sign: the
 * provider's own sentences with no evidence, or with a detail their evidence lacks. One rule for
 * the server, which enforces it, and the plugin, which explains it before asking.
 */
export function unresolvedSentences(note: Pick<NoteDraft, 'sections'>): DraftSentence[] {
  return note.sections
    .flatMap((section) => section.sentences)
    .filter(
      (s) =>
        s.origin === 'model' &&
        s.flags.some((f) => f.code === 'unsupported' || f.code === 'unverified_detail'),
    );
}
