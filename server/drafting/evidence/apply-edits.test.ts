import { describe, expect, it } from 'vitest';
import type { NoteDraft } from '../../contract/note-draft.ts';
import { AppError } from '../../errors/app-error.ts';
import { applyEdits, MAX_SENTENCE_CHARS, MAX_SENTENCES_PER_SECTION } from './apply-edits.ts';
import { medicationLexicon } from './medication-lexicon.ts';

const lexicon = medicationLexicon();
const quote = 'PATIENT: my right ankle hurts, I take furosemide 20 milligrams';
const evidence = [{ kind: 'input', start: 0, end: quote.length, quote, speaker: 'patient' }] as const;

const note: NoteDraft = {
  sections: [
    {
      key: 'hpi',
      title: 'HPI',
      sentences: [
        { id: 's-0-0', text: 'Right ankle pain.', evidence, flags: [], origin: 'model' },
        { id: 's-0-1', text: 'Takes furosemide 20 mg.', evidence, flags: [], origin: 'model' },
        {
          id: 's-0-2',
          text: 'Invented sentence.',
          evidence: [],
          flags: [{ code: 'unsupported', message: 'x' }],
          origin: 'model',
        },
      ],
    },
    { key: 'plan', title: 'PLAN', sentences: [] },
    {
      key: 'other',
      title: 'OTHER',
      sentences: [{ id: 's-2-0', text: 'Kept.', evidence, flags: [], origin: 'model' }],
    },
  ],
  nothingToDocument: false,
  provider: 'builtin',
  replayed: false,
  generatedAt: '2024-03-15T10:00:00.000Z',
};

const error = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
  }
  throw new Error('expected an AppError');
};

describe('applyEdits', () => {
  it('keeps an unchanged sentence as it was, and untouched sections as they were', () => {
    const out = applyEdits(
      note,
      [{ key: 'hpi', sentences: [{ id: 's-0-0', text: '  Right ankle   pain. ' }] }],
      lexicon,
    );
    expect(out.sections[0]?.sentences).toEqual([note.sections[0]?.sentences[0]]);
    expect(out.sections[2]).toBe(note.sections[2]);
    expect(out.generatedAt).toBe(note.generatedAt);
  });

  it('rechecks a changed sentence against its evidence and makes it the clinician’s', () => {
    const out = applyEdits(
      note,
      [{ key: 'hpi', sentences: [{ id: 's-0-1', text: 'Takes furosemide 40 mg for the left ankle.' }] }],
      lexicon,
    );
    const sentence = out.sections[0]?.sentences[0];
    expect(sentence).toMatchObject({ id: 's-0-1', origin: 'clinician', evidence });
    expect(sentence?.flags.map((f) => [f.code, f.detail])).toEqual([
      ['unverified_detail', '40 mg'],
      ['unverified_detail', 'left ankle'],
    ]);
    expect(out.sections[0]?.sentences).toHaveLength(1); // the rest were deleted
  });

  it('turns a changed sentence without evidence into a clinician-authored one', () => {
    const out = applyEdits(
      note,
      [{ key: 'hpi', sentences: [{ id: 's-0-2', text: 'Denies fever.' }] }],
      lexicon,
    );
    expect(out.sections[0]?.sentences[0]).toEqual({
      id: 's-0-2',
      text: 'Denies fever.',
      evidence: [],
      flags: [{ code: 'clinician_authored', message: 'Written by the clinician.' }],
      origin: 'clinician',
    });
  });

  it('adds new sentences as clinician-authored, without evidence', () => {
    const out = applyEdits(
      note,
      [{ key: 'plan', sentences: [{ id: 'new-1', text: 'Ice and elevate the ankle.' }] }],
      lexicon,
    );
    expect(out.sections[1]?.sentences).toEqual([
      {
        id: 'new-1',
        text: 'Ice and elevate the ankle.',
        evidence: [],
        flags: [{ code: 'clinician_authored', message: 'Written by the clinician.' }],
        origin: 'clinician',
      },
    ]);
    expect(out.sections[0]).toBe(note.sections[0]);
  });

  it('moves a sentence between sections without duplicating it', () => {
    const out = applyEdits(note, [{ key: 'plan', sentences: [{ id: 's-2-0', text: 'Kept.' }] }], lexicon);
    expect(out.sections[1]?.sentences.map((s) => s.id)).toEqual(['s-2-0']);
    expect(out.sections[2]?.sentences).toEqual([]);
  });

  it('deletes emptied and left-out sentences, and notices when nothing is left', () => {
    const out = applyEdits(
      note,
      [
        { key: 'hpi', sentences: [{ id: 's-0-0', text: '   ' }] },
        { key: 'other', sentences: [] },
      ],
      lexicon,
    );
    expect(out.sections.every((s) => s.sentences.length === 0)).toBe(true);
    expect(out.nothingToDocument).toBe(true);
  });

  it('returns the note unchanged without edits', () => {
    expect(applyEdits(note, undefined, lexicon)).toBe(note);
    expect(applyEdits(note, [], lexicon)).toBe(note);
  });

  it('rejects unknown sections, repeated sections or ids, bad ids and oversized sentences', () => {
    const bad = (edits: Parameters<typeof applyEdits>[1]) => error(() => applyEdits(note, edits, lexicon));
    expect(bad([{ key: 'nope', sentences: [] }])).toMatchObject({ code: 'bad_request', status: 400 });
    expect(bad([{ key: 'nope', sentences: [] }]).message).toContain('"nope"');
    expect(
      bad([
        { key: 'hpi', sentences: [] },
        { key: 'hpi', sentences: [] },
      ]).message,
    ).toContain('twice');
    expect(
      bad([
        { key: 'hpi', sentences: [{ id: 'a', text: 'x' }] },
        { key: 'plan', sentences: [{ id: 'a', text: 'y' }] },
      ]).message,
    ).toContain('"a" is sent twice');
    expect(bad([{ key: 'hpi', sentences: [{ id: '', text: 'x' }] }]).code).toBe('bad_request');
    expect(bad([{ key: 'hpi', sentences: [{ id: 'x'.repeat(65), text: 'x' }] }]).code).toBe('bad_request');
    expect(
      bad([{ key: 'hpi', sentences: [{ id: 'a', text: 'x'.repeat(MAX_SENTENCE_CHARS + 1) }] }]).message,
    ).toContain('2,000');
    const many = Array.from({ length: MAX_SENTENCES_PER_SECTION + 1 }, (_, i) => ({
      id: `n${i}`,
      text: 'x',
    }));
    expect(bad([{ key: 'hpi', sentences: many }]).code).toBe('bad_request');
    expect(() =>
      applyEdits(
        note,
        [{ key: 'hpi', sentences: [{ id: 'a', text: 'x'.repeat(MAX_SENTENCE_CHARS) }] }],
        lexicon,
      ),
    ).not.toThrow();
  });
});
