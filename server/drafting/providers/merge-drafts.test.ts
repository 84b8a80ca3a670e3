import { describe, expect, it } from 'vitest';
import { mergeDrafts } from './merge-drafts.ts';

describe('mergeDrafts', () => {
  it('joins sections in template order, drops repeated sentences and keeps their evidence', () => {
    const merged = mergeDrafts(
      ['hpi', 'exam', 'plan'],
      [
        {
          sections: [
            { key: 'plan', sentences: [{ text: 'Return in 2 weeks.', evidence: [{ segment: 'u9' }] }] },
            {
              key: 'hpi',
              sentences: [
                { text: 'Cough for 3 days.', evidence: [{ segment: 'u1' }] },
                { text: 'No fever.', evidence: [{ segment: 'u2' }] },
              ],
            },
          ],
        },
        {
          sections: [
            {
              key: 'hpi',
              sentences: [
                { text: ' No  fever. ', evidence: [{ segment: 'u2' }, { segment: 'u3', quote: 'no fever' }] },
                { text: 'Sleeps poorly.', evidence: [] },
              ],
            },
          ],
        },
      ],
    );
    expect(merged).toEqual({
      sections: [
        {
          key: 'hpi',
          sentences: [
            { text: 'Cough for 3 days.', evidence: [{ segment: 'u1' }] },
            { text: 'No fever.', evidence: [{ segment: 'u2' }, { segment: 'u3', quote: 'no fever' }] },
            { text: 'Sleeps poorly.', evidence: [] },
          ],
        },
        { key: 'plan', sentences: [{ text: 'Return in 2 weeks.', evidence: [{ segment: 'u9' }] }] },
      ],
    });
  });
});
