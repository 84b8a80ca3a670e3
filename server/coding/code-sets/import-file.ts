/**
 * What every code-file importer shares: the file's lines (UTF-8, an optional byte-order mark, LF or
 * CRLF), a problem named by file and line number, and the release year from `--year` or the file
 * name. A problem is an `AppError` (`bad_request`) whose message an operator can act on.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../errors/app-error.ts';
import type { ImportOptions } from './code-file-importer.ts';

export function importProblem(fileName: string, problem: string, line?: number): AppError {
  const where = line === undefined ? basename(fileName) : `${basename(fileName)} line ${line}`;
  return new AppError('bad_request', `${where}: ${problem}`);
}

/** The file's lines without line endings, the last empty line dropped; refuses an empty file. */
export async function readImportLines(filePath: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new AppError(
      'bad_request',
      `Cannot read ${filePath}${typeof code === 'string' ? ` (${code})` : ''}.`,
      { cause: err },
    );
  }
  return splitImportLines(text, filePath);
}

export function splitImportLines(text: string, fileName: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.every((line) => line.trim() === '')) throw importProblem(fileName, 'the file is empty');
  return lines;
}

/** `icd10cm_order_2026.txt`, `icd10cm_fy2026_codes.csv`, `…-2026-…`: a year between separators. */
const YEAR_IN_NAME = /(?:^|[_\-. ])(?:fy)?(20\d\d)(?=[_\-. ]|$)/i;

/**
 * The release year: `--year` when given (four digits), otherwise read from the file name. Refuses
 * when neither gives one, naming both ways to fix it.
 */
export function importYear(fileName: string, options: ImportOptions): string {
  if (options.year !== undefined) {
    if (!/^20\d\d$/.test(options.year)) {
      throw new AppError(
        'bad_request',
        `--year must be a four-digit year such as 2026, not "${options.year}".`,
      );
    }
    return options.year;
  }
  const match = YEAR_IN_NAME.exec(basename(fileName));
  if (!match?.[1]) {
    throw new AppError(
      'bad_request',
      `Cannot tell the fiscal year of ${basename(fileName)}: give --year 2026, or keep the CMS file ` +
        'name (icd10cm_order_2026.txt).',
    );
  }
  return match[1];
}
