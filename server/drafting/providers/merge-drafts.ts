/**
 * Joins the answers of several model calls (input windows, section groups) into one draft: the
 * sentences of each section key in call order, sections in template order. Overlapping windows
 * make the same sentence twice; an exact repeat within a section (ignoring spacing) is dropped and
 * its citations are added to the first one, so no evidence is lost.
 *
 * @module
 */
import type { EvidenceCitation, ProviderDraft, ProviderSentence } from '../provider-draft-schema.ts';

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ');

function mergeEvidence(into: EvidenceCitation[], more: readonly EvidenceCitation[]): void {
  const seen = new Set(into.map((e) => JSON.stringify(e)));
  for (const citation of more) {
    const key = JSON.stringify(citation);
    if (!seen.has(key)) {
      seen.add(key);
      into.push(citation);
    }
  }
}

/** `sectionKeys` in template order; sections no answer mentions are left out. */
export function mergeDrafts(sectionKeys: readonly string[], drafts: readonly ProviderDraft[]): ProviderDraft {
  const bySection = new Map<string, { sentences: ProviderSentence[]; index: Map<string, number> }>();
  for (const draft of drafts) {
    for (const section of draft.sections) {
      let entry = bySection.get(section.key);
      if (!entry) {
        entry = { sentences: [], index: new Map() };
        bySection.set(section.key, entry);
      }
      for (const sentence of section.sentences) {
        const key = normalise(sentence.text);
        const at = entry.index.get(key);
        const existing = at === undefined ? undefined : entry.sentences[at];
        if (existing) {
          const evidence = [...existing.evidence];
          mergeEvidence(evidence, sentence.evidence);
          entry.sentences[at as number] = { ...existing, evidence };
        } else {
          entry.index.set(key, entry.sentences.length);
          entry.sentences.push({ text: sentence.text, evidence: [...sentence.evidence] });
        }
      }
    }
  }
  const sections = [];
  for (const key of sectionKeys) {
    const entry = bySection.get(key);
    if (entry) sections.push({ key, sentences: entry.sentences });
  }
  return { sections };
}
