import { describe, expect, it } from 'vitest';
import { spokenNumbersToDigits as digits } from './spoken-numbers.ts';

describe('spokenNumbersToDigits', () => {
  it.each([
    ['twenty', '20'],
    ['ninety-two', '92'],
    ['twenty one', '21'],
    ['one hundred fifty', '150'],
    ['one hundred and fifty', '150'],
    ['a hundred', '100'],
    ['a thousand', '1000'],
    ['fifteen hundred', '1500'],
    ['twenty five hundred', '2500'],
    ['one thousand five hundred twelve', '1512'],
    ['two million three hundred thousand', '2300000'],
    ['zero', '0'],
    ['eleven', '11'],
    ['one hundred one', '101'],
    ['one thousand fifteen', '1015'],
  ])('writes %j as %j', (spoken, written) => {
    expect(digits(spoken)).toBe(written);
  });

  it('reads the clinic shorthand for hundreds', () => {
    expect(digits("I'm seeing a lot of one-fifties and one-sixties")).toBe(
      "I'm seeing a lot of 150s and 160s",
    );
    expect(digits('sugar was one-eighty')).toBe('sugar was 180');
    expect(digits('one-eighty-something')).toBe('180-something');
    expect(digits('one-twenty-five')).toBe('125');
    expect(digits('pressure one forty over ninety')).toBe('pressure 140 over 90');
    expect(digits('one forty-five over eighty-eight')).toBe('145 over 88');
    expect(digits('two eleven over ninety')).toBe('211 over 90');
  });

  it('leaves spaced pairs alone without "over"', () => {
    expect(digits('two twenty')).toBe('2 20');
    expect(digits('two three times')).toBe('2 3 times');
  });

  it('reads decades', () => {
    expect(digits('in the fifties')).toBe('in the 50s');
    expect(digits('mid-seventies')).toBe('mid-70s');
  });

  it('reads fractions and decimals', () => {
    expect(digits('two and a half')).toBe('2.5');
    expect(digits('one and a half to two liters')).toBe('1.5 to 2 liters');
    expect(digits('three and a quarter')).toBe('3.25');
    expect(digits('one and three quarters')).toBe('1.75');
    expect(digits('two and one half')).toBe('2.5');
    expect(digits('eight point six')).toBe('8.6');
    expect(digits('seven point two five')).toBe('7.25');
    expect(digits('zero point oh five')).toBe('0.05');
    expect(digits('7 point 8 is not a word number, but 7 point eight is')).toBe(
      '7 point 8 is not a word number, but 7.8 is',
    );
    expect(digits('2 and a half weeks')).toBe('2.5 weeks');
    expect(digits('5 hundred')).toBe('500');
    expect(digits('the point is')).toBe('the point is');
    expect(digits('five point')).toBe('5 point');
  });

  it('drops thousands separators', () => {
    expect(digits('NT-proBNP was 1,450')).toBe('NT-proBNP was 1450');
    expect(digits('1,000 and 1,250,000')).toBe('1000 and 1250000');
    expect(digits('lists like 3,4 stay')).toBe('lists like 3,4 stay');
  });

  it('keeps written numbers, ratios and decimals as they are', () => {
    expect(digits('146 over 86')).toBe('146 over 86');
    expect(digits('A1c 7.8 %, 49-51 mg')).toBe('A1c 7.8 %, 49-51 mg');
  });

  it('turns compound adjectives into digits', () => {
    expect(digits('a forty-year-old man')).toBe('a 40-year-old man');
    expect(digits('a one-year history')).toBe('a 1-year history');
    expect(digits('five weeks ago')).toBe('5 weeks ago');
    expect(digits('Five Weeks')).toBe('5 Weeks');
  });

  it('keeps "one" as a word where it is a pronoun', () => {
    expect(digits('no one at home')).toBe('no one at home');
    expect(digits('One of the pills')).toBe('One of the pills');
    expect(digits('one of the')).toBe('one of the');
    expect(digits('the left one especially')).toBe('the left one especially');
    expect(digits("I'm the one looking after")).toBe("I'm the one looking after");
    expect(digits('help one another')).toBe('help one another');
    expect(digits('someone')).toBe('someone');
    expect(digits('take one tablet')).toBe('take 1 tablet');
    expect(digits('one and a half tablets')).toBe('1.5 tablets');
  });

  it('does not touch words that merely contain number words', () => {
    expect(digits('often tension ninetyish weight')).toBe('often tension ninetyish weight');
    expect(digits('a lot')).toBe('a lot');
    expect(digits('a hundredth')).toBe('a hundredth');
  });

  it('keeps line structure and punctuation', () => {
    expect(digits('DOCTOR: twenty.\nPATIENT: thirty, maybe forty!')).toBe(
      'DOCTOR: 20.\nPATIENT: 30, maybe 40!',
    );
  });
});
