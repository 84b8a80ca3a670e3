/**
 * The builtin engine's note: statements and chart facts filed into the template by section role,
 * in template order, each section's sentences in the order they were said. A role the template
 * lacks falls back to the nearest section (a social history goes to the history of present
 * illness in a SOAP note). An input with nothing clinical gives every section empty.
 *
 * @module
 */
import type { ProviderDraft, ProviderSentence } from '../provider-draft-schema.ts';
import type { NoteTemplate, SectionRole } from '../templates/note-template.ts';
import type { Statement } from './build-statements.ts';
import type { ChiefComplaint } from './chief-complaint.ts';
import type { Instruction } from './patient-instructions.ts';

const FALLBACK: Readonly<Record<SectionRole, readonly SectionRole[]>> = {
  chief_complaint: ['hpi'],
  hpi: ['history'],
  ros: ['hpi'],
  history: ['hpi'],
  medications: ['hpi'],
  allergies: ['history', 'hpi'],
  exam: ['results', 'assessment_plan'],
  results: ['exam', 'assessment_plan'],
  assessment_plan: [],
  patient_instructions: [],
};

export interface DraftParts {
  readonly chiefComplaint: ChiefComplaint | null;
  readonly statements: readonly Statement[];
  readonly facts: ReadonlyMap<SectionRole, readonly ProviderSentence[]>;
  readonly instructions: readonly Instruction[];
}

function sectionKeyFor(template: NoteTemplate, role: SectionRole): string | undefined {
  for (const candidate of [role, ...FALLBACK[role]]) {
    const section = template.sections.find((s) => s.role === candidate);
    if (section) return section.key;
  }
  return undefined;
}

export function composeDraft(template: NoteTemplate, parts: DraftParts): ProviderDraft {
  const byKey = new Map<string, ProviderSentence[]>(template.sections.map((s) => [s.key, []]));
  const add = (role: SectionRole, sentence: ProviderSentence) => {
    const key = sectionKeyFor(template, role);
    if (key) byKey.get(key)!.push(sentence);
  };
  const seen = new Set<string>();
  const addOnce = (role: SectionRole, sentence: ProviderSentence) => {
    const key = sentence.text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    add(role, sentence);
  };

  if (parts.chiefComplaint) {
    add('chief_complaint', { text: parts.chiefComplaint.text, evidence: [...parts.chiefComplaint.evidence] });
  }
  for (const [role, sentences] of parts.facts) for (const s of sentences) addOnce(role, s);
  for (const s of parts.statements) addOnce(s.role, { text: s.text, evidence: [...s.evidence] });
  for (const i of parts.instructions)
    add('patient_instructions', { text: i.text, evidence: [...i.evidence] });

  return { sections: template.sections.map((s) => ({ key: s.key, sentences: byKey.get(s.key) ?? [] })) };
}
