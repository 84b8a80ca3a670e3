/**
 * ICD-10-CM as CSV, one row per code with a header row `code,code_nodot,billable,description`
 * (the shape of `../shared/data/icd10cm/icd10cm_fy2026_codes.csv`): `E11.65,E1165,1,"Type 2 …"`.
 * Only the description may be quoted (RFC 4180: `""` inside quotes is one quote). Every line is
 * checked (the dotted and undotted codes agree, the flag is 0 or 1, no code twice) before anything
 * is written.
 *
 * @module
 */
import { basename } from 'node:path';
import type { Icd10CmCode } from '../../contract/coding.ts';
import type { CodeFileImporter } from './code-file-importer.ts';
import { DOTTED_CODE, withoutDot } from './icd10cm-code-format.ts';
import { saveIcd10cmRelease } from './icd10cm-release-store.ts';
import { importProblem, importYear, readImportLines } from './import-file.ts';

export const ICD10CM_CSV_HEADER = 'code,code_nodot,billable,description';

/** The description field: plain, or quoted with `""` escapes. Undefined when the quoting is broken. */
function descriptionField(raw: string): string | undefined {
  if (!raw.startsWith('"')) return raw.includes('"') ? undefined : raw;
  if (raw.length < 2 || !raw.endsWith('"')) return undefined;
  const inner = raw.slice(1, -1);
  if (inner.replaceAll('""', '').includes('"')) return undefined;
  return inner.replaceAll('""', '"');
}

function parseLine(line: string): Icd10CmCode | string {
  const first = line.indexOf(',');
  const second = line.indexOf(',', first + 1);
  const third = line.indexOf(',', second + 1);
  if (first < 0 || second < 0 || third < 0) return `expected 4 fields (${ICD10CM_CSV_HEADER})`;
  const code = line.slice(0, first).trim();
  const noDot = line.slice(first + 1, second).trim();
  const flag = line.slice(second + 1, third).trim();
  const description = descriptionField(line.slice(third + 1).trim());
  if (!DOTTED_CODE.test(code)) return `"${code}" is not an ICD-10-CM code (like E11.65)`;
  if (withoutDot(code) !== noDot) return `code_nodot "${noDot}" does not match code ${code}`;
  if (flag !== '0' && flag !== '1') return `billable must be 0 or 1, not "${flag}"`;
  if (description === undefined) return 'the description is not quoted properly';
  if (description.trim() === '') return `code ${code} has no description`;
  return { code, billable: flag === '1', description: description.trim() };
}

/** Every code in the file; throws on the first bad line, naming it. */
export function parseIcd10cmCsv(lines: readonly string[], fileName: string): Icd10CmCode[] {
  const header = (lines[0] ?? '').trim();
  if (header !== ICD10CM_CSV_HEADER) {
    throw importProblem(fileName, `the first line must be "${ICD10CM_CSV_HEADER}"`, 1);
  }
  const codes: Icd10CmCode[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') throw importProblem(fileName, parsed, i + 1);
    if (seen.has(parsed.code)) throw importProblem(fileName, `code ${parsed.code} appears twice`, i + 1);
    seen.add(parsed.code);
    codes.push(parsed);
  }
  if (codes.length === 0) throw importProblem(fileName, 'the file has a header but no codes');
  return codes;
}

export const icd10cmCsvImporter: CodeFileImporter = {
  name: 'ICD-10-CM (CSV)',
  detect: (_fileName, firstLine) => firstLine.replace(/^\uFEFF/, '').trim() === ICD10CM_CSV_HEADER,
  async load(db, filePath, options) {
    const year = importYear(filePath, options);
    const codes = parseIcd10cmCsv(await readImportLines(filePath), filePath);
    await saveIcd10cmRelease(db, {
      fiscalYear: year,
      source: `ICD-10-CM FY${year} CSV ${basename(filePath)}`,
      codes,
    });
    return {
      what: `ICD-10-CM FY${year} (CSV)`,
      year,
      rows: codes.length,
      billable: codes.filter((c) => c.billable).length,
    };
  },
};
