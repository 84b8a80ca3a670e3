import { describe, expect, it } from 'vitest';
import type { Evidence, InputEvidence } from '../../contract/note-draft.ts';
import { checkMeat, passageOf } from './meat.ts';

const TEXT =
  'DOCTOR: Your A1c is 8.6 today. So your diabetes is not controlled right now.\nPATIENT: I figured. ' +
  'DOCTOR: We start empagliflozin 10 milligrams daily!';

function span(quote: string, text = TEXT): InputEvidence {
  const start = text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  return { kind: 'input', start, end: start + quote.length, quote };
}

const problemList: Evidence = {
  kind: 'fhir',
  ref: 'Condition/dm2',
  label: 'Type 2 diabetes mellitus with hyperglycemia: continue metformin, A1c reviewed, stable',
};

describe('passageOf', () => {
  it('widens a span to its sentence, keeping a decimal point inside it', () => {
    expect(passageOf(span('diabetes'), TEXT)).toBe(' So your diabetes is not controlled right now.');
    expect(passageOf(span('A1c'), TEXT)).toBe('DOCTOR: Your A1c is 8.6 today.');
    expect(passageOf(span('empagliflozin'), TEXT)).toBe(
      ' DOCTOR: We start empagliflozin 10 milligrams daily!',
    );
    expect(passageOf(span('I figured'), TEXT)).toBe('PATIENT: I figured.');
  });

  it('reads the quote alone without the visit text, or when the text does not hold the span', () => {
    const diabetes = span('diabetes');
    expect(passageOf(diabetes, undefined)).toBe('diabetes');
    expect(passageOf(diabetes, TEXT.toUpperCase())).toBe('diabetes');
  });

  it('widens at most a few hundred characters each way', () => {
    const long = `${'word '.repeat(200)}diabetes ${'word '.repeat(200)}`;
    const passage = passageOf(span('diabetes', long), long);
    expect(passage.length).toBeLessThan(long.length);
    expect(passage.length).toBeGreaterThan(700);
  });
});

describe('checkMeat', () => {
  it('finds the elements in the visit text, keeping only the spans that show one', () => {
    const idle = span('I figured');
    const result = checkMeat([span('diabetes'), idle, span('empagliflozin')], { inputText: TEXT });
    expect(result).toEqual({
      met: true,
      elements: ['assess', 'treat'],
      evidence: [span('diabetes'), span('empagliflozin')],
    });
  });

  it('reads the quote alone when no visit text is given', () => {
    expect(checkMeat([span('diabetes')]).met).toBe(false);
    expect(checkMeat([span('So your diabetes is not controlled right now.')])).toMatchObject({
      met: true,
      elements: ['assess'],
    });
  });

  it('never meets MEAT from chart evidence alone, whatever its label says (the copied-forward trap)', () => {
    expect(checkMeat([problemList], { inputText: TEXT })).toEqual({ met: false, elements: [], evidence: [] });
    const withText = checkMeat([problemList, span('A1c')], { inputText: TEXT });
    expect(withText).toEqual({ met: true, elements: ['evaluate'], evidence: [span('A1c')] });
  });

  it('fails a bare mention and answers no elements for no evidence', () => {
    const text = 'Past history: type 2 diabetes mellitus, hypertension.';
    expect(checkMeat([span('type 2 diabetes mellitus', text)], { inputText: text }).met).toBe(false);
    expect(checkMeat([])).toEqual({ met: false, elements: [], evidence: [] });
  });
});
