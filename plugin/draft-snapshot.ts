/**
 * What the Draft step shows at any moment, as one immutable snapshot the controller replaces on
 * every change (the components only read it), with its starting values and the few rules for
 * them: the template a new encounter starts with, and the words for a conflict.
 *
 * @module
 */
import type {
  ClinicianInput,
  DraftingOptions,
  DraftStatus,
  NoteDraft,
  ProviderName,
  TemplateSummary,
} from '../server/contract/note-draft.ts';
import { ApiError } from './api/api-error.ts';
import type { SaveState } from './api/autosave.ts';
import type { RemovedSentence } from './draft-edits.ts';

export interface ProgressLine {
  readonly section?: string;
  readonly text: string;
}

export interface GenerationState {
  readonly running: boolean;
  /** Sentences as the provider finishes them. */
  readonly progress: readonly ProgressLine[];
  readonly error: ApiError | null;
  readonly outcome: 'done' | 'cancelled' | null;
}

export interface DraftSnapshot {
  readonly phase: 'loading' | 'ready' | 'failed';
  readonly loadError: ApiError | null;
  readonly templates: readonly TemplateSummary[];
  /** Null when the server could not say; drafting then uses its default provider. */
  readonly options: DraftingOptions | null;
  readonly input: ClinicianInput;
  readonly templateId: string;
  readonly note: NoteDraft | null;
  readonly status: DraftStatus;
  readonly save: SaveState;
  readonly generation: GenerationState;
  /** Something the person must know (the draft changed elsewhere). */
  readonly notice: string | null;
  readonly lastRemoved: RemovedSentence | null;
}

export interface DraftChoice {
  readonly provider?: ProviderName;
  readonly replay?: boolean;
}

export const IDLE_GENERATION: GenerationState = { running: false, progress: [], error: null, outcome: null };

export function initialSnapshot(): DraftSnapshot {
  return {
    phase: 'loading',
    loadError: null,
    templates: [],
    options: null,
    input: { kind: 'transcript', text: '' },
    templateId: '',
    note: null,
    status: 'draft',
    save: { kind: 'idle' },
    generation: IDLE_GENERATION,
    notice: null,
    lastRemoved: null,
  };
}

export const CONFLICT_NOTICE =
  'This draft was changed in another window, so your last change was not saved. The newest version is shown; make the change again if it is still needed.';

/**
 * The template a new encounter starts with: the server's default (the SOAP progress note), else
 * the first general one, else the first. `DraftingOptions` does not name the default (yet).
 */
export function defaultTemplate(templates: readonly TemplateSummary[]): string {
  const pick =
    templates.find((t) => t.id === 'soap-progress') ??
    templates.find((t) => t.specialty === 'general') ??
    templates[0];
  return pick?.id ?? '';
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError('unexpected', 'Something went wrong in the app. Try again.', 0);
}
