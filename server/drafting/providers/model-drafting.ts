/**
 * How a note is drafted with any model, whatever serves it: the input is cut into windows the
 * context holds, the template into section groups, and each (window, group) is one call. An
 * answer that is not valid gets exactly one repair call; an answer cut off at the token limit is
 * asked again one section at a time, and a single section that still does not fit fails the
 * whole draft (`draft_truncated`) rather than returning a partial note. The answers are merged in
 * template order.
 *
 * @module
 */
import type { Logger } from '../../observability/logger.ts';
import type { ProviderDraft } from '../provider-draft-schema.ts';
import type { DraftCallOptions, DraftRequest, InputSegment } from '../provider.ts';
import type { TemplateSection } from '../templates/note-template.ts';
import { createProgressReporter } from './draft-progress.ts';
import { buildDraftMessages, buildRepairMessages } from './draft-prompt.ts';
import { splitIntoWindows } from './input-windows.ts';
import { mergeDrafts } from './merge-drafts.ts';
import type { CompleteFn, Completion, TokenUsage } from './model-completion.ts';
import { draftTruncated, modelOutputInvalid } from './model-errors.ts';
import { parseModelDraft } from './model-output.ts';

export interface ModelDraftingOptions {
  readonly complete: CompleteFn;
  /** Budget for the serialized input segments of one call (characters). */
  readonly maxInputChars: number;
  /** Segments repeated at the start of each later window. Default 2. */
  readonly overlapSegments?: number;
  /** Templates with more sections are drafted in groups of this many per call. Default 10. */
  readonly maxSectionsPerCall?: number;
  readonly progressIntervalMs?: number;
  readonly log?: Logger;
}

export interface ModelDraftResult {
  readonly draft: ProviderDraft;
  readonly usage?: TokenUsage;
  /** How many model calls it took (windows × groups, plus repairs and per-section retries). */
  readonly calls: number;
}

interface Part {
  readonly window: readonly InputSegment[];
  readonly index: number;
  readonly count: number;
}

type Answer = { readonly kind: 'draft'; readonly draft: ProviderDraft } | { readonly kind: 'truncated' };

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function draftWithModel(
  request: DraftRequest,
  options: ModelDraftingOptions,
  call: DraftCallOptions = {},
): Promise<ModelDraftResult> {
  const { complete, log } = options;
  const sections = request.template.sections;
  const groups = chunk(sections, Math.max(1, options.maxSectionsPerCall ?? 10));
  const windows = splitIntoWindows(request.segments, options.maxInputChars, options.overlapSegments ?? 2);
  let calls = 0;
  let usage: TokenUsage | undefined;

  const run = async (
    part: Part,
    keys: readonly string[],
    messages: Parameters<CompleteFn>[0]['messages'],
    progress: boolean,
  ) => {
    call.signal?.throwIfAborted();
    const reporter =
      progress && call.onProgress
        ? createProgressReporter(call.onProgress, options.progressIntervalMs)
        : undefined;
    const started = Date.now();
    const completion: Completion = await complete({
      messages,
      sectionKeys: keys,
      signal: call.signal,
      onText: reporter && ((text) => reporter.update(text)),
    });
    reporter?.flush(completion.text);
    calls++;
    if (completion.usage) {
      usage = {
        promptTokens: (usage?.promptTokens ?? 0) + completion.usage.promptTokens,
        completionTokens: (usage?.completionTokens ?? 0) + completion.usage.completionTokens,
      };
    }
    log?.info('drafting model call', {
      window: part.index + 1,
      windows: part.count,
      sections: keys.length,
      segments: part.window.length,
      finishReason: completion.finishReason,
      promptTokens: completion.usage?.promptTokens,
      completionTokens: completion.usage?.completionTokens,
      durationMs: Date.now() - started,
    });
    return completion;
  };

  const draftGroup = async (part: Part, group: readonly TemplateSection[]): Promise<Answer> => {
    const keys = group.map((s) => s.key);
    const messages = buildDraftMessages({
      inputKind: request.input.kind,
      sections: group,
      segments: part.window,
      contextFacts: request.contextFacts,
      part: part.count > 1 ? { index: part.index, count: part.count } : undefined,
    });
    const first = await run(part, keys, messages, true);
    if (first.finishReason === 'length') return { kind: 'truncated' };
    const parsed = parseModelDraft(first.text, keys);
    if (parsed.ok) return { kind: 'draft', draft: parsed.draft };

    log?.warn('drafting model answer invalid; one repair', { problems: parsed.problems.length });
    const repair = await run(part, keys, buildRepairMessages(messages, first.text, parsed.problems), false);
    const repaired = parseModelDraft(repair.text, keys);
    if (repaired.ok) return { kind: 'draft', draft: repaired.draft };
    log?.warn('drafting model repair failed', { problems: repaired.problems.length });
    throw modelOutputInvalid(repaired.problems.length);
  };

  const drafts: ProviderDraft[] = [];
  for (const [index, window] of windows.entries()) {
    const part: Part = { window, index, count: windows.length };
    for (const group of groups) {
      const answer = await draftGroup(part, group);
      if (answer.kind === 'draft') {
        drafts.push(answer.draft);
        continue;
      }
      // Cut off at the token limit: ask again one section at a time, never keep a partial answer.
      log?.warn('drafting model answer cut off; per section', { sections: group.length });
      for (const section of group) {
        const single = group.length === 1 ? answer : await draftGroup(part, [section]);
        if (single.kind === 'truncated') throw draftTruncated(section.key);
        drafts.push(single.draft);
      }
    }
  }
  const draft = mergeDrafts(
    sections.map((s) => s.key),
    drafts,
  );
  return usage ? { draft, usage, calls } : { draft, calls };
}
