import { describe, expect, it } from 'vitest';
import { diabetesVisitSuggestions } from '../../../test/support/sample-code-suggestions.ts';
import type { ReviewDecision } from '../../contract/billing-review.ts';
import { currentDecisions, inClaimOrder, reviewCodes, reviewProgress } from './review-codes.ts';

const decision = (id: string, code: string, kind: ReviewDecision['decision']): ReviewDecision => ({
  id,
  code,
  kind: 'diagnosis',
  decision: kind,
  decidedBy: 'Practitioner/b',
  decidedByName: '',
  decidedAt: '2026-11-25T10:00:00.000Z',
});

describe('reviewCodes', () => {
  it('lists diagnoses, the E/M level, add-ons and services in claim order, each once', () => {
    const base = diabetesVisitSuggestions();
    const codes = reviewCodes({
      ...base,
      diagnoses: [...base.diagnoses, base.diagnoses[0]!],
      services: [{ code: '99406', units: 1, reasoning: 'Tobacco counselling, 4 minutes', evidence: [] }],
    });
    expect(codes).toEqual([
      { code: 'E11.65', kind: 'diagnosis' },
      { code: 'E11.22', kind: 'diagnosis' },
      { code: 'I12.9', kind: 'diagnosis' },
      { code: 'N18.31', kind: 'diagnosis' },
      { code: 'E78.5', kind: 'diagnosis' },
      { code: 'Z79.84', kind: 'diagnosis' },
      { code: '99214', kind: 'em' },
      { code: 'G2211', kind: 'add_on' },
      { code: '99406', kind: 'service' },
    ]);
  });
});

describe('currentDecisions', () => {
  it('keeps the newest decision per code, whatever the order given', () => {
    const current = currentDecisions([
      decision('2', 'I10', 'reject'),
      decision('10', 'I10', 'accept'),
      decision('3', 'E78.5', 'accept'),
    ]);
    expect(current.map((d) => [d.code, d.id])).toEqual([
      ['I10', '10'],
      ['E78.5', '3'],
    ]);
  });
});

describe('reviewProgress', () => {
  it('is pending until every code has a decision, counting codes once', () => {
    expect(reviewProgress(['A', 'B', 'B'], new Set(['A']))).toEqual({
      status: 'pending',
      codeCount: 2,
      decidedCount: 1,
    });
    expect(reviewProgress(['A', 'B'], new Set(['A', 'B', 'OLD']))).toEqual({
      status: 'reviewed',
      codeCount: 2,
      decidedCount: 2,
    });
  });
});

describe('inClaimOrder', () => {
  it('orders decisions as the codes are listed, unknown codes last', () => {
    const ordered = inClaimOrder(
      [decision('1', 'OLD', 'accept'), decision('2', 'G2211', 'accept'), decision('3', 'E11.65', 'reject')],
      [
        { code: 'E11.65', kind: 'diagnosis' },
        { code: 'G2211', kind: 'add_on' },
      ],
    );
    expect(ordered.map((d) => d.code)).toEqual(['E11.65', 'G2211', 'OLD']);
  });
});
