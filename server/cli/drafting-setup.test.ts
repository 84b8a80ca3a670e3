import { describe, expect, it } from 'vitest';
import { draftingForCli } from './drafting-setup.ts';

describe('draftingForCli', () => {
  it('builds the providers from the drafting settings alone', () => {
    const drafting = draftingForCli({ DRAFT_MAX_INPUT_CHARS: '5000' }, () => undefined);
    expect(drafting?.config.maxInputChars).toBe(5000);
    expect(drafting?.providers.defaultProvider).toBe('builtin');
  });

  it('prints every problem and gives nothing when the settings are not valid', () => {
    const lines: string[] = [];
    expect(draftingForCli({ DRAFT_PROVIDER: 'openai-compatible' }, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual([
      'error: the drafting settings are not valid:',
      '  OPENAI_BASE_URL: is required when DRAFT_PROVIDER is openai-compatible',
    ]);
  });
});
