/**
 * `npm run codes:import` importers for the CMS risk adjustment files: the ICD-10-CM → condition
 * category map, the category labels and the hierarchies (one importer each, recognised by the
 * header). Every model in a file is loaded (V28 is the one flags read; see `HCC_MODEL_V28`). A load
 * replaces that payment year's rows of that file kind in one transaction, so a bad file or a
 * failure half-way leaves the previous rows (the shipped seed, or an earlier import) in place.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../../db/db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CodeFileImporter, ImportSummary } from '../code-sets/code-file-importer.ts';
import {
  hccFileKindOf,
  paymentYearInFileName,
  parseHccFile,
  type HccFileKind,
  type HccFileRows,
} from './hcc-csv-files.ts';

/** Rows per insert statement: large enough to be quick, small enough for any driver's limits. */
const BATCH_ROWS = 5_000;

interface TableLoad<K extends HccFileKind> {
  readonly table: string;
  readonly what: string;
  /** `insert … select $1, * from unnest(…)`: `$1` is the payment year, then one array per column. */
  readonly insertSql: string;
  readonly columns: (rows: readonly HccFileRows[K][]) => unknown[];
  /** For the summary: the models the file held. */
  readonly modelOf: (row: HccFileRows[K]) => string;
}

const modelColumns = (rows: readonly HccFileRows['labels' | 'hierarchies'][]) => [
  rows.map((r) => r.modelDomain),
  rows.map((r) => r.modelVersion),
  rows.map((r) => r.modelFullname),
];

const LOADS: { [K in HccFileKind]: TableLoad<K> } = {
  map: {
    table: 'hcc_dx_map',
    what: 'CMS-HCC diagnosis map',
    insertSql: `insert into hcc_dx_map (payment_year, diagnosis_code, cc, model_name)
                select $1, * from unnest($2::text[], $3::int[], $4::text[])`,
    columns: (rows) => [rows.map((r) => r.code), rows.map((r) => r.cc), rows.map((r) => r.modelName)],
    modelOf: (r) => r.modelName,
  },
  labels: {
    table: 'hcc_label',
    what: 'CMS-HCC category labels',
    insertSql: `insert into hcc_label (payment_year, cc, label, model_domain, model_version, model_fullname)
                select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    columns: (rows) => [rows.map((r) => r.cc), rows.map((r) => r.label), ...modelColumns(rows)],
    modelOf: (r) => `${r.modelDomain} ${r.modelVersion}`,
  },
  hierarchies: {
    table: 'hcc_hierarchy',
    what: 'CMS-HCC hierarchies',
    insertSql: `insert into hcc_hierarchy (payment_year, cc_parent, cc_child, model_domain, model_version, model_fullname)
                select $1, * from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::text[])`,
    columns: (rows) => [rows.map((r) => r.parent), rows.map((r) => r.child), ...modelColumns(rows)],
    modelOf: (r) => `${r.modelDomain} ${r.modelVersion}`,
  },
};

function paymentYear(fileName: string, override: string | undefined): number {
  if (override !== undefined) {
    const year = /^\d{4}$/.test(override) ? Number(override) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      throw new AppError('bad_request', `The payment year "${override}" is not a year such as 2026.`);
    }
    return year;
  }
  const year = paymentYearInFileName(fileName);
  if (year === undefined) {
    throw new AppError(
      'bad_request',
      `${fileName}: the payment year is not in the file name (as in ra_dx_to_cc_2026.csv); give it with --year.`,
    );
  }
  return year;
}

/** Replaces `year`'s rows of this kind with `rows` and records the load, inside `tx`. */
async function replaceRows<K extends HccFileKind>(
  tx: Queryable,
  kind: K,
  year: number,
  rows: readonly HccFileRows[K][],
): Promise<void> {
  const load = LOADS[kind];
  await tx.query(`delete from ${load.table} where payment_year = $1`, [year]);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    await tx.query(load.insertSql, [year, ...load.columns(rows.slice(start, start + BATCH_ROWS))]);
  }
  await tx.query(
    `insert into hcc_release (file_kind, payment_year, source, row_count) values ($1, $2, 'import', $3)
     on conflict (file_kind, payment_year)
     do update set source = 'import', row_count = excluded.row_count, loaded_at = now()`,
    [kind, year, rows.length],
  );
}

function importerFor<K extends HccFileKind>(kind: K): CodeFileImporter {
  const load = LOADS[kind];
  return {
    name: `cms-hcc-${kind}`,
    detect: (_fileName, firstLine) => hccFileKindOf(firstLine) === kind,
    async load(db, filePath, options): Promise<ImportSummary> {
      const fileName = path.basename(filePath);
      const year = paymentYear(fileName, options.year);
      const rows = parseHccFile(kind, fileName, await readFile(filePath, 'utf8'));
      await db.transaction((tx) => replaceRows(tx, kind, year, rows));
      const models = new Set(rows.map(load.modelOf));
      return {
        what: `${load.what} PY${year} (${models.size} ${models.size === 1 ? 'model' : 'models'}: ${[...models].sort().join(', ')})`,
        year: String(year),
        rows: rows.length,
      };
    },
  };
}

export const hccMapImporter = importerFor('map');
export const hccLabelsImporter = importerFor('labels');
export const hccHierarchiesImporter = importerFor('hierarchies');

/** The CMS-HCC importers `codes:import` offers, one per file kind. */
export const hccImporters: readonly CodeFileImporter[] = Object.freeze([
  hccMapImporter,
  hccLabelsImporter,
  hccHierarchiesImporter,
]);
