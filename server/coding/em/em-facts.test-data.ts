/**
 * Test data builders for the E/M engine's tests: evidence quoted from a transcript (located, so a
 * wrong quote fails loudly), data items, problems, risk items and a blank set of facts to override.
 * Test data only; nothing at run time imports it.
 *
 * @module
 */
import type { PayerType } from '../../contract/clinical-context.ts';
import type {
  DataElements,
  DataItem,
  EmFacts,
  ProblemAddressed,
  ProblemKind,
  RiskItem,
  RiskLevel,
} from '../../contract/coding.ts';
import type { Evidence, InputEvidence } from '../../contract/note-draft.ts';

/** Evidence for `quote` as it appears in `transcript`; throws when it does not, so typos surface. */
export function quoter(transcript: string): (quote: string) => InputEvidence {
  return (quote) => {
    const start = transcript.indexOf(quote);
    if (start < 0) throw new Error(`Quote not in transcript: "${quote}"`);
    return { kind: 'input', start, end: start + quote.length, quote };
  };
}

/** A made-up FHIR evidence entry for unit tests that need evidence but no transcript. */
export function chartEvidence(label: string): Evidence {
  return { kind: 'fhir', ref: `Observation/${label.toLowerCase().replace(/\W+/g, '-')}`, label };
}

export function item(label: string, key: string, ...evidence: Evidence[]): DataItem {
  return { label, key, evidence: evidence.length > 0 ? evidence : [chartEvidence(label)] };
}

/** A result reviewed today of a test this practitioner ordered at an earlier encounter. */
export function priorResult(label: string, key: string, ...evidence: Evidence[]): DataItem {
  return { ...item(label, key, ...evidence), orderedAtPriorEncounter: true };
}

export function problem(label: string, kind: ProblemKind, ...evidence: Evidence[]): ProblemAddressed {
  return { label, kind, evidence: evidence.length > 0 ? evidence : [chartEvidence(label)] };
}

export function risk(level: RiskLevel, label: string, ...evidence: Evidence[]): RiskItem {
  return { level, label, evidence: evidence.length > 0 ? evidence : [chartEvidence(label)] };
}

export const NO_DATA: DataElements = {
  externalNotes: [],
  testsReviewed: [],
  testsOrdered: [],
  independentInterpretations: [],
  externalDiscussions: [],
};

/** Data elements with only the named lists filled in. */
export function data(parts: Partial<DataElements>): DataElements {
  return { ...NO_DATA, ...parts };
}

/** Facts with nothing documented, for tests to override. */
export function facts(overrides: Partial<EmFacts> = {}): EmFacts {
  const payerType: PayerType = 'commercial';
  return { patientStatus: 'established', payerType, problems: [], data: NO_DATA, risks: [], ...overrides };
}
