/**
 * The CMS ICD-10-CM order file (`icd10cm_order_YYYY.txt`), fixed width, one code or header per
 * line:
 *
 * | columns | field |
 * | --- | --- |
 * | 1-5 | order number |
 * | 7-13 | code without its dot, padded with spaces |
 * | 15 | 0 header (not billable), 1 billable |
 * | 17-76 | short description |
 * | 78- | long description (the one stored; required) |
 *
 * Codes get their dot after the category (`E1165` → `E11.65`). Every line is checked before
 * anything is written.
 *
 * @module
 */
import { basename } from 'node:path';
import type { Icd10CmCode } from '../../contract/coding.ts';
import type { CodeFileImporter } from './code-file-importer.ts';
import { isUndottedCode, withDot } from './icd10cm-code-format.ts';
import { saveIcd10cmRelease } from './icd10cm-release-store.ts';
import { importProblem, importYear, readImportLines } from './import-file.ts';

/** Order number, code field, flag: enough of a first line to recognise the format. */
const ORDER_LINE_START = /^\d{5} [A-Z][0-9A-Z][0-9A-Z][0-9A-Z ]{4} [01] /;

function parseLine(line: string): Icd10CmCode | string {
  if (!/^\d{5} $/.test(line.slice(0, 6))) return 'columns 1-5 must be the order number, then a space';
  const code = line.slice(6, 13).trimEnd();
  if (!isUndottedCode(code)) return `columns 7-13 must hold a code without its dot, not "${code}"`;
  const flag = line[14];
  if (line[13] !== ' ' || (flag !== '0' && flag !== '1') || line[15] !== ' ') {
    return 'column 15 must be the header/billable flag (0 or 1), between spaces';
  }
  // The long description is the official text the codes are reported with.
  const long = line.slice(77).trim();
  if (line[76] !== ' ' || long === '') return `code ${code} has no long description from column 78`;
  return { code: withDot(code), billable: flag === '1', description: long };
}

/** Every code in the file; throws on the first bad line, naming it. */
export function parseIcd10cmOrderFile(lines: readonly string[], fileName: string): Icd10CmCode[] {
  const codes: Icd10CmCode[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') throw importProblem(fileName, parsed, i + 1);
    if (seen.has(parsed.code)) throw importProblem(fileName, `code ${parsed.code} appears twice`, i + 1);
    seen.add(parsed.code);
    codes.push(parsed);
  }
  return codes;
}

export const icd10cmOrderImporter: CodeFileImporter = {
  name: 'ICD-10-CM (CMS order file)',
  detect: (_fileName, firstLine) => ORDER_LINE_START.test(firstLine.replace(/^\uFEFF/, '')),
  async load(db, filePath, options) {
    const year = importYear(filePath, options);
    const codes = parseIcd10cmOrderFile(await readImportLines(filePath), filePath);
    await saveIcd10cmRelease(db, {
      fiscalYear: year,
      source: `ICD-10-CM FY${year} CMS order file ${basename(filePath)}`,
      codes,
    });
    return {
      what: `ICD-10-CM FY${year} (order file)`,
      year,
      rows: codes.length,
      billable: codes.filter((c) => c.billable).length,
    };
  },
};
