import { describe, expect, it } from 'vitest';
import { draftNote, isNearlyEmpty } from './draft-note.ts';
import type { DraftingProvider, InputSegment } from './provider.ts';
import { SEED_TEMPLATES } from './templates/seed-templates.ts';

const template = SEED_TEMPLATES[0]!;
const segment = (text: string): InputSegment => ({ id: 'u1', start: 0, end: text.length, text });

function answering(draft: unknown): DraftingProvider & { calls: number } {
  const provider = {
    name: 'openai-compatible' as const,
    calls: 0,
    draft: () => {
      provider.calls++;
      return Promise.resolve({
        draft: draft as never,
        model: 'm',
        usage: { promptTokens: 10, completionTokens: 5 },
      });
    },
  };
  return provider;
}

describe('isNearlyEmpty', () => {
  it('treats greetings, fillers and silence markers as nothing', () => {
    expect(isNearlyEmpty([])).toBe(true);
    expect(isNearlyEmpty([segment('Hi. Okay, thank you, doctor.'), segment('[silence] um... mm-hmm')])).toBe(
      true,
    );
  });
  it('sees three content words as something to document', () => {
    expect(isNearlyEmpty([segment('Cough for three days.')])).toBe(false);
  });
});

describe('draftNote', () => {
  it('never calls the provider for near-empty input and says there is nothing to document', async () => {
    const provider = answering({ sections: [] });
    const note = await draftNote(provider, { template, input: { kind: 'dictation', text: '  okay.  ' } });
    expect(provider.calls).toBe(0);
    expect(note.nothingToDocument).toBe(true);
    expect(note.sections.map((s) => s.key)).toEqual(template.sections.map((s) => s.key));
  });

  it('refuses an answer outside the output schema with a clear error', async () => {
    const provider = answering({ sections: [{ key: 'hpi', sentences: [{ text: 'No evidence field.' }] }] });
    const error = await draftNote(provider, {
      template,
      input: { kind: 'dictation', text: 'Cough for three days, no fever.' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'model_output_invalid' });
    expect((error as Error).message).toMatch(/input is kept/);
  });

  it('reports model and usage but no text, and stamps the draft with the provider', async () => {
    const provider = answering({
      sections: [{ key: 'hpi', sentences: [{ text: 'Cough for 3 days.', evidence: [{ segment: 'u1' }] }] }],
    });
    const results: unknown[] = [];
    const note = await draftNote(
      provider,
      { template, input: { kind: 'dictation', text: 'Cough for three days, no fever.' } },
      { onResult: (r) => results.push(r), now: () => new Date('2026-11-25T10:00:00Z') },
    );
    expect(results).toEqual([{ model: 'm', usage: { promptTokens: 10, completionTokens: 5 } }]);
    expect(note).toMatchObject({
      provider: 'openai-compatible',
      replayed: false,
      generatedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(note.sections.find((s) => s.key === 'hpi')?.sentences[0]?.flags).toEqual([]);
  });

  it('refuses input over the limit', async () => {
    await expect(
      draftNote(
        answering({ sections: [] }),
        { template, input: { kind: 'bullets', text: 'x'.repeat(51) } },
        { maxInputChars: 50 },
      ),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});
