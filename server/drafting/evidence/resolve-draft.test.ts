import { describe, expect, it } from 'vitest';
import type { ContextFact, DraftRequest, InputSegment } from '../provider.ts';
import type { ProviderDraft } from '../provider-draft-schema.ts';
import type { NoteTemplate } from '../templates/note-template.ts';
import { contextFacts } from './context-facts.ts';
import { collapseWhitespace, findQuote, lexiconForRequest, resolveDraft } from './resolve-draft.ts';
import { sampleContext } from './sample-context.ts';

const template: NoteTemplate = {
  id: 't',
  version: 1,
  name: 'Test',
  specialty: 'general',
  sections: [
    { key: 'hpi', title: 'HISTORY OF PRESENT ILLNESS', role: 'hpi', instruction: '' },
    { key: 'assessment_plan', title: 'ASSESSMENT AND PLAN', role: 'assessment_plan', instruction: '' },
    {
      key: 'patient_instructions',
      title: 'PATIENT INSTRUCTIONS',
      role: 'patient_instructions',
      instruction: '',
    },
  ],
};

const text =
  'PATIENT: My RIGHT ankle has been swollen for five weeks.\n' +
  'DOCTOR: Take furosemide 20 milligrams   every morning.';
const line2 = text.indexOf('Take');
const segments: InputSegment[] = [
  {
    id: 'u1',
    start: 9,
    end: text.indexOf('\n'),
    text: text.slice(9, text.indexOf('\n')),
    speaker: 'patient',
  },
  { id: 'u2', start: line2, end: text.length, text: text.slice(line2), speaker: 'clinician' },
];
const facts: ContextFact[] = contextFacts(sampleContext);
const request: DraftRequest = {
  template,
  input: { kind: 'transcript', text },
  segments,
  context: sampleContext,
  contextFacts: facts,
};
const meta = { provider: 'builtin', replayed: false, now: new Date('2024-03-15T10:00:00Z') } as const;
const resolve = (answer: ProviderDraft, req: DraftRequest = request) => resolveDraft(answer, req, meta);

describe('resolveDraft', () => {
  it('gives every template section in order, empty ones included', () => {
    const note = resolve({
      sections: [
        {
          key: 'assessment_plan',
          sentences: [{ text: 'Furosemide 20 mg daily.', evidence: [{ segment: 'u2' }] }],
        },
      ],
    });
    expect(note.sections.map((s) => [s.key, s.title, s.sentences.length])).toEqual([
      ['hpi', 'HISTORY OF PRESENT ILLNESS', 0],
      ['assessment_plan', 'ASSESSMENT AND PLAN', 1],
      ['patient_instructions', 'PATIENT INSTRUCTIONS', 0],
    ]);
    expect(note).toMatchObject({
      nothingToDocument: false,
      provider: 'builtin',
      replayed: false,
      generatedAt: '2024-03-15T10:00:00.000Z',
    });
    expect(note.sections[1]?.sentences[0]).toEqual({
      id: 's-1-0',
      text: 'Furosemide 20 mg daily.',
      evidence: [
        { kind: 'input', start: line2, end: text.length, quote: text.slice(line2), speaker: 'clinician' },
      ],
      flags: [],
      origin: 'model',
    });
  });

  it('says there is nothing to document for an empty answer', () => {
    const note = resolve({ sections: [] });
    expect(note.nothingToDocument).toBe(true);
    expect(note.sections).toHaveLength(3);
    expect(
      resolve({ sections: [{ key: 'hpi', sentences: [{ text: '  \n ', evidence: [] }] }] }).nothingToDocument,
    ).toBe(true);
  });

  it('narrows a citation to its quote, exact or ignoring case and spacing', () => {
    const note = resolve({
      sections: [
        {
          key: 'hpi',
          sentences: [
            {
              text: 'Right ankle swollen for 5 weeks.',
              evidence: [{ segment: 'u1', quote: 'right ankle has been swollen for five weeks' }],
            },
            {
              text: 'Furosemide 20 mg every morning.',
              evidence: [{ segment: 'u2', quote: 'furosemide 20 milligrams every morning' }],
            },
            {
              text: 'Swollen for five weeks.',
              evidence: [{ segment: 'u1', quote: 'swollen for five weeks' }],
            },
          ],
        },
      ],
    });
    const [first, second, third] = note.sections[0]?.sentences ?? [];
    expect(first?.evidence).toEqual([
      {
        kind: 'input',
        start: 12,
        end: 55,
        quote: 'RIGHT ankle has been swollen for five weeks',
        speaker: 'patient',
      },
    ]);
    expect(first?.flags).toEqual([]);
    expect(second?.evidence[0]).toMatchObject({ quote: 'furosemide 20 milligrams   every morning' });
    expect(third?.evidence[0]).toMatchObject({
      start: text.indexOf('swollen'),
      quote: 'swollen for five weeks',
    });
  });

  it('falls back to the whole segment when the quote is not in it', () => {
    const note = resolve({
      sections: [
        {
          key: 'hpi',
          sentences: [{ text: 'Swollen ankle.', evidence: [{ segment: 'u1', quote: 'furosemide' }] }],
        },
      ],
    });
    expect(note.sections[0]?.sentences[0]?.evidence[0]).toMatchObject({ start: 9, quote: segments[0]?.text });
  });

  it('drops unknown and duplicate citations, so a sentence left with none is unsupported', () => {
    const note = resolve({
      sections: [
        {
          key: 'hpi',
          sentences: [
            { text: 'Ankle   swollen.\n', evidence: [{ segment: 'u99' }, { fact: 'c999' }] },
            {
              text: 'On furosemide.',
              evidence: [
                { fact: 'c5' },
                { fact: 'c5' },
                { segment: 'u2' },
                { segment: 'u2', quote: 'nothing like it' },
              ],
            },
          ],
        },
      ],
    });
    const [invented, cited] = note.sections[0]?.sentences ?? [];
    expect(invented).toMatchObject({
      id: 's-0-0',
      text: 'Ankle swollen.',
      evidence: [],
      flags: [{ code: 'unsupported' }],
    });
    expect(cited?.evidence).toEqual([
      { kind: 'fhir', ref: 'MedicationRequest/m1', label: 'Furosemide 40 mg tablet: 1 tablet every morning' },
      expect.objectContaining({ kind: 'input', start: line2 }),
    ]);
  });

  it('flags details the evidence does not hold', () => {
    const note = resolve({
      sections: [
        {
          key: 'hpi',
          sentences: [
            {
              text: 'Left ankle swollen; furosemide 40 mg.',
              evidence: [{ segment: 'u1' }, { segment: 'u2' }],
            },
          ],
        },
      ],
    });
    expect(note.sections[0]?.sentences[0]?.flags.map((f) => f.detail)).toEqual(['40 mg', 'Left ankle']);
  });

  it('puts sentences of unknown sections last, under UNSORTED, and merges repeated keys', () => {
    const note = resolve({
      sections: [
        { key: 'hpi', sentences: [{ text: 'One.', evidence: [{ segment: 'u1' }] }] },
        { key: 'made_up', sentences: [{ text: 'Lost?', evidence: [{ segment: 'u1' }] }] },
        { key: 'hpi', sentences: [{ text: 'Two.', evidence: [{ segment: 'u1' }] }] },
        { key: 'other', sentences: [{ text: 'Found.', evidence: [] }] },
      ],
    });
    expect(note.sections.map((s) => s.key)).toEqual([
      'hpi',
      'assessment_plan',
      'patient_instructions',
      'unsorted',
    ]);
    expect(note.sections[0]?.sentences.map((s) => [s.id, s.text])).toEqual([
      ['s-0-0', 'One.'],
      ['s-0-1', 'Two.'],
    ]);
    expect(note.sections[3]).toMatchObject({
      title: 'UNSORTED',
      sentences: [{ id: 's-3-0', text: 'Lost?' }, { id: 's-3-1' }],
    });
  });

  it('keeps the replay flag and provider', () => {
    const note = resolveDraft({ sections: [] }, request, {
      ...meta,
      provider: 'openai-compatible',
      replayed: true,
    });
    expect(note).toMatchObject({ provider: 'openai-compatible', replayed: true });
  });

  it('checks medications against the chart list when there is one', () => {
    const withChart = lexiconForRequest({
      context: {
        ...sampleContext,
        medications: {
          status: 'ok',
          data: [{ ref: 'MedicationRequest/z', display: 'Zorbexa 10 mg', status: 'active' }],
        },
      },
    });
    expect(withChart.canonical.has('zorbexa')).toBe(true);
    expect(lexiconForRequest({}).canonical.has('zorbexa')).toBe(false);
  });
});

describe('findQuote', () => {
  it('finds exact, then case- and space-insensitive, then without surrounding punctuation', () => {
    expect(findQuote('abc Def  ghi', 'Def', 10)).toEqual([14, 17]);
    expect(findQuote('abc Def  ghi', 'def ghi')).toEqual([4, 12]);
    expect(findQuote('abc Def ghi', '"def ghi."')).toEqual([4, 11]);
    expect(findQuote('abc', '  ')).toBeUndefined();
    expect(findQuote('abc', '...')).toBeUndefined();
    expect(findQuote('abc', 'xyz')).toBeUndefined();
  });
});

describe('collapseWhitespace', () => {
  it('trims and collapses', () => {
    expect(collapseWhitespace('  a \n\t b  ')).toBe('a b');
  });
});
