import { describe, expect, it } from 'vitest';
import { formatReportMarkdown, formatReportTable } from './report-text.ts';
import type { EvalReport } from './run-eval.ts';

const rouge = (r1: number) => ({ rouge1: r1, rouge2: r1 / 2, rougeL: r1 / 3, rougeLsum: r1 / 4 });

const report: EvalReport = {
  provider: 'builtin',
  aci: {
    count: 20,
    unsupportedRate: 0.0312,
    meanDraftMs: 4.25,
    rouge: rouge(0.4567),
    transcriptBaseline: rouge(0.3418),
    notes: [],
  },
  fixtures: {
    count: 2,
    unsupportedRate: 0.05,
    meanDraftMs: 12.6,
    recalled: 25,
    total: 32,
    factRecall: 25 / 32,
    visits: [
      {
        key: 'primary-care-diabetes',
        templateId: 'diabetes-follow-up',
        recalled: 13,
        total: 17,
        missing: [],
        sentences: 40,
        flagged: 2,
        draftMs: 15.2,
      },
      {
        key: 'orthopaedics-ankle-sprain',
        templateId: 'orthopaedic-injury',
        recalled: 12,
        total: 15,
        missing: [],
        sentences: 0,
        flagged: 0,
        draftMs: 10,
      },
    ],
  },
  meanDraftMs: 5.1,
  failures: [],
};
const meta = { dataName: 'valid.csv', date: '2025-03-10' };

describe('formatReportTable', () => {
  it('prints ROUGE as F1 × 100 with one decimal, beside the baseline, and a row per fixture', () => {
    const lines = formatReportTable(report, meta).split('\n');
    expect(lines[0]).toBe('Note-drafting evaluation, 2025-03-10, provider builtin');
    const builtin = lines.find((l) => l.trimStart().startsWith('builtin'))!;
    expect(builtin.trim().split(/\s+/)).toEqual(['builtin', '45.7', '22.8', '15.2', '11.4', '3.1', '4.3']);
    const baseline = lines.find((l) => l.includes('transcript copy'))!;
    expect(baseline.trim().split(/\s+/).slice(3)).toEqual(['34.2', '17.1', '11.4', '8.5', '-', '-']);
    expect(lines).toContain('Fixtures: 2 visits, fact recall 78.1% (25/32), flagged 5.0%, 13 ms/draft');
    const diabetes = lines.find((l) => l.includes('primary-care-diabetes'))!;
    expect(diabetes.trim().split(/\s+/)).toEqual([
      'primary-care-diabetes',
      'diabetes-follow-up',
      '13/17',
      '76.5',
      '5.0',
      '15',
    ]);
    // No sentences: 0% flagged, not NaN.
    expect(lines.find((l) => l.includes('orthopaedics'))).toMatch(/12\/15\s+80\.0\s+0\.0\s+10$/);
    expect(lines.at(-1)).toBe('Failed drafts: none');
  });

  it('names failed drafts and their codes', () => {
    const failed = { ...report, failures: [{ id: 'D2N070', code: 'model_timeout' }] };
    expect(formatReportTable(failed, meta)).toMatch(/Failed drafts: D2N070 \(model_timeout\)$/);
  });
});

describe('formatReportMarkdown', () => {
  it('writes the results as Markdown tables', () => {
    const md = formatReportMarkdown(report, meta);
    expect(md).toMatch(/^Run 2025-03-10 with `npm run eval:notes`, provider `builtin`\./);
    expect(md).toContain('| `builtin` | 45.7 | 22.8 | 15.2 | 11.4 | 3.1% | 4.3 ms |');
    expect(md).toContain('| copy of the transcript | 34.2 | 17.1 | 11.4 | 8.5 | - | - |');
    expect(md).toContain('fact recall **78.1%** (25 of 32 key facts)');
    expect(md).toContain('| primary-care-diabetes | `diabetes-follow-up` | 13/17 | 2/40 |');
    expect(md.endsWith('Failed drafts: none.')).toBe(true);
  });
});
