import { describe, expect, it } from 'vitest';
import { scopesOf } from './meat-scope.ts';

/** Whether `word` (its first occurrence after `after`) is negated / hedged in `passage`. */
function read(passage: string, word: string, after = '') {
  const at = passage
    .toLowerCase()
    .indexOf(word.toLowerCase(), after === '' ? 0 : passage.toLowerCase().indexOf(after));
  expect(at, `${word} in "${passage}"`).toBeGreaterThanOrEqual(0);
  const scopes = scopesOf(passage);
  return { negated: scopes.negatedAt(at), hedged: scopes.hedgedAt(at) };
}

describe('scopesOf', () => {
  it('negates the words after a trigger, contractions included', () => {
    expect(read('She is not taking her metformin.', 'metformin').negated).toBe(true);
    expect(read("I don't want to add a benzodiazepine.", 'add').negated).toBe(true);
    expect(read('Denies chest pain or swelling.', 'swelling').negated).toBe(true);
    expect(read('I haven’t missed any doses.', 'doses').negated).toBe(true);
  });

  it('stops at a clause boundary, a contrast word, or five words', () => {
    expect(read('No chest pain, taking the metformin daily.', 'metformin').negated).toBe(false);
    expect(read('No lows but started insulin last month.', 'insulin').negated).toBe(false);
    expect(read('Not one of the problems we talked about, insulin.', 'insulin').negated).toBe(false);
    expect(read('No fainting. I take the apixaban.', 'apixaban').negated).toBe(false);
  });

  it('keeps a number with its decimal point, so "8.6" does not end a clause', () => {
    expect(read('No A1c 8.6 labs today.', 'labs').negated).toBe(true);
  });

  it('negates the words before "was not done" and "has not been checked"', () => {
    expect(read('The A1c was not done today.', 'A1c').negated).toBe(true);
    expect(read('Her potassium has not been checked.', 'potassium').negated).toBe(true);
    expect(read('Potassium is normal. The A1c was not done.', 'potassium').negated).toBe(false);
    expect(read('The A1c was not high.', 'A1c').negated).toBe(false);
  });

  it('hedges the rest of a sentence after "if", and words after "consider" or "discussed" up to "and" or a comma', () => {
    expect(read('If it drops below 45, I will cut it in half.', 'cut').hedged).toBe(true);
    expect(read('If it drops below 45, I will cut it in half. Keep the metformin.', 'metformin').hedged).toBe(
      false,
    );
    expect(read('Discussed insulin, start metformin.', 'metformin').hedged).toBe(false);
    expect(read('Discussed adding an SGLT2 inhibitor.', 'adding').hedged).toBe(true);
    expect(read('Consider insulin and start metformin today.', 'metformin').hedged).toBe(false);
    expect(read('Start metformin today.', 'metformin')).toEqual({ negated: false, hedged: false });
  });

  it('answers false past the end of the passage', () => {
    expect(scopesOf('no pain').negatedAt(100)).toBe(false);
  });
});
