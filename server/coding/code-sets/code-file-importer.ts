/**
 * One shape for every official file `npm run codes:import` can load (an ICD-10-CM release in the
 * CMS order-file or CSV form, the CMS-HCC map, its labels and hierarchies): the command reads the
 * file's name and first line, picks the importer that recognises it, and reports what was loaded.
 *
 * @module
 */
import type { Db } from '../../db/db.ts';

export interface ImportOptions {
  /** Overrides the fiscal or payment year read from the file name (`icd10cm_order_2026.txt`). */
  readonly year?: string;
}

export interface ImportSummary {
  /** What was loaded, for the operator: "ICD-10-CM FY2026 (order file)". */
  readonly what: string;
  readonly year: string;
  readonly rows: number;
  /** Of `rows`, how many are billable codes (code sets with headers: ICD-10-CM). */
  readonly billable?: number;
}

export interface CodeFileImporter {
  readonly name: string;
  /** True when this importer understands a file with this base name and first line. */
  detect(fileName: string, firstLine: string): boolean;
  /** Loads the whole file in one transaction: a failed import leaves the previous data in place. */
  load(db: Db, filePath: string, options: ImportOptions): Promise<ImportSummary>;
}
