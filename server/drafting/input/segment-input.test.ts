import { describe, expect, it } from 'vitest';
import type { ClinicianInput } from '../../contract/note-draft.ts';
import { segmentInput } from './segment-input.ts';

/** Every segment's offsets cut exactly its text out of the original, and ids run u1…un. */
function expectExactOffsets(input: ClinicianInput) {
  const segments = segmentInput(input);
  segments.forEach((s, i) => {
    expect(s.id).toBe(`u${i + 1}`);
    expect(input.text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
  });
  return segments;
}

describe('segmentInput', () => {
  it('splits a DOCTOR:/PATIENT: transcript into sentences without the labels', () => {
    const text =
      'DOCTOR: Any chest pain? How long has the cough lasted?\nPATIENT: No. About two weeks, Dr. Lee.';
    const segments = expectExactOffsets({ kind: 'transcript', text });
    expect(segments.map((s) => [s.text, s.speaker])).toEqual([
      ['Any chest pain?', 'clinician'],
      ['How long has the cough lasted?', 'clinician'],
      ['No.', 'patient'],
      ['About two weeks, Dr. Lee.', 'patient'],
    ]);
  });

  it('reads ACI-bench bracket labels and keeps tokenised punctuation inside the segment', () => {
    const text = "[doctor] hi , martha . how are you ?\n[patient] i'm doing okay . i take 0.4 mg .";
    const segments = expectExactOffsets({ kind: 'transcript', text });
    expect(segments.map((s) => s.text)).toEqual([
      'hi , martha .',
      'how are you ?',
      "i'm doing okay .",
      'i take 0.4 mg .',
    ]);
    expect(segments.map((s) => s.speaker)).toEqual(['clinician', 'clinician', 'patient', 'patient']);
  });

  it('maps Nurse, Mother and Dr. Name labels, and continues a turn over unlabelled lines', () => {
    const text =
      'Nurse: Weight is 17 kilos.\nMother: She has had a fever.\nSince last night.\nDr. Okafor: Let me look in her ears.';
    const segments = expectExactOffsets({ kind: 'transcript', text });
    expect(segments.map((s) => s.speaker)).toEqual(['clinician', 'other', 'other', 'clinician']);
    expect(segments[2]!.text).toBe('Since last night.');
  });

  it('infers which numbered speaker is the clinician from questions and "you"', () => {
    const text =
      'Speaker 1: What brings you in today?\nSpeaker 2: My knee hurts when I walk.\nSpeaker 1: Do you take anything for it?\nSpeaker 2: I take ibuprofen.';
    const segments = expectExactOffsets({ kind: 'transcript', text });
    expect(segments.map((s) => s.speaker)).toEqual(['clinician', 'patient', 'clinician', 'patient']);
  });

  it('does not take a one-off "Plan:" inside a labelled transcript for a speaker', () => {
    const text = 'DOCTOR: We discussed it.\nPlan: start metformin.\nPATIENT: Okay.';
    const segments = expectExactOffsets({ kind: 'transcript', text });
    expect(segments.map((s) => [s.text, s.speaker])).toEqual([
      ['We discussed it.', 'clinician'],
      ['Plan: start metformin.', 'clinician'],
      ['Okay.', 'patient'],
    ]);
  });

  it('attributes unlabelled turns by questions, first person and alternation, or not at all', () => {
    const text = 'What brings you in?\nI have had a cough for two weeks.\nAny fever?\nNo.\nHmm.';
    const segments = expectExactOffsets({ kind: 'transcript', text });
    expect(segments.map((s) => s.speaker)).toEqual([
      'clinician',
      'patient',
      'clinician',
      'patient',
      undefined,
    ]);
  });

  it('cuts an unpunctuated run-on turn at spoken cues', () => {
    const words =
      'i have had this pain in my right knee for about three weeks now and it gets worse when i climb stairs ' +
      'so i started taking ibuprofen twice a day but it does not really help and i also noticed some swelling ' +
      'okay and then last week it locked up on me while i was walking the dog and i almost fell down';
    const text = `[patient] ${words}`;
    const segments = expectExactOffsets({ kind: 'transcript', text });
    expect(segments.length).toBeGreaterThan(1);
    expect(segments.every((s) => s.text.split(' ').length <= 45)).toBe(true);
    expect(segments.map((s) => s.text).join(' ')).toBe(words);
  });

  it('gives one clinician segment per dictated sentence', () => {
    const text = 'Patient seen for follow up. BP is 128/78.\nLungs clear. Continue lisinopril 10 mg.';
    const segments = expectExactOffsets({ kind: 'dictation', text });
    expect(segments.map((s) => s.text)).toEqual([
      'Patient seen for follow up.',
      'BP is 128/78.',
      'Lungs clear.',
      'Continue lisinopril 10 mg.',
    ]);
    expect(segments.every((s) => s.speaker === 'clinician')).toBe(true);
  });

  it('gives one segment per bullet without its marker, skipping blank lines', () => {
    const text = '- cough x 2 wk\n\n* no fever\n• lungs clear. no wheeze\n3) amoxicillin 500 mg\n[ ] recheck';
    const segments = expectExactOffsets({ kind: 'bullets', text });
    expect(segments.map((s) => s.text)).toEqual([
      'cough x 2 wk',
      'no fever',
      'lungs clear. no wheeze',
      'amoxicillin 500 mg',
      'recheck',
    ]);
  });

  it('returns nothing for whitespace and punctuation only', () => {
    expect(segmentInput({ kind: 'transcript', text: '  \n ... \n' })).toEqual([]);
    expect(segmentInput({ kind: 'dictation', text: '' })).toEqual([]);
  });
});
