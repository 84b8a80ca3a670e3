import { describe, expect, it } from 'vitest';
import { defaultTemplate } from './draft-snapshot.ts';
import { sampleTemplates } from './test-support/sample-draft.ts';

describe('defaultTemplate', () => {
  it('starts a new encounter on the SOAP progress note, else a general template, else the first', () => {
    const [soap, diabetes] = sampleTemplates() as [
      ReturnType<typeof sampleTemplates>[0],
      ReturnType<typeof sampleTemplates>[0],
    ];
    expect(defaultTemplate([diabetes, soap])).toBe('soap-progress');
    expect(defaultTemplate([diabetes, { ...soap, id: 'general-visit' }])).toBe('general-visit');
    expect(defaultTemplate([diabetes])).toBe('diabetes-follow-up');
    expect(defaultTemplate([])).toBe('');
  });
});
