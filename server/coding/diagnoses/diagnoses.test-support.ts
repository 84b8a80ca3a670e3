/**
 * Test support: a code lookup over the shipped seed set, and a transcript turned into a coding
 * document.
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import { SEED_ICD10CM } from '../code-sets/seed-icd10cm.ts';
import { codingDocument, type CodingDocument } from '../document/coding-document.ts';
import type { CodeLookup } from './suggest-diagnoses.ts';

const BY_CODE = new Map(SEED_ICD10CM.map((c) => [c.code, c]));

export const seedLookup: CodeLookup = { get: (code) => BY_CODE.get(code) };

export function transcriptDoc(lines: readonly string[], context?: ClinicalContext): CodingDocument {
  return codingDocument({
    input: { kind: 'transcript', text: lines.join('\n') },
    ...(context ? { context } : {}),
  });
}
