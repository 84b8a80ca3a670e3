/**
 * `npm run eval:notes -- [options]`: drafts the ACI-Bench notes and the synthetic fixture visits
 * with one provider, scores them (see `run-eval.ts`), prints a table or JSON, and can refresh the
 * results block of docs/QUALITY.md. Scores never fail the command: it exits 1 only when
 * something went wrong (a file, a provider, a draft that failed), 2 on a usage mistake.
 *
 * @module
 */
import { readFile as readFileFromDisk, writeFile as writeFileToDisk } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAciCsv } from './aci-csv.ts';
import type { EvalFixture } from './fixture-cases.ts';
import { formatReportMarkdown, formatReportTable } from './report-text.ts';
import { replaceResultsBlock } from './results-block.ts';
import { evaluateNotes, type DraftFn } from './run-eval.ts';

export const EVAL_CLI_USAGE = `Usage: npm run eval:notes -- [options]

Drafts every encounter of an ACI-Bench-shaped CSV and every synthetic fixture visit, then prints
ROUGE (as the ACI-Bench paper scores it), fact recall, the share of flagged sentences and draft time.

Options:
  --data <file.csv>         dataset,encounter_id,dialogue,note (default: ACI-Bench valid split)
  --provider <name>         builtin | openai-compatible | llama-cpp (default: builtin)
  --fixtures <keys>         all | none | comma-separated fixture keys (default: all)
  --limit <n>               Only the first n rows of the CSV
  --write <file.md>         Also replace the results block of that Markdown file (docs/QUALITY.md)
  --json                    Print the full report as JSON instead of the table
  -h, --help                This help`;

export interface EvalCliDeps {
  /** The named provider's drafting pipeline; throws (an AppError) when it is not available. */
  readonly provider: (name: string) => { readonly label: string; readonly draft: DraftFn };
  readonly fixtures: readonly EvalFixture[];
  readonly defaultDataPath: string;
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
  readonly readFile?: (file: string) => Promise<string>;
  readonly writeFile?: (file: string, text: string) => Promise<void>;
  readonly now?: () => Date;
  readonly clock?: () => number;
}

function pickFixtures(all: readonly EvalFixture[], spec: string): readonly EvalFixture[] | string {
  if (spec === 'all') return all;
  if (spec === 'none') return [];
  const keys = spec.split(',').map((k) => k.trim());
  const unknown = keys.filter((k) => !all.some((f) => f.key === k));
  if (unknown.length > 0)
    return `unknown fixture ${unknown.join(', ')} (known: ${all.map((f) => f.key).join(', ')})`;
  return all.filter((f) => keys.includes(f.key));
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      data: { type: 'string' },
      provider: { type: 'string', default: 'builtin' },
      fixtures: { type: 'string', default: 'all' },
      limit: { type: 'string' },
      write: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export async function runEvalCli(argv: readonly string[], deps: EvalCliDeps): Promise<number> {
  const readFile = deps.readFile ?? ((file: string) => readFileFromDisk(file, 'utf8'));
  const writeFile = deps.writeFile ?? ((file: string, text: string) => writeFileToDisk(file, text));
  const usage = (problem: string) => {
    deps.err(`error: ${problem}`);
    deps.err(EVAL_CLI_USAGE);
    return 2;
  };
  let values;
  try {
    values = parse(argv).values;
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) {
    deps.out(EVAL_CLI_USAGE);
    return 0;
  }
  const fixtures = pickFixtures(deps.fixtures, values.fixtures);
  if (typeof fixtures === 'string') return usage(fixtures);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    return usage('--limit takes a whole number');
  }

  const dataPath = values.data ?? deps.defaultDataPath;
  try {
    const provider = deps.provider(values.provider);
    const rows = parseAciCsv(await readFile(dataPath), dataPath);
    const now = (deps.now ?? (() => new Date()))();
    const report = await evaluateNotes({
      draft: provider.draft,
      providerLabel: provider.label,
      aci: limit === undefined ? rows : rows.slice(0, limit),
      fixtures,
      now,
      ...(deps.clock ? { clock: deps.clock } : {}),
      onProgress: (done, total, id) => deps.err(`drafted ${done}/${total} ${id}`),
    });
    const meta = { dataName: path.basename(dataPath), date: now.toISOString().slice(0, 10) };
    deps.out(values.json ? JSON.stringify(report, null, 2) : formatReportTable(report, meta));
    if (report.failures.length > 0) {
      // Means without the failed drafts would flatter the provider: never publish them.
      deps.err(`error: ${report.failures.length} draft(s) failed; nothing written.`);
      return 1;
    }
    if (values.write !== undefined) {
      const doc = await readFile(values.write);
      const block = formatReportMarkdown(report, meta);
      await writeFile(values.write, replaceResultsBlock(doc, block, values.write));
      deps.err(`wrote the results block of ${values.write}`);
    }
    return 0;
  } catch (e) {
    deps.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
