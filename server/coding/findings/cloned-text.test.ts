import { describe, expect, it } from 'vitest';
import { mostSimilarPrior, textSimilarity } from './cloned-text.ts';

const NOTE =
  'Patient seen for follow up of type 2 diabetes. A1c is 8.6 and rising. Metformin continued at 1000 mg twice daily and empagliflozin started at 10 mg daily. Return in three months with a repeat A1c.';

describe('cloned text', () => {
  it('scores identical text 1, unrelated text 0, and a lightly edited copy high', () => {
    expect(textSimilarity(NOTE, NOTE)).toBe(1);
    expect(
      textSimilarity(NOTE, 'Ankle sprain after a fall from a ladder; ice, compression and physical therapy.'),
    ).toBe(0);
    expect(textSimilarity(NOTE, NOTE.replace('8.6', '8.9'))).toBeGreaterThan(0.7);
  });

  it('finds the most similar prior note above the threshold only', () => {
    const priors = [
      { label: 'note of 2026-05-01', text: 'Cough for a week, acute bronchitis, supportive care.' },
      { label: 'note of 2026-08-22', text: NOTE.replace('8.6', '8.1') },
    ];
    expect(mostSimilarPrior(NOTE, priors)?.prior.label).toBe('note of 2026-08-22');
    expect(mostSimilarPrior(NOTE, priors.slice(0, 1))).toBeUndefined();
    expect(textSimilarity('too short', 'too short')).toBe(0);
  });
});
