import { describe, expect, it } from 'vitest';
import { extractServiceAddOns } from './service-add-ons.ts';
import { dictation, transcript } from './visit.test-data.ts';

const codes = (text: string) => extractServiceAddOns(dictation(text)).map((a) => a.code);

describe('extractServiceAddOns', () => {
  it.each([
    ['We spent about five minutes on quitting today.', '99406'],
    ['Counseled on smoking cessation for 8 minutes: quit date set, patch prescribed.', '99406'],
    ['I spent 12 minutes counselling him on quitting smoking.', '99407'],
    ['Tobacco cessation counselling, twenty minutes.', '99407'],
    ['Spent 20 minutes on an alcohol brief intervention.', '99408'],
  ])('"%s" → %s', (text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  it.each([
    [
      'counselling of three minutes or less is not reported',
      'We talked for 3 minutes about quitting smoking.',
    ],
    [
      'smoking advice without minutes is not reported',
      'I strongly advised him to quit smoking and gave him the quitline number.',
    ],
    [
      'minutes on another topic are not tobacco counselling',
      'We spent ten minutes on his diet and exercise.',
    ],
    [
      'a total-time statement is not counselling',
      'Total time 30 minutes, including discussion of quitting smoking.',
    ],
  ])('%s', (_why, text) => {
    expect(codes(text)).toEqual([]);
  });

  it('gives the reasoning and quotes the minutes', () => {
    const doc = transcript(
      'DOCTOR: Still a pack a day?\nPATIENT: Yes.\nDOCTOR: We spent about five minutes on quitting today.',
    );
    const [addOn] = extractServiceAddOns(doc);
    expect(addOn).toMatchObject({ code: '99406', units: 1 });
    expect(addOn?.reasoning).toContain('5 minutes');
    expect(addOn?.evidence[0]).toMatchObject({ kind: 'input', speaker: 'clinician' });
  });

  it('takes no counselling minutes from the patient', () => {
    const doc = transcript(
      'PATIENT: I spent ten minutes talking to the quitline about smoking.\nDOCTOR: Good.',
    );
    expect(extractServiceAddOns(doc)).toEqual([]);
  });
});
