/**
 * Billing review terms as people read them: what a decision did ("Changed to I10"), who made it
 * (the name the admin gave, else the user's reference), what kind of line a code is, and the
 * codes a replacement may be for each kind.
 *
 * @module
 */
import type { ReviewCodeKind, ReviewDecision } from '../../../server/contract/billing-review.ts';

export const KIND_WORDS: Readonly<Record<ReviewCodeKind, string>> = {
  diagnosis: 'Diagnosis',
  em: 'E/M level',
  add_on: 'Add-on',
  service: 'Service',
};

/** "Accepted", "Changed to I10", "Rejected". */
export function decisionWords(decision: Pick<ReviewDecision, 'decision' | 'replacementCode'>): string {
  switch (decision.decision) {
    case 'accept':
      return 'Accepted';
    case 'change':
      return `Changed to ${decision.replacementCode ?? 'another code'}`;
    case 'reject':
      return 'Rejected';
  }
}

/** "Bea Biller", else "Practitioner/rp-billing-biller" (the reference without its server). */
export function deciderName(decision: Pick<ReviewDecision, 'decidedBy' | 'decidedByName'>): string {
  if (decision.decidedByName) return decision.decidedByName;
  const reference = /([A-Za-z]+\/[A-Za-z0-9\-.]+)\/?$/.exec(decision.decidedBy)?.[1];
  return reference ?? decision.decidedBy;
}

/**
 * A provider as stored with the suggestions: a name, or (when only the user's FHIR URL was
 * known) the reference without its server, `Practitioner/123`.
 */
export function providerLabel(provider: string): string {
  return /^https?:\/\/.*\/([A-Za-z]+\/[A-Za-z0-9\-.]+)\/?$/.exec(provider)?.[1] ?? provider;
}

/** The office E/M codes a level may be changed to. */
export const EM_CODES: readonly { readonly code: string; readonly label: string }[] = [
  { code: '99202', label: '99202 new patient, straightforward' },
  { code: '99203', label: '99203 new patient, low' },
  { code: '99204', label: '99204 new patient, moderate' },
  { code: '99205', label: '99205 new patient, high' },
  { code: '99211', label: '99211 established, minimal' },
  { code: '99212', label: '99212 established, straightforward' },
  { code: '99213', label: '99213 established, low' },
  { code: '99214', label: '99214 established, moderate' },
  { code: '99215', label: '99215 established, high' },
];

const ICD10CM = /^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
const CPT_OR_HCPCS = /^(\d{5}|\d{4}[FT]|[A-V]\d{4})$/;

/** What is wrong with a typed replacement, in words, before the server checks it; '' when it looks right. */
export function replacementProblem(kind: ReviewCodeKind, code: string, suggested: string): string {
  const value = code.trim().toUpperCase();
  if (!value) return 'Give the code to report instead.';
  if (value === suggested || value.replace('.', '') === suggested.replace('.', ''))
    return `${value} is the suggested code itself: choose Accept instead.`;
  if (kind === 'diagnosis' && !ICD10CM.test(value))
    return `${value} is not an ICD-10-CM code. Search for the diagnosis, or type a code such as E11.65.`;
  if (kind === 'em' && !EM_CODES.some((c) => c.code === value)) return 'Choose an office visit E/M code.';
  if ((kind === 'add_on' || kind === 'service') && !CPT_OR_HCPCS.test(value))
    return `${value} is not a CPT or HCPCS code. Use five digits (99417) or a letter and four digits (G2211).`;
  return '';
}
