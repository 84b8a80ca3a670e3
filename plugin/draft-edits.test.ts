import { describe, expect, it } from 'vitest';
import {
  clinicianSentence,
  countSentences,
  findSentence,
  insertSentence,
  removeSentence,
  replaceSentence,
  sectionsForSave,
  unresolvedSentences,
} from './draft-edits.ts';
import { sampleNote } from './test-support/sample-draft.ts';

describe('draft edits', () => {
  it('finds a sentence with its section and place', () => {
    const place = findSentence(sampleNote(), 's-1-2');
    expect([place?.section.key, place?.index, place?.sentence.text]).toEqual([
      'subjective',
      1,
      'Possible low-grade fever on Sunday.',
    ]);
    expect(findSentence(sampleNote(), 'nope')).toBeNull();
    expect(findSentence(null, 's-1-1')).toBeNull();
  });

  it('an edited sentence keeps its id and evidence and becomes the clinician’s; an unchanged one is the same note', () => {
    const note = sampleNote();
    const edited = replaceSentence(note, 's-2-1', 'Continue metformin 1000 mg.');
    const sentence = findSentence(edited, 's-2-1')?.sentence;
    expect(sentence).toMatchObject({ id: 's-2-1', text: 'Continue metformin 1000 mg.', origin: 'clinician' });
    expect(sentence?.evidence).toHaveLength(2);
    expect(note.sections[1]?.sentences[0]?.text).toBe('Continue metformin 500 mg.');
    expect(replaceSentence(note, 's-2-1', 'Continue metformin 500 mg.')).toBe(note);
    expect(replaceSentence(note, 'nope', 'x')).toBe(note);
  });

  it('removes a sentence and puts it back where it was', () => {
    const note = sampleNote();
    const result = removeSentence(note, 's-1-2')!;
    expect(result.removed).toMatchObject({ sectionKey: 'subjective', index: 1 });
    expect(result.note.sections[0]?.sentences.map((s) => s.id)).toEqual(['s-1-1', 's-1-3']);
    const back = insertSentence(result.note, 'subjective', result.removed.sentence, result.removed.index);
    expect(back.sections[0]?.sentences.map((s) => s.id)).toEqual(['s-1-1', 's-1-2', 's-1-3']);
    expect(removeSentence(note, 'nope')).toBeNull();
  });

  it('adds a clinician sentence at the end by default, with a fresh id and the authored flag', () => {
    const a = clinicianSentence('Return in two weeks.', 1_000);
    const b = clinicianSentence('Call if worse.', 1_000);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ evidence: [], origin: 'clinician', flags: [{ code: 'clinician_authored' }] });
    const note = insertSentence(sampleNote(), 'plan', a);
    expect(note.sections[1]?.sentences.map((s) => s.text)).toEqual([
      'Continue metformin 500 mg.',
      'Return in two weeks.',
    ]);
    expect(insertSentence(note, 'plan', b, 99).sections[1]?.sentences.at(-1)).toBe(b);
  });

  it('sends ids and texts by section, and counts what needs review', () => {
    expect(sectionsForSave(sampleNote())).toEqual([
      {
        key: 'subjective',
        sentences: [
          { id: 's-1-1', text: 'Night-time cough for two weeks.' },
          { id: 's-1-2', text: 'Possible low-grade fever on Sunday.' },
          { id: 's-1-3', text: 'Temperature 39.2 C at home.' },
        ],
      },
      { key: 'plan', sentences: [{ id: 's-2-1', text: 'Continue metformin 500 mg.' }] },
    ]);
    expect(countSentences(sampleNote())).toEqual({ total: 4, review: 3 });
    // Uncertain is for the clinician to word; only missing evidence or details block signing.
    expect(unresolvedSentences(sampleNote()).map((s) => s.id)).toEqual(['s-1-3', 's-2-1']);
    const edited = replaceSentence(sampleNote(), 's-1-3', 'Felt warm at home.');
    expect(unresolvedSentences(edited).map((s) => s.id)).toEqual(['s-2-1']);
  });
});
