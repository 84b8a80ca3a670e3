import { describe, expect, it } from 'vitest';
import {
  conditionalBefore,
  hypotheticalBefore,
  isAside,
  isDeferral,
  isNegated,
  isUncertain,
  parseNumber,
} from './sentence-cues.ts';

const aside = (lower: string, term: string) =>
  isAside(lower, lower.indexOf(term), lower.indexOf(term) + term.length);

describe('sentence cues', () => {
  it('reads negation through contractions', () => {
    expect(isNegated("so it isn't a complete rupture", 'complete rupture')).toBe(true);
    expect(isNegated('no diabetic retinopathy in either eye', 'retinopathy')).toBe(true);
    expect(isNegated('you have chronic kidney disease', 'chronic kidney disease')).toBe(false);
  });

  it('reads hedges, including whole-sentence ones', () => {
    expect(isUncertain("for now i'd call this possible stable angina", 'stable angina')).toBe(true);
    expect(
      isUncertain("what i can't completely exclude by listening is an early pneumonia", 'pneumonia'),
    ).toBe(true);
    expect(isUncertain('your story and your exam fit acute bronchitis', 'acute bronchitis')).toBe(false);
  });

  it('finds conditions and hypotheticals before a word, within its clause', () => {
    const lower = "if it drops below 45, i'll cut it in half";
    expect(conditionalBefore(lower, lower.indexOf('cut'))).toBe(true);
    expect(hypotheticalBefore("then we'd talk about a ct scan", 20)).toBe(true);
    expect(hypotheticalBefore("i'd like a urine test today", 15)).toBe(false);
    const split = "i'd usually think about a beta-blocker, but i'll hold off until after the stress test";
    expect(hypotheticalBefore(split, split.indexOf('stress'))).toBe(false);
  });

  it('recognises deferral in the ways clinicians say it', () => {
    for (const text of [
      "okay, we'll leave the gout with her.",
      'that one is for your audiologist.',
      "let's give that its own visit so i can examine it properly.",
      "that's not my area; bring it up with dr. okafor.",
      "let's look at the skin properly then.",
    ]) {
      expect(isDeferral(text)).toBe(true);
    }
    expect(isDeferral('we will check the a1c at your next visit.')).toBe(false);
  });

  it('recognises asides that are not the patient’s current problem', () => {
    expect(aside('a father with a heart attack at 52', 'heart attack')).toBe(true);
    expect(aside('no q waves to suggest an old heart attack', 'heart attack')).toBe(true);
    expect(aside("you're well protected from stroke", 'stroke')).toBe(true);
    expect(aside('it helps angina-type chest pain', 'angina')).toBe(true);
    expect(aside('your heart attack last month', 'heart attack')).toBe(false);
  });

  it('reads minutes written as digits or words', () => {
    expect(parseNumber('44')).toBe(44);
    expect(parseNumber('five')).toBe(5);
    expect(parseNumber('forty-five')).toBe(45);
    expect(parseNumber('many')).toBeUndefined();
  });
});
