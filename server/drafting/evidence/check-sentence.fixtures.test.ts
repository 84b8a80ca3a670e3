/**
 * Regression guard on realistic text: every fixture's gold key facts, written by a coder from
 * the visit, checked against that visit's whole transcript. Only the facts that truly rest on
 * something the transcript does not say may be flagged.
 */
import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import { checkSentence } from './check-sentence.ts';
import { medicationLexicon } from './medication-lexicon.ts';

const lexicon = medicationLexicon();

describe('checkSentence on the fixture visits', () => {
  it('supports the gold facts from their transcripts, except details only the chart or arithmetic gives', () => {
    const flagged: string[] = [];
    let facts = 0;
    for (const { key, visit } of patientFixtures) {
      const evidence = [
        { kind: 'input', start: 0, end: visit.transcript.length, quote: visit.transcript } as const,
      ];
      for (const fact of visit.gold.keyFacts) {
        facts += 1;
        for (const flag of checkSentence(fact, evidence, lexicon)) {
          if (flag.code === 'unverified_detail') flagged.push(`${key}: ${flag.detail}`);
        }
      }
    }
    expect(facts).toBeGreaterThan(100);
    expect(flagged).toEqual([
      'cardiology-heart-failure: lisinopril', // the allergy list, not the conversation
      'paediatrics-otitis-media: 800 mg', // 10 mL of 400 mg/5 mL, worked out by the coder
    ]);
  });
});
