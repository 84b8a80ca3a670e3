/**
 * `npm run codes:import -- <file> [--year <YYYY>]`: loads an official code file into the database
 * and makes it the active release. The importer is picked from the file's name and first line
 * (server/coding/code-sets/importers.ts): a CMS ICD-10-CM order file (`icd10cm_order_2026.txt`)
 * or the CSV shape `code,code_nodot,billable,description`. A refused file changes nothing.
 *
 * Exit codes: 0 loaded, 1 the file was refused (the message says why and where), 2 usage.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import type { CodeFileImporter, ImportSummary } from '../coding/code-sets/code-file-importer.ts';
import { CODE_FILE_IMPORTERS, pickImporter, readFirstLine } from '../coding/code-sets/importers.ts';
import type { Db } from '../db/db.ts';
import { isAppError } from '../errors/app-error.ts';

export const CODES_IMPORT_USAGE = `Usage: npm run codes:import -- <file> [--year <YYYY>]

Loads an official code release into the database and makes it the one search and coding use.

Files understood:
  icd10cm_order_YYYY.txt     The CMS ICD-10-CM order file (fixed width), from cms.gov
  *.csv                      ICD-10-CM as code,code_nodot,billable,description

Options:
  --year <YYYY>   The fiscal year, when the file name does not say it (icd10cm_order_2026.txt does)
  -h, --help      This help

Reads the server's database settings (DATABASE_URL or PGLITE_DATA_DIR) from the environment.
With embedded PGlite, stop the server first: one process per data directory. A running server
picks the new release up within 30 seconds.`;

export interface CodesImportCliDeps {
  /** Runs `fn` with the (migrated) database and closes it after; not called for usage mistakes. */
  readonly useDb: <R>(fn: (db: Db) => Promise<R>) => Promise<R>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly importers?: readonly CodeFileImporter[];
  /** For the elapsed time in the summary. */
  readonly now?: () => number;
}

const count = (n: number) => n.toLocaleString('en-US');

function describe(summary: ImportSummary, seconds: number): string {
  const billable = summary.billable === undefined ? '' : ` (${count(summary.billable)} billable)`;
  return `Loaded ${summary.what}: ${count(summary.rows)} rows${billable} in ${seconds.toFixed(1)} s; now the active release.`;
}

export async function runCodesImportCli(argv: readonly string[], deps: CodesImportCliDeps): Promise<number> {
  const now = deps.now ?? (() => performance.now());
  const usage = (problem: string) => {
    deps.err(`error: ${problem}`);
    deps.err(CODES_IMPORT_USAGE);
    return 2;
  };
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { year: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  if (args.values.help) {
    deps.out(CODES_IMPORT_USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) return usage('give exactly one file');
  const filePath = args.positionals[0]!;
  const year = args.values.year;

  try {
    const importer = pickImporter(
      filePath,
      await readFirstLine(filePath),
      deps.importers ?? CODE_FILE_IMPORTERS,
    );
    const started = now();
    const summary = await deps.useDb((db) => importer.load(db, filePath, year === undefined ? {} : { year }));
    deps.out(describe(summary, (now() - started) / 1000));
    return 0;
  } catch (e) {
    if (!isAppError(e) || e.code !== 'bad_request') throw e;
    deps.err(`error: ${e.message}`);
    deps.err('Nothing was changed; the previous release is still the active one.');
    return 1;
  }
}
