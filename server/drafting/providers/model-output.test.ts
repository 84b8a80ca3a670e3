import { describe, expect, it } from 'vitest';
import { extractJsonText, parseModelDraft, stripReasoning } from './model-output.ts';

const KEYS = ['hpi', 'assessment_plan'];
const ok = JSON.stringify({
  sections: [
    {
      key: 'hpi',
      sentences: [{ text: 'Cough.', evidence: [{ segment: 'u1', quote: null }, { fact: 'c2' }] }],
    },
  ],
});

describe('stripReasoning', () => {
  it('removes reasoning blocks of each spelling, a lone closing tag, and an unclosed block', () => {
    expect(stripReasoning('<think>a</think>{}<THINKING>b\n</THINKING>')).toBe('{}');
    expect(stripReasoning('<reasoning>x</reasoning> {"a":1}')).toBe(' {"a":1}');
    expect(stripReasoning('opened by the template</think>{"a":1}')).toBe('{"a":1}');
    expect(stripReasoning('{"a":1}<think>cut off')).toBe('{"a":1}');
  });
});

describe('extractJsonText', () => {
  it('takes the object out of fences and prose', () => {
    expect(extractJsonText('Sure! ```json\n{"a":1}\n``` Hope this helps')).toBe('{"a":1}');
    expect(extractJsonText('```\n{"a":1}')).toBe('{"a":1}');
    expect(extractJsonText('Here: {"a":{"b":2}} done')).toBe('{"a":{"b":2}}');
    expect(extractJsonText('{"a": [')).toBe('{"a": [');
    expect(extractJsonText('no json here')).toBe('no json here');
  });
});

describe('parseModelDraft', () => {
  it('accepts a valid answer, turning null quotes into no quote', () => {
    expect(parseModelDraft(`<think>…</think>${ok}`, KEYS)).toEqual({
      ok: true,
      draft: {
        sections: [
          { key: 'hpi', sentences: [{ text: 'Cough.', evidence: [{ segment: 'u1' }, { fact: 'c2' }] }] },
        ],
      },
    });
  });

  it('says the answer is not JSON without quoting it', () => {
    const result = parseModelDraft('{"sections": [{"key": "secret words"', KEYS);
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('not valid JSON')] });
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('lists schema problems by path', () => {
    const result = parseModelDraft(
      '{"sections": [{"key": "hpi", "sentences": [{"text": "", "evidence": [{"segment": "7"}]}]}]}',
      KEYS,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain(
        'sections.0.sentences.0.text: Too small: expected string to have >=1 characters',
      );
      expect(result.problems.some((p) => p.startsWith('sections.0.sentences.0.evidence.0'))).toBe(true);
    }
    expect(parseModelDraft('[]', KEYS)).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^\(root\): /)],
    });
  });

  it('rejects unknown and repeated section keys', () => {
    const twice = JSON.stringify({
      sections: [
        { key: 'hpi', sentences: [] },
        { key: 'exam', sentences: [] },
        { key: 'hpi', sentences: [] },
      ],
    });
    expect(parseModelDraft(twice, KEYS)).toEqual({
      ok: false,
      problems: [
        'sections.1.key: must be one of hpi, assessment_plan',
        'sections.2.key: section hpi appears twice',
      ],
    });
  });
});
