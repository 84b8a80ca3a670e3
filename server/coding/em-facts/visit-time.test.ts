import { describe, expect, it } from 'vitest';
import { visitTime } from './visit-time.ts';
import { readVisit } from './visit-reading.ts';
import { dictation, transcript } from './visit.test-data.ts';

const minutesOf = (text: string, kind: 'dictation' | 'transcript' = 'dictation') =>
  visitTime(readVisit(kind === 'dictation' ? dictation(text) : transcript(text)))?.minutes;

describe('visitTime', () => {
  it.each([
    ['Total time on the date of the encounter 52 minutes, including documentation.', 52],
    ["Total time I personally spent on this patient's care today was 44 minutes.", 44],
    ['Time statement: my total time on the date of this encounter was 42 minutes.', 42],
    ['I spent 52 minutes.', 52],
    ['I spent a total of 35 minutes with the patient today.', 35],
    ['I spent forty-five minutes in the care of this patient.', 45],
    ['Total practitioner time: 61 min.', 61],
    ['Time spent: 38 minutes.', 38],
  ])('reads "%s" as %i minutes', (text, minutes) => {
    expect(minutesOf(text)).toBe(minutes);
  });

  it.each([
    'Take the levothyroxine and wait 30 minutes before coffee.',
    'You can take one every five minutes, up to three.',
    'We spent about five minutes on quitting today.',
    'I spent 20 minutes counselling her on diet.',
    'The pain lasts about ten minutes and goes away with rest.',
    'Ice it for fifteen to twenty minutes a few times a day.',
  ])('finds no total time in "%s"', (text) => {
    expect(minutesOf(text)).toBeUndefined();
  });

  it('ignores minutes the patient mentions and keeps the last statement', () => {
    const text = [
      'PATIENT: I spent 90 minutes in the waiting room.',
      'DOCTOR: Total time today was 30 minutes.',
      'DOCTOR (DICTATION): Addendum: total time on the date of the encounter 41 minutes.',
    ].join('\n');
    expect(minutesOf(text, 'transcript')).toBe(41);
  });

  it('quotes the time statement as evidence', () => {
    const time = visitTime(readVisit(dictation('Plan as above. Total time 47 minutes, mostly counselling.')));
    expect(time?.evidence[0]).toMatchObject({ kind: 'input', quote: 'Total time 47 minutes' });
  });
});
