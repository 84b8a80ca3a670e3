import { describe, expect, it } from 'vitest';
import { parseReviewId, reviewIdOf } from './review-id.ts';

describe('review ids', () => {
  it('round-trips a patient and encounter, an empty encounter too', () => {
    for (const key of [
      { patientId: 'rp-pt-quill', encounterId: 'rp-quill-enc-today' },
      { patientId: 'p/1', encounterId: '' },
    ]) {
      const id = reviewIdOf(key);
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(parseReviewId(id)).toEqual(key);
    }
  });

  it('refuses what it did not make', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const id of [
      '',
      'not base64!',
      encode(['only-one']),
      encode(['', 'e']),
      encode({ p: 1 }),
      encode([1, 2]),
    ])
      expect(parseReviewId(id)).toBeUndefined();
    expect(parseReviewId(Buffer.from('not json').toString('base64url'))).toBeUndefined();
  });
});
