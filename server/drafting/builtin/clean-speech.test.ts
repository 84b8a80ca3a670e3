import { describe, expect, it } from 'vitest';
import { cleanSpeech, detokenise, expandContractions, removeFillers } from './clean-speech.ts';

describe('clean speech', () => {
  it('undoes transcript tokenisation', () => {
    expect(detokenise("i do n't know , it 's fine . we 're gon na see")).toBe(
      "i don't know, it's fine. we're gonna see",
    );
  });

  it('expands contractions, reading "it\'s been" as "it has been" and leaving possessives', () => {
    expect(expandContractions("I can't, won't, didn't; I'm sure it's been Tom's idea, gonna go")).toBe(
      "I cannot, will not, did not; i am sure it has been Tom's idea, going to go",
    );
  });

  it('removes fillers, stutters and openers but never a negation or a hedge', () => {
    expect(removeFillers('um, so, I, I think it is, uh, probably not, you know, broken')).toBe(
      'I think it is, probably not, broken',
    );
    expect(removeFillers('okay, no chest pain, right?')).toBe('no chest pain?');
    expect(removeFillers('right knee pain')).toBe('right knee pain');
    expect(cleanSpeech("yeah , i 've had , like , a cough")).toBe('i have had, a cough');
  });
});
