/**
 * Every code file `npm run codes:import` understands, and how it picks one: by the file's name and
 * first line (`CodeFileImporter.detect`). Importers for other official files (the CMS-HCC map, its
 * labels and hierarchies) join this list.
 *
 * @module
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../errors/app-error.ts';
import { hccImporters } from '../hcc/hcc-importers.ts';
import type { CodeFileImporter } from './code-file-importer.ts';
import { icd10cmCsvImporter } from './icd10cm-csv-importer.ts';
import { icd10cmOrderImporter } from './icd10cm-order-importer.ts';

export const CODE_FILE_IMPORTERS: readonly CodeFileImporter[] = [
  icd10cmOrderImporter,
  icd10cmCsvImporter,
  ...hccImporters,
];

/** The first line of a file (up to 64 KB), without its line ending; '' for an empty file. */
export async function readFirstLine(filePath: string): Promise<string> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new AppError(
      'bad_request',
      `Cannot read ${filePath}${typeof code === 'string' ? ` (${code})` : ''}.`,
      { cause: err },
    );
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** The importer that recognises the file, or an error listing what is understood. */
export function pickImporter(
  filePath: string,
  firstLine: string,
  importers: readonly CodeFileImporter[] = CODE_FILE_IMPORTERS,
): CodeFileImporter {
  const fileName = basename(filePath);
  const found = importers.find((importer) => importer.detect(fileName, firstLine));
  if (found) return found;
  if (firstLine.trim() === '') throw new AppError('bad_request', `${fileName}: the file is empty.`);
  throw new AppError(
    'bad_request',
    `${fileName} is not a code file this command understands. It reads: ` +
      `${importers.map((i) => i.name).join('; ')}.`,
  );
}
