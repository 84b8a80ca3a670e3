/**
 * ICD-10-CM search over the full FY2026 release (../shared/data, 98,186 rows; skipped when the
 * file is absent): median and p99 time per search over a mixed query set (codes with and without
 * the dot, words, phrases, laterality, abbreviations, short prefixes), after a warm-up; and the
 * index's memory, budgets 1 ms and 60 MB (DESIGN.md §7).
 *
 * Memory is measured in a child process started with `--expose-gc`: JavaScript heap plus array
 * buffers after a forced collection, before reading the file and after building the index from it
 * and letting the rows go, so the number is what a server holds for search. The same file is the
 * child (`--code-search-child`).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sharedDataPath } from '../../fhir-fixtures/shared-data.ts';
import { parseIcd10cmCsv } from '../../server/coding/code-sets/icd10cm-csv-importer.ts';
import { readImportLines } from '../../server/coding/code-sets/import-file.ts';
import { buildCodeSearchIndex } from '../../server/coding/search/code-search-index.ts';
import { percentile, type BenchResult } from './result.ts';

const CSV = sharedDataPath('icd10cm', 'icd10cm_fy2026_codes.csv');
const CHILD_FLAG = '--code-search-child';

/** What a clinician or coder types: codes, words in any order, phrases, sides, abbreviations. */
export const QUERIES: readonly string[] = [
  'E11.65',
  'e1165',
  'E11.6',
  'I10',
  'S93.401A',
  'Z79',
  'F33',
  'r07.8',
  'M54.5',
  'H66.00',
  'htn',
  'T2DM',
  'chf',
  'copd',
  'uri',
  'afib',
  'ckd',
  'gerd',
  'mdd',
  'adhd',
  'om',
  'osa',
  'type 2 diabetes with hyperglycemia',
  'otitis media left',
  'ankle sprain right',
  'chest pain',
  'low back pain',
  'major depressive disorder recurrent moderate',
  'generalized anxiety',
  'acute bronchitis',
  'long term use of anticoagulants',
  'family history of heart disease',
  'heart failure with reduced ejection',
  'hypothyroidism',
  'fracture of left radius',
  'diab',
  'pneu',
  'knee pain',
  'encounter for immunization',
  'hyperglycaemia',
];

interface ChildReport {
  readonly rows: number;
  readonly buildMs: number;
  readonly indexBytes: number;
  readonly samplesMs: number[];
}

function heldBytes(gc: () => void): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function child(): Promise<ChildReport> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const before = heldBytes(gc);
  const built = performance.now();
  const index = buildCodeSearchIndex(parseIcd10cmCsv(await readImportLines(CSV), CSV));
  const buildMs = performance.now() - built;
  const indexBytes = heldBytes(gc) - before;
  for (let round = 0; round < 30; round++) for (const q of QUERIES) index.search(q);
  const samplesMs: number[] = [];
  for (let round = 0; round < 50; round++) {
    for (const q of QUERIES) {
      const start = performance.now();
      index.search(q);
      samplesMs.push(performance.now() - start);
    }
  }
  return { rows: index.size, buildMs, indexBytes, samplesMs };
}

export function measureCodeSearch(): Promise<BenchResult[]> {
  if (!existsSync(CSV)) {
    console.log(`code search: skipped, ${CSV} is not there`);
    return Promise.resolve([]);
  }
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, CHILD_FLAG], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(out) as ChildReport;
  const sorted = [...report.samplesMs].sort((a, b) => a - b);
  const rows = report.rows.toLocaleString('en-US');
  return Promise.resolve([
    { name: `ICD-10-CM search, ${rows} codes, median`, value: percentile(sorted, 50), unit: 'ms', budget: 1 },
    { name: `ICD-10-CM search, ${rows} codes, p99`, value: percentile(sorted, 99), unit: 'ms' },
    {
      name: 'ICD-10-CM search index memory (heap + buffers)',
      value: report.indexBytes / 2 ** 20,
      unit: 'MB',
      budget: 60,
    },
    { name: 'ICD-10-CM search index build', value: report.buildMs, unit: 'ms' },
  ]);
}

if (process.argv.includes(CHILD_FLAG)) {
  process.stdout.write(JSON.stringify(await child()));
}
