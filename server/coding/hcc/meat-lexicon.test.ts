import { describe, expect, it } from 'vitest';
import { findMeatCues, MEAT_ELEMENTS, type MeatElement } from './meat-lexicon.ts';

const elementsIn = (sentence: string): MeatElement[] => {
  const found = new Set(findMeatCues(sentence).map((h) => h.element));
  return MEAT_ELEMENTS.filter((e) => found.has(e));
};

describe('MEAT cues', () => {
  it.each([
    ['Fasting readings mostly 150 to 180 over the last month.', ['monitor']],
    ['Her heart failure is stable.', ['monitor']],
    ['It is climbing steadily and getting worse, not better.', ['monitor']],
    ['Keep weighing every morning and bring the log.', ['monitor']],
    ['We will keep following the kidney function.', ['monitor']],
    ['Since then my ankles have been puffy and I am more winded.', ['monitor']],
    ['No chest pain, no orthopnea.', ['monitor']],
    ['Energy is low and concentration is poor.', ['monitor']],
  ] as const)('Monitor: %s', (sentence, expected) => {
    expect(elementsIn(sentence)).toEqual(expected);
  });

  it.each([
    ['Your A1c is 8.1 percent.', ['evaluate']],
    ['Reviewed labs from three weeks ago.', ['evaluate']],
    ['The ejection fraction is 30 percent on the outside echo.', ['evaluate']],
    ['PHQ-9 is 14 today.', ['evaluate']],
    ['I hear a few crackles at the very bottom of both lungs.', ['evaluate']],
    ['Lungs are clear. Heart is regular, no murmur.', ['evaluate']],
    ['Monofilament intact in both feet.', ['evaluate']],
    ['Your eGFR is 48 and the creatinine went up to 1.53.', ['evaluate']],
  ] as const)('Evaluate: %s', (sentence, expected) => {
    expect(elementsIn(sentence)).toEqual(expected);
  });

  it.each([
    ['Diabetes, not at goal.', ['assess']],
    ['So your diabetes is not controlled right now.', ['assess']],
    ['Discussed the diagnosis and counselled on warning signs.', ['assess']],
    ['I think the kidney disease is caused by the diabetes.', ['assess']],
    ['Recurrent depression, in a moderate episode.', ['assess']],
    ['No change needed.', ['assess']],
    ["I don't want to add a benzodiazepine.", ['assess']],
    ['Discussed adding an SGLT2 inhibitor.', ['assess']],
  ] as const)('Assess: %s', (sentence, expected) => {
    expect(elementsIn(sentence)).toEqual(expected);
  });

  it.each([
    ['We start empagliflozin.', ['treat']],
    ['Continue metformin 1000 twice a day.', ['treat']],
    ['Lisinopril goes up to 40 milligrams daily.', ['treat']],
    ['Increase the sertraline.', ['treat']],
    ['Referral to nephrology.', ['treat']],
    ['Keep going with the weekly therapy.', ['treat']],
    ['Take the water pill twice a day for five days.', ['treat']],
    ['Salt restriction.', ['treat']],
  ] as const)('Treat: %s', (sentence, expected) => {
    expect(elementsIn(sentence)).toEqual(expected);
  });

  it.each([
    ['She is not taking her metformin.'],
    ['The A1c was not done today.'],
    ['No labs today.'],
    ['History of heart failure.'],
    ['Type 2 diabetes mellitus without complications.'],
    ['Chronic systolic heart failure.'],
    ['Morbid obesity.'],
  ])('nothing in a bare or negated mention: %s', (sentence) => {
    expect(findMeatCues(sentence)).toEqual([]);
  });

  it('reports the words that matched, as written', () => {
    expect(findMeatCues('Start Jardiance; A1c 8.6.')).toEqual(
      expect.arrayContaining([
        { element: 'treat', cue: 'Start' },
        { element: 'treat', cue: 'Jardiance' },
        { element: 'evaluate', cue: 'A1c' },
      ]),
    );
  });

  it('reads a hedged treatment as a plan, and a negated decision as addressed', () => {
    expect(elementsIn('If it drops below 45, I will cut it in half.')).toEqual(['assess']);
    expect(elementsIn('If it drops below 45, I will cut it in half. So we keep metformin for now.')).toEqual([
      'assess',
      'treat',
    ]);
    expect(elementsIn('We might start insulin.')).toEqual(['assess']);
    expect(elementsIn('We will not increase the lisinopril.')).toEqual(['assess']);
  });
});
