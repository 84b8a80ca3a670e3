/**
 * The lines a billing reviewer decides on, as the review screen lists them: each diagnosis, the
 * E/M level, its add-ons and other services, once each and in claim order (the same order the
 * server checks decisions against), with what to show for each: a description, the confidence
 * when the coder gave one, why, and the evidence.
 *
 * @module
 */
import type { ReviewCodeKind } from '../../../server/contract/billing-review.ts';
import type { EncounterCodeSuggestions } from '../../../server/contract/coding.ts';
import type { Evidence } from '../../../server/contract/note-draft.ts';
import { levelWord } from '../codes/code-words.ts';

export interface ReviewLine {
  readonly code: string;
  readonly kind: ReviewCodeKind;
  readonly description: string;
  readonly confidence?: number;
  readonly why: string;
  readonly evidence: readonly Evidence[];
}

/** Evidence once each (the MDM columns often cite the same sentence). */
function distinct(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = e.kind === 'fhir' ? e.ref : `${e.start}:${e.end}`;
    return !seen.has(key) && seen.add(key);
  });
}

export function reviewLines(s: EncounterCodeSuggestions): ReviewLine[] {
  const { em } = s;
  const status = em.patientStatus === 'new' ? 'new patient' : 'established patient';
  const lines: ReviewLine[] = [
    ...[...s.diagnoses]
      .sort((a, b) => a.rank - b.rank)
      .map((d) => ({
        code: d.code,
        kind: 'diagnosis' as const,
        description: d.description,
        confidence: d.confidence,
        why: d.rationale,
        evidence: d.evidence,
      })),
    {
      code: em.code,
      kind: 'em',
      description: `Office visit, ${status}: MDM ${levelWord('overall', em.mdm.overall).toLowerCase()}${
        em.basis === 'time' && em.time ? `, ${em.time.minutes} min (chosen by time)` : ''
      }`,
      why: em.basis === 'time' && em.time ? em.time.reasoning : em.mdm.reasoning,
      evidence: distinct([...em.mdm.problems.evidence, ...em.mdm.data.evidence, ...em.mdm.risk.evidence]),
    },
    ...em.addOns.map((a) => ({
      code: a.code,
      kind: 'add_on' as const,
      description: a.units > 1 ? `Add-on, ${a.units} units` : 'Add-on',
      why: a.reasoning,
      evidence: a.evidence,
    })),
    ...s.services.map((a) => ({
      code: a.code,
      kind: 'service' as const,
      description: a.units > 1 ? `Service, ${a.units} units` : 'Service',
      why: a.reasoning,
      evidence: a.evidence,
    })),
  ];
  const seen = new Set<string>();
  return lines.filter((line) => !seen.has(line.code) && seen.add(line.code));
}

/** An id for the page from a code (`E11.65` → `rp-review-E1165`). */
export const lineId = (code: string): string => `rp-review-${code.replace(/\W/g, '')}`;
