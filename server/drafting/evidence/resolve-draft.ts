/**
 * Turns any provider's answer into the `NoteDraft` the editor shows: every template section in
 * template order (empty ones too, so the clinician can add to them), citations resolved to exact
 * input spans and chart resources, and every sentence checked against what it cites. Citations of
 * ids the request never handed out are dropped, so a provider cannot invent evidence; sentences
 * under a key the template lacks go to a final UNSORTED section, so nothing is lost silently.
 *
 * @module
 */
import type {
  DraftSection,
  DraftSentence,
  Evidence,
  NoteDraft,
  ProviderName,
} from '../../contract/note-draft.ts';
import type { ContextFact, DraftRequest, InputSegment } from '../provider.ts';
import type { EvidenceCitation, ProviderDraft } from '../provider-draft-schema.ts';
import { checkSentence } from './check-sentence.ts';
import type { MedicationLexicon } from './medication-lexicon.ts';
import { medicationLexicon } from './medication-lexicon.ts';

export const UNSORTED_SECTION = { key: 'unsorted', title: 'UNSORTED' } as const;

export interface ResolveMeta {
  readonly provider: ProviderName;
  readonly replayed: boolean;
  readonly now: Date;
}

/** Trimmed, with every run of whitespace as one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The medication lexicon for a request: the built-in names plus the chart's medication list. */
export function lexiconForRequest(request: Pick<DraftRequest, 'context'>): MedicationLexicon {
  const medications = request.context?.medications;
  return medicationLexicon(medications?.status === 'ok' ? medications.data.map((m) => m.display) : []);
}

/** `[start, end)` of `quote` inside `within` (offset by `base`): exact first, then ignoring case and spacing. */
export function findQuote(within: string, quote: string, base = 0): [number, number] | undefined {
  const trimmed = quote.trim();
  if (trimmed === '') return undefined;
  const exact = within.indexOf(trimmed);
  if (exact >= 0) return [base + exact, base + exact + trimmed.length];
  for (const candidate of [trimmed, trimmed.replace(/^[\s"'“‘.,;:…-]+|[\s"'”’.,;:…-]+$/g, '')]) {
    const words = candidate.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'i');
    const match = pattern.exec(within);
    if (match) return [base + match.index, base + match.index + match[0].length];
  }
  return undefined;
}

class CitationResolver {
  private readonly segments: ReadonlyMap<string, InputSegment>;
  private readonly facts: ReadonlyMap<string, ContextFact>;

  constructor(private readonly request: DraftRequest) {
    this.segments = new Map(request.segments.map((s) => [s.id, s]));
    this.facts = new Map(request.contextFacts.map((f) => [f.id, f]));
  }

  /** The evidence a sentence's citations point at, unknown ids and duplicates dropped. */
  resolve(citations: readonly EvidenceCitation[]): Evidence[] {
    const evidence: Evidence[] = [];
    const seen = new Set<string>();
    for (const citation of citations) {
      const resolved =
        'segment' in citation ? this.segmentEvidence(citation) : this.factEvidence(citation.fact);
      if (!resolved) continue;
      const key =
        resolved.kind === 'input' ? `input:${resolved.start}:${resolved.end}` : `fhir:${resolved.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(resolved);
    }
    return evidence;
  }

  private segmentEvidence(citation: { segment: string; quote?: string | undefined }): Evidence | undefined {
    const segment = this.segments.get(citation.segment);
    if (!segment) return undefined;
    const text = this.request.input.text;
    const span =
      (citation.quote === undefined
        ? undefined
        : findQuote(text.slice(segment.start, segment.end), citation.quote, segment.start)) ??
      ([segment.start, segment.end] as const);
    const [start, end] = span;
    return {
      kind: 'input',
      start,
      end,
      quote: text.slice(start, end),
      ...(segment.speaker ? { speaker: segment.speaker } : {}),
    };
  }

  private factEvidence(id: string): Evidence | undefined {
    const fact = this.facts.get(id);
    return fact ? { kind: 'fhir', ref: fact.ref, label: fact.text } : undefined;
  }
}

/** The checked `NoteDraft` for a provider's (already schema-valid) answer to `request`. */
export function resolveDraft(answer: ProviderDraft, request: DraftRequest, meta: ResolveMeta): NoteDraft {
  const resolver = new CitationResolver(request);
  const lexicon = lexiconForRequest(request);
  const templateKeys = new Set(request.template.sections.map((s) => s.key));
  const byKey = new Map<string, ProviderDraft['sections'][number]['sentences'][number][]>();
  for (const section of answer.sections) {
    const key = templateKeys.has(section.key) ? section.key : UNSORTED_SECTION.key;
    byKey.set(key, [...(byKey.get(key) ?? []), ...section.sentences]);
  }
  const layout = [
    ...request.template.sections.map((s) => ({ key: s.key, title: s.title })),
    ...(byKey.has(UNSORTED_SECTION.key) && !templateKeys.has(UNSORTED_SECTION.key) ? [UNSORTED_SECTION] : []),
  ];
  const sections: DraftSection[] = layout.map(({ key, title }, sectionIndex) => {
    const sentences: DraftSentence[] = [];
    for (const sentence of byKey.get(key) ?? []) {
      const text = collapseWhitespace(sentence.text);
      if (text === '') continue;
      const evidence = resolver.resolve(sentence.evidence);
      sentences.push({
        id: `s-${sectionIndex}-${sentences.length}`,
        text,
        evidence,
        flags: checkSentence(text, evidence, lexicon),
        origin: 'model',
      });
    }
    return { key, title, sentences };
  });
  return {
    sections,
    nothingToDocument: sections.every((s) => s.sentences.length === 0),
    provider: meta.provider,
    replayed: meta.replayed,
    generatedAt: meta.now.toISOString(),
  };
}
