/**
 * The problems addressed at this visit, each with its AMA kind and evidence. A problem counts
 * when the clinician assesses it (a diagnosis, a status) or treats it (a medication decision for
 * it), never when it is only mentioned, negated or handed on ("we'll leave the gout with her").
 * A complication folds into its illness ("recurrent hypoglycemia" makes the diabetes not at goal);
 * a hedged alternative to an addressed problem is its differential, not a new problem ("probably
 * not pneumonia" with acute bronchitis); a problem only ever hedged ("possible stable angina") is
 * an undiagnosed new problem. A drug decision names the problem it treats when its indication is
 * on the chart or named in the visit ("I'm increasing the dose" of levothyroxine: hypothyroidism).
 *
 * @module
 */
import type { ClinicalContext, ProblemItem } from '../../contract/clinical-context.ts';
import type { ProblemAddressed } from '../../contract/coding.ts';
import type { DrugDecision } from './drug-decisions.ts';
import { PROBLEM_BY_KEY, PROBLEM_TERMS, type ProblemEntry } from './problem-lexicon.ts';
import { problemKind, problemLabel, type ProblemDraft } from './problem-kind.ts';
import type { ProblemMention, ProblemStatus } from './problem-mentions.ts';
import type { SystemicSymptoms } from './systemic-symptoms.ts';
import { findTerms } from './term-matcher.ts';
import { quoteEvidence } from './visit-reading.ts';

export interface ProblemInputs {
  readonly mentions: readonly ProblemMention[];
  readonly decisions: readonly DrugDecision[];
  /** Problem keys named anywhere in the visit, questions included. */
  readonly named: ReadonlySet<string>;
  readonly context?: ClinicalContext;
  readonly systemic: SystemicSymptoms;
  readonly testsOrdered: number;
  /** Families whose work is reported as a separate service (tobacco counselling billed as 99406). */
  readonly separatelyReported: ReadonlySet<string>;
}

const RANK: Readonly<Record<ProblemStatus, number>> = { improving: 1, stable: 1, exacerbation: 2, severe: 3 };
const CHANGE_WORDS: Readonly<Record<DrugDecision['action'], string>> = {
  start: 'started',
  increase: 'increased',
  reduce: 'reduced',
  adjust: 'adjusted',
  stop: 'stopped',
  continue: 'continued',
};
const MAX_EVIDENCE = 3;

function chartProblems(context: ClinicalContext | undefined): { item: ProblemItem; entry: ProblemEntry }[] {
  const panel = context?.problems;
  if (panel?.status !== 'ok') return [];
  return panel.data.flatMap((item) => {
    if (item.clinicalStatus && !/^(?:active|recurrence|relapse)$/.test(item.clinicalStatus)) return [];
    const entry = findTerms(PROBLEM_TERMS, item.display.toLowerCase()).find((m) => !m.entry.vague)?.entry
      .entry;
    return entry ? [{ item, entry }] : [];
  });
}

class Drafts {
  readonly byKey = new Map<string, ProblemDraft>();
  constructor(private readonly inputs: ProblemInputs) {}

  /** The key a mention files under: a complication under its illness when the illness is known. */
  target(entry: ProblemEntry): ProblemEntry {
    const parent = entry.partOf ? PROBLEM_BY_KEY.get(entry.partOf) : undefined;
    if (
      parent &&
      (this.byKey.has(parent.key) || this.inputs.named.has(parent.key) || this.chartHas(parent.key))
    )
      return parent;
    return entry;
  }

  chartHas(key: string): boolean {
    return chartProblems(this.inputs.context).some((c) => c.entry.key === key);
  }

  upsert(entry: ProblemEntry, name: string, uncertain = false): ProblemDraft {
    const had = this.byKey.get(entry.key);
    if (had) return had;
    const draft: ProblemDraft = { entry, name, uncertain, differential: false, sentences: [], evidence: [] };
    this.byKey.set(entry.key, draft);
    return draft;
  }

  ofFamily(family: string): ProblemDraft | undefined {
    return [...this.byKey.values()].find((d) => d.entry.family === family);
  }
}

function addStatus(draft: ProblemDraft, status: ProblemStatus | undefined, cue: string | undefined): void {
  if (!status || (draft.status && RANK[draft.status] >= RANK[status])) return;
  draft.status = status;
  if (cue) draft.statusCue = cue;
}

function addSentence(draft: ProblemDraft, m: { sentence: ProblemMention['sentence'] }): void {
  if (draft.sentences.includes(m.sentence)) return;
  draft.sentences.push(m.sentence);
  if (draft.evidence.length < MAX_EVIDENCE) draft.evidence.push(quoteEvidence(m.sentence));
}

function definite(drafts: Drafts, mentions: readonly ProblemMention[]): void {
  for (const m of mentions) {
    if (m.certainty !== 'definite' || m.deferred || m.entry.course === 'symptom' || !m.assessed) continue;
    const entry = drafts.target(m.entry);
    const own = entry === m.entry && !m.vague;
    const draft = drafts.upsert(entry, own ? m.text : entry.label);
    if (own && (draft.name === entry.label || m.text.length > draft.name.length)) draft.name = m.text;
    addStatus(draft, m.status, m.statusCue);
    if (m.entry.impliesExacerbation)
      addStatus(draft, 'exacerbation', `not at goal (${m.text.toLowerCase()})`);
    addSentence(draft, m);
  }
}

function hedged(drafts: Drafts, inputs: ProblemInputs): void {
  for (const m of inputs.mentions) {
    if (m.certainty !== 'uncertain' || m.deferred || m.entry.course === 'symptom') continue;
    const entry = drafts.target(m.entry);
    if (entry !== m.entry) continue;
    const definiteDraft = drafts.byKey.get(entry.key);
    if (definiteDraft && !definiteDraft.uncertain) continue;
    const sibling = drafts.ofFamily(entry.family);
    if (sibling && !sibling.uncertain) {
      sibling.differential = true;
      continue;
    }
    if (/\bcause\b/.test(m.sentence.lower) && (inputs.named.has(entry.key) || drafts.chartHas(entry.key)))
      continue;
    if (m.leansNo && inputs.testsOrdered === 0) continue;
    addSentence(drafts.upsert(entry, m.text, true), m);
  }
  for (const m of inputs.mentions) {
    if (m.entry.course !== 'symptom' || m.certainty === 'negated' || !m.causeUnknown || m.deferred) continue;
    if (drafts.ofFamily(m.entry.family)) continue;
    addSentence(drafts.upsert(m.entry, m.text, true), m);
  }
}

/** Link each medication decision to the problem it treats, creating it from the chart if needed. */
function treated(drafts: Drafts, inputs: ProblemInputs): void {
  const chart = chartProblems(inputs.context);
  for (const d of inputs.decisions) {
    const families = d.drug.families;
    const sameSentence = inputs.mentions.find(
      (m) =>
        m.sentence === d.sentence &&
        families.includes(m.entry.family) &&
        drafts.byKey.has(drafts.target(m.entry).key),
    );
    let draft = sameSentence ? drafts.byKey.get(drafts.target(sameSentence.entry).key) : undefined;
    draft ??= families.map((f) => drafts.ofFamily(f)).find((x) => x !== undefined);
    if (!draft && families.length === 1) {
      const family = families[0]!;
      const onChart = chart.find((c) => c.entry.family === family && c.entry.course === 'chronic');
      const named = [...inputs.named]
        .map((k) => PROBLEM_BY_KEY.get(k))
        .find((e) => e?.family === family && e.course === 'chronic');
      if (onChart) draft = drafts.upsert(onChart.entry, onChart.item.display);
      else if (named) draft = drafts.upsert(named, named.label);
    }
    if (!draft) continue;
    if (d.action !== 'continue' && !draft.uncertain)
      draft.treatmentChange ??= `${d.name} ${CHANGE_WORDS[d.action]}`;
    addSentence(draft, d);
  }
}

function chartEvidence(draft: ProblemDraft, context: ClinicalContext | undefined): void {
  const match = chartProblems(context).find((c) => c.entry.key === draft.entry.key);
  if (match) draft.evidence.push({ kind: 'fhir', ref: match.item.ref, label: match.item.display });
}

/** The problems addressed at the visit, in the order the clinician took them up. */
export function problemsAddressed(inputs: ProblemInputs): ProblemAddressed[] {
  const drafts = new Drafts(inputs);
  definite(drafts, inputs.mentions);
  hedged(drafts, inputs);
  treated(drafts, inputs);
  return [...drafts.byKey.values()]
    .filter((d) => !inputs.separatelyReported.has(d.entry.family))
    .map((draft) => {
      chartEvidence(draft, inputs.context);
      const kind = problemKind(draft, inputs.systemic, inputs.testsOrdered);
      return { label: problemLabel(draft, kind, inputs.systemic), kind, evidence: draft.evidence };
    });
}
