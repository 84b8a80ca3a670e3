/**
 * The drafting pipeline, the same for every provider and every caller (API, command line,
 * evaluation): cut the clinician's input into citable segments, list the chart facts, ask the
 * provider, validate its answer against the one output schema, then resolve every citation and
 * check every sentence against its evidence. Input with nothing clinical in it never reaches a
 * provider: the draft says there is nothing to document, so nothing can be invented.
 *
 * @module
 */
import type { ClinicalContext } from '../contract/clinical-context.ts';
import type { ClinicianInput, NoteDraft } from '../contract/note-draft.ts';
import { AppError } from '../errors/app-error.ts';
import { contextFacts } from './evidence/context-facts.ts';
import { resolveDraft } from './evidence/resolve-draft.ts';
import { segmentInput } from './input/segment-input.ts';
import type {
  DraftCallOptions,
  DraftingProvider,
  DraftRequest,
  InputSegment,
  ProviderResult,
} from './provider.ts';
import { providerDraftSchema } from './provider-draft-schema.ts';
import type { NoteTemplate } from './templates/note-template.ts';

/** Large enough for an hour-long visit (about 60,000 characters); configurable per server. */
export const DEFAULT_MAX_INPUT_CHARS = 100_000;

export interface DraftNoteArgs {
  readonly template: NoteTemplate;
  readonly input: ClinicianInput;
  readonly context?: ClinicalContext;
}

export interface DraftNoteOptions extends DraftCallOptions {
  readonly maxInputChars?: number;
  readonly now?: () => Date;
  /** Told what the provider answered with (model, usage), for metrics; never the text. */
  readonly onResult?: (result: Omit<ProviderResult, 'draft'>) => void;
}

// Words that carry no clinical content: greetings, fillers, acknowledgements.
const EMPTY_WORDS = new Set(
  (
    'a an and the so ok okay alright all right yes yeah yep no nope um uh hmm mm mhm hm huh oh ' +
    'hi hello hey good morning afternoon evening bye goodbye thanks thank you see well great fine ' +
    'sure right i me you we it is its it’s that this there here just like know mean um-hum mm-hmm uh-huh ' +
    'doctor patient dr nurse silence inaudible crosstalk pause music noise'
  ).split(' '),
);

/** True when the segments hold fewer than three words that could carry clinical content. */
export function isNearlyEmpty(segments: readonly InputSegment[]): boolean {
  let meaningful = 0;
  for (const segment of segments) {
    for (const word of segment.text.toLowerCase().match(/[a-z0-9’'-]+/g) ?? []) {
      if (!EMPTY_WORDS.has(word) && ++meaningful >= 3) return false;
    }
  }
  return true;
}

/** Refuses input over the limit, naming both sizes; the service calls it before storing anything. */
export function checkInputSize(input: ClinicianInput, maxInputChars: number): void {
  if (input.text.length > maxInputChars) {
    throw new AppError(
      'payload_too_large',
      `The ${input.kind} is ${input.text.length.toLocaleString('en-US')} characters; the limit is ` +
        `${maxInputChars.toLocaleString('en-US')}. Your text is kept: shorten it or draft it in parts.`,
    );
  }
}

export async function draftNote(
  provider: DraftingProvider,
  args: DraftNoteArgs,
  options: DraftNoteOptions = {},
): Promise<NoteDraft> {
  checkInputSize(args.input, options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS);
  const now = options.now ?? (() => new Date());
  const segments = segmentInput(args.input);
  const request: DraftRequest = {
    template: args.template,
    input: args.input,
    segments,
    ...(args.context ? { context: args.context } : {}),
    contextFacts: contextFacts(args.context),
  };
  if (isNearlyEmpty(segments)) {
    return resolveDraft({ sections: [] }, request, { provider: provider.name, replayed: false, now: now() });
  }
  const result = await provider.draft(request, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const parsed = providerDraftSchema.safeParse(result.draft);
  if (!parsed.success) {
    throw new AppError(
      'model_output_invalid',
      'The drafting provider answered with a note RevenuePilot cannot read. Your input is kept; try again.',
      { cause: parsed.error },
    );
  }
  options.onResult?.({
    ...(result.replayed !== undefined ? { replayed: result.replayed } : {}),
    ...(result.model ? { model: result.model } : {}),
    ...(result.usage ? { usage: result.usage } : {}),
  });
  return resolveDraft(parsed.data, request, {
    provider: provider.name,
    replayed: result.replayed ?? false,
    now: now(),
  });
}
