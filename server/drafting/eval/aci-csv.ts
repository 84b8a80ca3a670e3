/**
 * Reads an ACI-Bench-shaped CSV (`dataset,encounter_id,dialogue,note`, quoted multi-line fields,
 * other columns ignored): the released train and valid splits, or any file a team prepares in the
 * same shape from its own visits. Parsing is csv-parse's (RFC 4180 quoting); this module only
 * checks the shape and says plainly what is wrong with a file that does not fit.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../errors/app-error.ts';

export interface AciEncounter {
  /** The ACI-Bench subset (`virtassist`, `virtscribe`, `aci`), kept for per-subset scores. */
  readonly dataset: string;
  readonly encounterId: string;
  /** The doctor-patient conversation, `[doctor] …` / `[patient] …` lines. */
  readonly dialogue: string;
  /** The reference note written from it. */
  readonly note: string;
}

export const ACI_COLUMNS = ['dataset', 'encounter_id', 'dialogue', 'note'] as const;

type Row = Record<(typeof ACI_COLUMNS)[number], string>;

/** Rows of `text`; `source` (a file name) only labels error messages. */
export function parseAciCsv(text: string, source = 'the CSV'): AciEncounter[] {
  let rows: Row[];
  try {
    rows = parse<Row>(text, {
      bom: true,
      skip_empty_lines: true,
      columns: (header: string[]) => {
        const missing = ACI_COLUMNS.filter((column) => !header.includes(column));
        if (missing.length > 0) {
          throw new AppError(
            'bad_request',
            `${source} is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
              `(an ACI-Bench file has ${ACI_COLUMNS.join(',')}; found ${header.join(',') || 'no header'})`,
          );
        }
        return header;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    // csv-parse's message names the line and the fault (an unclosed quote, a short row). Its error
    // object also holds the offending record, visit text, so it is not kept as the cause.
    const detail = error instanceof CsvError ? error.message : 'it could not be parsed';
    throw new AppError('bad_request', `${source} is not a valid CSV: ${detail}`);
  }
  return rows.map((row) => ({
    dataset: row.dataset,
    encounterId: row.encounter_id,
    dialogue: row.dialogue,
    note: row.note,
  }));
}

export async function readAciCsv(file: string): Promise<AciEncounter[]> {
  return parseAciCsv(await readFile(file, 'utf8'), file);
}
