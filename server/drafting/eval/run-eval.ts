/**
 * Runs the note-drafting evaluation: drafts every ACI-Bench encounter (transcript in, SOAP
 * template, no chart) and every synthetic fixture visit (transcript plus its chart, the
 * specialty's template), then scores the drafts. ACI-Bench notes get ROUGE against the reference
 * note, as the ACI-Bench paper scored them, beside a "copy of the transcript" baseline scored the
 * same way; fixture notes get fact recall against the gold key facts. Both get the share of
 * sentences the evidence check flagged and the time to draft.
 *
 * Drafts run one at a time so the timings mean something. A draft that fails is reported with its
 * error code and left out of the means; the caller decides what a failure means.
 *
 * @module
 */
import type { NoteDraft } from '../../contract/note-draft.ts';
import { isAppError } from '../../errors/app-error.ts';
import { renderNoteText } from '../render-note-text.ts';
import type { NoteTemplate } from '../templates/note-template.ts';
import { SEED_TEMPLATES } from '../templates/seed-templates.ts';
import type { AciEncounter } from './aci-csv.ts';
import { factRecall } from './fact-recall.ts';
import { fixtureCase, type EvalFixture, type FixtureCase } from './fixture-cases.ts';
import { ROUGE_TYPES, rougeScores, type RougeType } from './rouge.ts';

/** The drafting pipeline, `draftNote` bound to a provider (injected, so tests use a fake). */
export type DraftFn = (args: {
  readonly template: NoteTemplate;
  readonly input: FixtureCase['input'];
  readonly context?: FixtureCase['context'];
}) => Promise<NoteDraft>;

export interface EvaluateNotesOptions {
  readonly draft: DraftFn;
  /** Shown in the report ("builtin", "openai-compatible gpt-4o-mini"). */
  readonly providerLabel: string;
  readonly aci: readonly AciEncounter[];
  readonly fixtures: readonly EvalFixture[];
  readonly templates?: readonly NoteTemplate[];
  /** Milliseconds, for draft times; default `performance.now`. */
  readonly clock?: () => number;
  /** The visit date of the fixtures and the clock of their charts; default now. */
  readonly now?: Date;
  /** Told after each draft: an id and a count, never text. */
  readonly onProgress?: (done: number, total: number, id: string) => void;
}

/** Mean per-note F1, 0–1, of each ROUGE type. */
export type RougeMeans = Record<RougeType, number>;

export interface FlagCounts {
  readonly sentences: number;
  /** Sentences flagged `unsupported` or `unverified_detail`. */
  readonly flagged: number;
}

export interface AciNoteResult extends FlagCounts {
  readonly encounterId: string;
  readonly dataset: string;
  readonly f1: RougeMeans;
  readonly draftMs: number;
}

export interface FixtureResult extends FlagCounts {
  readonly key: string;
  readonly templateId: string;
  readonly recalled: number;
  readonly total: number;
  readonly missing: readonly string[];
  readonly draftMs: number;
}

export interface EvalFailure {
  readonly id: string;
  /** `AppError` code, or `internal` for anything else. */
  readonly code: string;
}

export interface SetSummary {
  readonly count: number;
  /** Flagged sentences / all sentences, 0–1; 0 when there are no sentences. */
  readonly unsupportedRate: number;
  readonly meanDraftMs: number;
}

export interface EvalReport {
  readonly provider: string;
  readonly aci: SetSummary & {
    readonly rouge: RougeMeans;
    /** The same ROUGE for the dialogue itself offered as the note. */
    readonly transcriptBaseline: RougeMeans;
    readonly notes: readonly AciNoteResult[];
  };
  readonly fixtures: SetSummary & {
    readonly recalled: number;
    readonly total: number;
    /** recalled / total over all facts, 0–1. */
    readonly factRecall: number;
    readonly visits: readonly FixtureResult[];
  };
  readonly meanDraftMs: number;
  readonly failures: readonly EvalFailure[];
}

const FLAGGED = new Set(['unsupported', 'unverified_detail']);

export function flagCounts(note: NoteDraft): FlagCounts {
  const sentences = note.sections.flatMap((section) => section.sentences);
  return {
    sentences: sentences.length,
    flagged: sentences.filter((s) => s.flags.some((flag) => FLAGGED.has(flag.code))).length,
  };
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

function meanRouge(rows: readonly RougeMeans[]): RougeMeans {
  return Object.fromEntries(ROUGE_TYPES.map((type) => [type, mean(rows.map((r) => r[type]))])) as RougeMeans;
}

function f1Of(prediction: string, reference: string): RougeMeans {
  const scores = rougeScores(prediction, reference);
  return Object.fromEntries(ROUGE_TYPES.map((type) => [type, scores[type].f1])) as RougeMeans;
}

function summary(rows: readonly (FlagCounts & { readonly draftMs: number })[]): SetSummary {
  const sentences = rows.reduce((sum, r) => sum + r.sentences, 0);
  const flagged = rows.reduce((sum, r) => sum + r.flagged, 0);
  return {
    count: rows.length,
    unsupportedRate: sentences === 0 ? 0 : flagged / sentences,
    meanDraftMs: mean(rows.map((r) => r.draftMs)),
  };
}

function templateById(templates: readonly NoteTemplate[], id: string): NoteTemplate {
  const template = templates.find((t) => t.id === id);
  if (!template) throw new Error(`The evaluation needs the template ${id}, which is not loaded.`);
  return template;
}

export async function evaluateNotes(options: EvaluateNotesOptions): Promise<EvalReport> {
  const templates = options.templates ?? SEED_TEMPLATES;
  const clock = options.clock ?? (() => performance.now());
  const now = options.now ?? new Date();
  const total = options.aci.length + options.fixtures.length;
  const failures: EvalFailure[] = [];
  let done = 0;

  /** One timed draft; a failure is recorded and answers undefined. */
  const timedDraft = async (id: string, args: Parameters<DraftFn>[0]) => {
    const started = clock();
    try {
      const note = await options.draft(args);
      return { note, draftMs: clock() - started };
    } catch (error) {
      failures.push({ id, code: isAppError(error) ? error.code : 'internal' });
      return undefined;
    } finally {
      options.onProgress?.(++done, total, id);
    }
  };

  const soap = templateById(templates, 'soap-progress');
  const notes: AciNoteResult[] = [];
  for (const row of options.aci) {
    const drafted = await timedDraft(row.encounterId, {
      template: soap,
      input: { kind: 'transcript', text: row.dialogue },
    });
    if (!drafted) continue;
    notes.push({
      encounterId: row.encounterId,
      dataset: row.dataset,
      f1: f1Of(renderNoteText(drafted.note), row.note),
      draftMs: drafted.draftMs,
      ...flagCounts(drafted.note),
    });
  }

  const visits: FixtureResult[] = [];
  for (const fixture of options.fixtures) {
    const visit = await fixtureCase(fixture, now);
    const drafted = await timedDraft(visit.key, {
      template: templateById(templates, visit.templateId),
      input: visit.input,
      context: visit.context,
    });
    if (!drafted) continue;
    const recall = factRecall(renderNoteText(drafted.note), visit.keyFacts);
    visits.push({
      key: visit.key,
      templateId: visit.templateId,
      ...recall,
      draftMs: drafted.draftMs,
      ...flagCounts(drafted.note),
    });
  }

  const recalled = visits.reduce((sum, v) => sum + v.recalled, 0);
  const facts = visits.reduce((sum, v) => sum + v.total, 0);
  return {
    provider: options.providerLabel,
    aci: {
      ...summary(notes),
      rouge: meanRouge(notes.map((n) => n.f1)),
      transcriptBaseline: meanRouge(options.aci.map((row) => f1Of(row.dialogue, row.note))),
      notes,
    },
    fixtures: {
      ...summary(visits),
      recalled,
      total: facts,
      factRecall: facts === 0 ? 0 : recalled / facts,
      visits,
    },
    meanDraftMs: mean([...notes, ...visits].map((r) => r.draftMs)),
    failures,
  };
}
