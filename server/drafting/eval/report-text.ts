/**
 * The evaluation report as text: a plain table for the terminal and a Markdown block for
 * docs/QUALITY.md. Scores are shown as percentages with one decimal, as the ACI-Bench paper
 * prints ROUGE (F1 × 100). Only ids, counts and scores: never note or transcript text.
 *
 * @module
 */
import type { EvalReport, RougeMeans } from './run-eval.ts';
import { ROUGE_TYPES } from './rouge.ts';

export interface ReportMeta {
  /** The ACI-Bench-shaped file scored, as a name to show (`valid.csv`). */
  readonly dataName: string;
  /** YYYY-MM-DD of the run. */
  readonly date: string;
}

const pct = (value: number): string => (100 * value).toFixed(1);
const ms = (value: number): string => (value < 10 ? value.toFixed(1) : Math.round(value).toString());
const rougeCells = (means: RougeMeans): string[] => ROUGE_TYPES.map((type) => pct(means[type]));

/** Columns padded to one width; the first `left` columns (names) left-aligned, numbers right. */
function pad(rows: readonly (readonly string[])[], left = 1): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i < left ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function failureLine(report: EvalReport): string {
  if (report.failures.length === 0) return 'Failed drafts: none';
  return `Failed drafts: ${report.failures.map((f) => `${f.id} (${f.code})`).join(', ')}`;
}

export function formatReportTable(report: EvalReport, meta: ReportMeta): string {
  const { aci, fixtures } = report;
  const lines = [`Note-drafting evaluation, ${meta.date}, provider ${report.provider}`, ''];
  lines.push(`ACI-Bench ${meta.dataName}: ${aci.count} notes drafted (mean per-note F1 × 100)`);
  lines.push(
    ...pad([
      ['', 'ROUGE-1', 'ROUGE-2', 'ROUGE-L', 'ROUGE-Lsum', 'flagged %', 'ms/draft'],
      [report.provider, ...rougeCells(aci.rouge), pct(aci.unsupportedRate), ms(aci.meanDraftMs)],
      ['transcript copy (baseline)', ...rougeCells(aci.transcriptBaseline), '-', '-'],
    ]).map((line) => `  ${line}`),
  );
  lines.push('');
  lines.push(
    `Fixtures: ${fixtures.count} visits, fact recall ${pct(fixtures.factRecall)}% ` +
      `(${fixtures.recalled}/${fixtures.total}), flagged ${pct(fixtures.unsupportedRate)}%, ` +
      `${ms(fixtures.meanDraftMs)} ms/draft`,
  );
  if (fixtures.visits.length > 0) {
    lines.push(
      ...pad(
        [
          ['', 'template', 'facts', 'recall %', 'flagged %', 'ms'],
          ...fixtures.visits.map((v) => [
            v.key,
            v.templateId,
            `${v.recalled}/${v.total}`,
            pct(v.total === 0 ? 0 : v.recalled / v.total),
            pct(v.sentences === 0 ? 0 : v.flagged / v.sentences),
            ms(v.draftMs),
          ]),
        ],
        2,
      ).map((line) => `  ${line}`),
    );
  }
  lines.push('', `Mean draft time: ${ms(report.meanDraftMs)} ms`, failureLine(report));
  return lines.join('\n');
}

/** The results block of docs/QUALITY.md (between its markers), in Markdown. */
export function formatReportMarkdown(report: EvalReport, meta: ReportMeta): string {
  const { aci, fixtures } = report;
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = [
    `Run ${meta.date} with \`npm run eval:notes\`, provider \`${report.provider}\`.`,
    '',
    `**ACI-Bench ${meta.dataName}** (${aci.count} notes; mean per-note F1 × 100)`,
    '',
    row(['', 'ROUGE-1', 'ROUGE-2', 'ROUGE-L', 'ROUGE-Lsum', 'flagged sentences', 'mean draft time']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
    row([
      `\`${report.provider}\``,
      ...rougeCells(aci.rouge),
      `${pct(aci.unsupportedRate)}%`,
      `${ms(aci.meanDraftMs)} ms`,
    ]),
    row(['copy of the transcript', ...rougeCells(aci.transcriptBaseline), '-', '-']),
    '',
    `**Synthetic fixtures** (${fixtures.count} visits): fact recall **${pct(fixtures.factRecall)}%** ` +
      `(${fixtures.recalled} of ${fixtures.total} key facts), flagged sentences ${pct(fixtures.unsupportedRate)}%, ` +
      `mean draft time ${ms(fixtures.meanDraftMs)} ms.`,
    '',
    row(['visit', 'template', 'key facts recalled', 'flagged sentences']),
    row(['---', '---', '---:', '---:']),
    ...fixtures.visits.map((v) =>
      row([v.key, `\`${v.templateId}\``, `${v.recalled}/${v.total}`, `${v.flagged}/${v.sentences}`]),
    ),
    '',
    failureLine(report) + '.',
  ];
  return lines.join('\n');
}
