/**
 * Test data: coding documents built from a few lines of transcript or dictation, and a minimal
 * chart whose panels a test fills as it needs (everything else empty but loaded).
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import { codingDocument, type CodingDocument } from '../document/coding-document.ts';

/** A transcript: lines labelled `DOCTOR:`, `PATIENT:`, `MOTHER:` … */
export function transcript(text: string, context?: ClinicalContext): CodingDocument {
  return codingDocument({ input: { kind: 'transcript', text }, ...(context ? { context } : {}) });
}

/** A dictated note: every sentence is the clinician's. */
export function dictation(text: string, context?: ClinicalContext): CodingDocument {
  return codingDocument({ input: { kind: 'dictation', text }, ...(context ? { context } : {}) });
}

const empty = <T>(data: T) => ({ status: 'ok' as const, data });

/** A fictional patient's chart with every panel loaded and empty, then `parts` laid over it. */
export function chart(parts: Partial<ClinicalContext> = {}): ClinicalContext {
  return {
    fetchedAt: '2025-06-10T15:00:00Z',
    patient: { ref: 'Patient/t1', name: 'Test Testperson', age: '54 y' },
    encounter: empty(null),
    problems: empty([]),
    medications: empty([]),
    allergies: empty([]),
    vitals: empty([]),
    labs: empty([]),
    coverage: empty([]),
    practitioner: empty(null),
    notes: empty([]),
    ...parts,
  };
}
