/**
 * `builtin`: the default drafting provider, offline and deterministic. It reads the input
 * segments in one pass (cleaning speech, folding yes/no questions into their answers, filing each
 * sentence under a section role and rewriting it in the third person), adds the chart's
 * medications, allergies, vitals and labs, and fills the chosen template. It never writes a
 * sentence it cannot cite, and it adds no number, drug, dose or side that its evidence lacks.
 *
 * @module
 */
import type { DraftingProvider, DraftRequest, ProviderResult } from '../provider.ts';
import { buildStatements } from './build-statements.ts';
import { chiefComplaint } from './chief-complaint.ts';
import { composeDraft } from './compose-draft.ts';
import { contextSentences } from './context-sentences.ts';
import { patientInstructions } from './patient-instructions.ts';
import { patientPronouns } from './patient-pronouns.ts';
import { selectStatements } from './select-statements.ts';

/** Drafts synchronously; the promise is only the provider interface's shape. */
export function draftBuiltin(request: DraftRequest): ProviderResult {
  const pronouns = patientPronouns(request.segments, request.context);
  const inputWords = request.segments.reduce((sum, s) => sum + s.text.split(/\s+/).length, 0);
  const statements = selectStatements(
    buildStatements(request.segments, pronouns, request.input.text),
    inputWords,
  );
  const clinical = statements.length > 0;
  const draft = composeDraft(request.template, {
    chiefComplaint: clinical ? chiefComplaint(request.segments) : null,
    statements,
    facts: clinical ? contextSentences(request.contextFacts) : new Map(),
    instructions: patientInstructions(statements),
  });
  return { draft };
}

export function createBuiltinProvider(): DraftingProvider {
  return {
    name: 'builtin',
    draft(request, options) {
      return new Promise((resolve) => {
        options?.signal?.throwIfAborted();
        resolve(draftBuiltin(request));
      });
    },
  };
}
