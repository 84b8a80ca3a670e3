/**
 * The three CMS risk adjustment files the importers read, as packaged from the CMS model software
 * (see ../shared/data/README.md): the diagnosis map (`diagnosis_code,cc,model_name`), the category
 * labels (`cc,label,model_domain,model_version,model_fullname`) and the hierarchies
 * (`cc_parent,cc_child,model_domain,model_version,model_fullname`). Each is recognised by its
 * header alone, and each row is checked here, so a bad file is refused with the line that is wrong.
 *
 * @module
 */
import { canonicalIcd10cm } from '../code-sets/icd10cm-code-format.ts';
import { AppError } from '../../errors/app-error.ts';
import { splitCsvLine } from './csv-line.ts';

export type HccFileKind = 'map' | 'labels' | 'hierarchies';

export const HCC_FILE_HEADERS: Readonly<Record<HccFileKind, string>> = {
  map: 'diagnosis_code,cc,model_name',
  labels: 'cc,label,model_domain,model_version,model_fullname',
  hierarchies: 'cc_parent,cc_child,model_domain,model_version,model_fullname',
};

export interface MapFileRow {
  /** Dotted: `E11.9` (the file has `E119`). */
  readonly code: string;
  readonly cc: number;
  readonly modelName: string;
}

/** The model as the labels and hierarchies files name it. */
export interface ModelColumns {
  readonly modelDomain: string;
  readonly modelVersion: string;
  /** The CMS software's own name for the table: `V28115L3`, `V28115H1`. */
  readonly modelFullname: string;
}

export interface LabelFileRow extends ModelColumns {
  readonly cc: number;
  readonly label: string;
}

export interface HierarchyFileRow extends ModelColumns {
  readonly parent: number;
  readonly child: number;
}

export interface HccFileRows {
  map: MapFileRow;
  labels: LabelFileRow;
  hierarchies: HierarchyFileRow;
}

/** A header line without a byte-order mark, line ending or spaces around the names. */
export function normalisedHeader(firstLine: string): string {
  return firstLine
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .join(',');
}

/** Which file this header belongs to, or undefined. */
export function hccFileKindOf(firstLine: string): HccFileKind | undefined {
  const header = normalisedHeader(firstLine);
  return (Object.keys(HCC_FILE_HEADERS) as HccFileKind[]).find((kind) => HCC_FILE_HEADERS[kind] === header);
}

/** The payment year in a file name (`ra_dx_to_cc_2026.csv` → 2026), or undefined. */
export function paymentYearInFileName(fileName: string): number | undefined {
  const match = /(?:^|[^0-9])(20\d\d)(?![0-9])/.exec(fileName);
  return match ? Number(match[1]) : undefined;
}

/** The files write codes without the dot (`E119`); a dotted code (`E11.9`) is taken too. */
const ICD10_CODE = /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;
const CATEGORY_NUMBER = /^[1-9][0-9]{0,3}$/;
/** Labels name categories with their family: `HCC38`, `RXHCC45`. */
const LABEL_CATEGORY = /^(?:HCC|RXHCC)([1-9][0-9]{0,3})$/i;

class RowProblem extends Error {}

function category(value: string, column: string): number {
  if (!CATEGORY_NUMBER.test(value)) throw new RowProblem(`${column} "${value}" is not a category number`);
  return Number(value);
}

function required(value: string, column: string): string {
  if (value === '') throw new RowProblem(`${column} is empty`);
  return value;
}

function modelColumns(fields: readonly string[]): ModelColumns {
  return {
    modelDomain: required(fields[2] ?? '', 'model_domain'),
    modelVersion: required(fields[3] ?? '', 'model_version'),
    modelFullname: required(fields[4] ?? '', 'model_fullname'),
  };
}

const PARSERS: { [K in HccFileKind]: (fields: readonly string[]) => HccFileRows[K] } = {
  map(fields) {
    const code = (fields[0] ?? '').toUpperCase();
    if (!ICD10_CODE.test(code))
      throw new RowProblem(`diagnosis_code "${fields[0]}" is not an ICD-10-CM code`);
    return {
      code: canonicalIcd10cm(code),
      cc: category(fields[1] ?? '', 'cc'),
      modelName: required(fields[2] ?? '', 'model_name'),
    };
  },
  labels(fields) {
    const cc = LABEL_CATEGORY.exec(fields[0] ?? '');
    if (!cc) throw new RowProblem(`cc "${fields[0]}" is not a category such as HCC38`);
    return { cc: Number(cc[1]), label: required(fields[1] ?? '', 'label'), ...modelColumns(fields) };
  },
  hierarchies(fields) {
    const parent = category(fields[0] ?? '', 'cc_parent');
    const child = category(fields[1] ?? '', 'cc_child');
    if (parent === child) throw new RowProblem(`cc_parent and cc_child are both ${parent}`);
    return { parent, child, ...modelColumns(fields) };
  },
};

/** The key that must be unique within one file. */
const ROW_KEY: { [K in HccFileKind]: (row: HccFileRows[K]) => string } = {
  map: (r) => `${r.modelName}|${r.code}|${r.cc}`,
  labels: (r) => `${r.modelDomain}|${r.modelVersion}|${r.cc}`,
  hierarchies: (r) => `${r.modelDomain}|${r.modelVersion}|${r.parent}|${r.child}`,
};

function invalid(fileName: string, message: string): AppError {
  return new AppError('bad_request', `${fileName}: ${message}`);
}

/**
 * Every data row of a whole file of `kind`, checked. Blank lines are skipped; anything else that
 * is wrong (header, field count, a value, a repeated row, no rows at all) is an error naming the
 * file and the line, and nothing is returned.
 */
export function parseHccFile<K extends HccFileKind>(
  kind: K,
  fileName: string,
  text: string,
): HccFileRows[K][] {
  const lines = text.split(/\r?\n/);
  const header = normalisedHeader(lines[0] ?? '');
  if (header !== HCC_FILE_HEADERS[kind]) {
    throw invalid(fileName, `the header is "${header}", expected "${HCC_FILE_HEADERS[kind]}"`);
  }
  const width = HCC_FILE_HEADERS[kind].split(',').length;
  const rows: HccFileRows[K][] = [];
  const firstLineOf = new Map<string, number>();
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    const lineNo = index + 1;
    const split = splitCsvLine(line);
    if (!split.ok) throw invalid(fileName, `line ${lineNo}: ${split.problem}`);
    if (split.fields.length !== width) {
      throw invalid(fileName, `line ${lineNo}: expected ${width} fields, found ${split.fields.length}`);
    }
    let row: HccFileRows[K];
    try {
      row = PARSERS[kind](split.fields.map((f) => f.trim()));
    } catch (err) {
      if (err instanceof RowProblem) throw invalid(fileName, `line ${lineNo}: ${err.message}`);
      throw err;
    }
    const key = ROW_KEY[kind](row);
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) throw invalid(fileName, `line ${lineNo} repeats line ${earlier}`);
    firstLineOf.set(key, lineNo);
    rows.push(row);
  }
  if (rows.length === 0) throw invalid(fileName, 'the file has a header but no rows');
  return rows;
}
