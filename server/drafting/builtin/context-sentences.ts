/**
 * Chart facts as note sentences: the medication list, allergies, the latest vital signs and lab
 * results, each sentence the fact's own text citing the fact, so every number and drug in it is
 * the chart's. Problems, coverage and the encounter stay out of the note body: the assessment
 * comes from the visit, not from the problem list.
 *
 * @module
 */
import type { ContextFact } from '../provider.ts';
import type { SectionRole } from '../templates/note-template.ts';
import type { ProviderSentence } from '../provider-draft-schema.ts';

const ROLE_OF_KIND: Partial<Record<ContextFact['kind'], SectionRole>> = {
  medication: 'medications',
  allergy: 'allergies',
  vital: 'exam',
  lab: 'results',
};

/** At most this many facts of one kind: a note lists, it does not dump the chart. */
const MAX_PER_KIND = 15;

function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[\s;,]+$/, '');
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** Sentences by section role, in the chart's order. */
export function contextSentences(facts: readonly ContextFact[]): Map<SectionRole, ProviderSentence[]> {
  const byRole = new Map<SectionRole, ProviderSentence[]>();
  const perKind = new Map<ContextFact['kind'], number>();
  for (const fact of facts) {
    const role = ROLE_OF_KIND[fact.kind];
    const used = perKind.get(fact.kind) ?? 0;
    if (!role || used >= MAX_PER_KIND || fact.text.trim() === '') continue;
    perKind.set(fact.kind, used + 1);
    const list = byRole.get(role) ?? [];
    list.push({ text: asSentence(fact.text), evidence: [{ fact: fact.id }] });
    byRole.set(role, list);
  }
  return byRole;
}
