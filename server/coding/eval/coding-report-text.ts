/**
 * The coding evaluation as Markdown for docs/QUALITY.md (between the `eval:codes` markers) and as
 * plain text for the terminal.
 *
 * @module
 */
import { CONFIDENCE_WEIGHTS } from '../confidence/confidence-model.ts';
import type { CodingEvalReport } from './coding-eval.ts';

export const CODES_RESULTS = {
  begin: '<!-- eval:codes results begin -->',
  end: '<!-- eval:codes results end -->',
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function codingReportMarkdown(report: CodingEvalReport, date: string, release: string): string {
  const lines = [
    `Run on ${date} against ICD-10-CM release \`${release}\`; ${report.visits.length} fixture visits.`,
    '',
    `- ICD-10-CM recall **${pct(report.recall)}**, precision **${pct(report.precision)}**; first-listed right in ${report.visits.filter((v) => v.firstListedRight).length} of ${report.visits.length}; invalid or non-billable codes: ${report.visits.reduce((n, v) => n + v.invalid.length, 0)}.`,
    `- E/M exact match **${pct(report.emExact)}**; MDM elements right: ${report.visits.reduce((n, v) => n + v.mdmRight, 0)} of ${report.visits.length * 3}.`,
    `- Confidence: expected calibration error **${report.calibration.ece.toFixed(3)}** over ${report.calibration.items} assessed conditions (leave-one-visit-out).`,
    '',
    '| visit | suggested | missed | extra | E/M (gold) | add-ons (gold) | ms |',
    '|---|---|---|---|---|---|---|',
    ...report.visits.map(
      (v) =>
        `| ${v.key} | ${v.suggested.join(' ')} | ${v.missed.join(' ') || '-'} | ${v.extra.join(' ') || '-'} | ${v.em} (${v.goldEm}) | ${v.addOns.join(' ') || '-'} (${v.goldAddOns.join(' ') || '-'}) | ${v.ms.toFixed(1)} |`,
    ),
    '',
    'Reliability (leave-one-visit-out):',
    '',
    '| confidence bin | items | mean confidence | share right |',
    '|---|---|---|---|',
    ...report.calibration.bins
      .filter((b) => b.count > 0)
      .map(
        (b) =>
          `| ${b.lower.toFixed(1)}-${b.upper.toFixed(1)} | ${b.count} | ${b.meanConfidence.toFixed(2)} | ${b.accuracy.toFixed(2)} |`,
      ),
  ];
  const shipped = [...CONFIDENCE_WEIGHTS];
  if (JSON.stringify(shipped) !== JSON.stringify(report.freshWeights)) {
    lines.push(
      '',
      `Note: a fresh fit gives weights ${JSON.stringify(report.freshWeights)}, not the shipped ${JSON.stringify(shipped)}; update confidence-model.ts.`,
    );
  }
  return lines.join('\n');
}
