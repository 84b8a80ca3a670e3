import { describe, expect, it } from 'vitest';
import { ROUGE_TYPES, rougeScores, rougeTokens, type RougeScores } from './rouge.ts';

const all = (scores: RougeScores) => ROUGE_TYPES.map((type) => scores[type]);

const close = (
  actual: { precision: number; recall: number; f1: number },
  p: number,
  r: number,
  f: number,
) => {
  expect(actual.precision).toBeCloseTo(p, 10);
  expect(actual.recall).toBeCloseTo(r, 10);
  expect(actual.f1).toBeCloseTo(f, 10);
};

describe('rougeTokens', () => {
  it('lowercases, turns every non-alphanumeric run into a break and drops empties', () => {
    expect(rougeTokens('  BP 148/90, HR 76.\n\tLisinopril-20mg ')).toEqual([
      'bp',
      '148',
      '90',
      'hr',
      '76',
      'lisinopril',
      '20mg',
    ]);
  });

  it('does not stem, and treats non-ASCII letters as breaks as the default tokenizer does', () => {
    expect(rougeTokens('Walking walked naïve')).toEqual(['walking', 'walked', 'na', 've']);
    expect(rougeTokens('... --- ')).toEqual([]);
  });
});

describe('rougeScores', () => {
  it('scores identical texts 1 and disjoint texts 0 on every measure', () => {
    const text = 'Chest pain on exertion.\nRelieved by rest.';
    for (const s of all(rougeScores(text, text))) close(s, 1, 1, 1);
    for (const s of all(rougeScores('alpha beta', 'gamma delta'))) close(s, 0, 0, 0);
  });

  it('scores an empty side 0 without dividing by zero', () => {
    for (const s of all(rougeScores('', 'the reference'))) close(s, 0, 0, 0);
    for (const s of all(rougeScores('the prediction', '\n\n'))) close(s, 0, 0, 0);
  });

  it('clips n-gram overlap at the smaller count (hand-computed)', () => {
    // Prediction unigrams: the×2 cat×2; reference: the cat sat. Overlap 1 + 1 = 2.
    const s = rougeScores('the cat the cat', 'The cat sat');
    close(s.rouge1, 2 / 4, 2 / 3, (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    // Bigrams: "the cat"×2, "cat the" against "the cat", "cat sat": overlap 1.
    close(s.rouge2, 1 / 3, 1 / 2, 0.4);
    // LCS "the cat" = 2 tokens.
    close(s.rougeL, 2 / 4, 2 / 3, (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });

  it('has no bigram score for a one-token text', () => {
    close(rougeScores('pain', 'pain').rouge2, 0, 0, 0);
  });

  it('uses the longest common subsequence, in order, for ROUGE-L', () => {
    // LCS of "a b c d e" and "a x c y e" is "a c e".
    close(rougeScores('a x c y e', 'a b c d e').rougeL, 3 / 5, 3 / 5, 3 / 5);
    // Order matters: reversed text shares every token but only one in sequence.
    const reversed = rougeScores('e d c b a', 'a b c d e');
    close(reversed.rouge1, 1, 1, 1);
    close(reversed.rougeL, 1 / 5, 1 / 5, 1 / 5);
  });

  it('ROUGE-Lsum: the worked summary-level example of Lin (2004)', () => {
    // Reference r = w1 w2 w3 w4 w5; candidate sentences c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
    // LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5; union = w1 w2 w3 w5: 4 hits.
    // Recall 4/5, precision 4/10.
    const s = rougeScores('w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5', 'w1 w2 w3 w4 w5');
    close(s.rougeLsum, 0.4, 0.8, (2 * 0.4 * 0.8) / 1.2);
    // Plain ROUGE-L reads the joined text as one sequence; its LCS is also w1 w2 w3 w5.
    close(s.rougeL, 0.4, 0.8, (2 * 0.4 * 0.8) / 1.2);
  });

  it('ROUGE-Lsum counts a token at most as often as both sides hold it', () => {
    // Both reference sentences find "a b" in the one prediction sentence, but the prediction
    // holds each token once: 2 hits, not 4.
    const s = rougeScores('a b', 'a b\na b');
    close(s.rougeLsum, 1, 0.5, 2 / 3);
  });

  it('ROUGE-Lsum breaks LCS ties the way rouge_score reads its table back', () => {
    // LCS("a b", "b a") has length 1 and could be either token; the reading back keeps "a"
    // (it steps back in the reference on a tie). With "a c" also giving "a", the union is {a}:
    // 1 hit. Choosing "b" would have given 2.
    const s = rougeScores('b a\na c', 'a b');
    close(s.rougeLsum, 1 / 4, 1 / 2, 1 / 3);
  });

  it('ROUGE-Lsum ignores empty lines and differs from ROUGE-L when sentences are reordered', () => {
    const reference = 'chest pain on exertion\n\nrelieved by rest';
    const prediction = 'relieved by rest\nchest pain on exertion\n';
    const s = rougeScores(prediction, reference);
    close(s.rougeLsum, 1, 1, 1);
    // As one sequence only the longer run survives: "chest pain on exertion" = 4 of 7.
    close(s.rougeL, 4 / 7, 4 / 7, 4 / 7);
    close(s.rouge1, 1, 1, 1);
  });
});
