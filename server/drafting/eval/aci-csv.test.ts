import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../../fhir-fixtures/shared-data.ts';
import { parseAciCsv, readAciCsv } from './aci-csv.ts';

const CSV =
  'dataset,encounter_id,dialogue,note,extra\n' +
  'aci,D2N001,"[doctor] hi , ""martha"" .\n[patient] hi , doctor .","CHIEF COMPLAINT\n\nKnee pain, right.",e\n' +
  '\n' +
  'virtscribe,D2N002,"[doctor] next","NOTE",ignored\n';

function thrownBy(fn: () => unknown): { code?: string; message?: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error('expected a throw');
}

describe('parseAciCsv', () => {
  it('reads quoted multi-line fields with doubled quotes, ignores extra columns and blank lines', () => {
    expect(parseAciCsv(CSV)).toEqual([
      {
        dataset: 'aci',
        encounterId: 'D2N001',
        dialogue: '[doctor] hi , "martha" .\n[patient] hi , doctor .',
        note: 'CHIEF COMPLAINT\n\nKnee pain, right.',
      },
      { dataset: 'virtscribe', encounterId: 'D2N002', dialogue: '[doctor] next', note: 'NOTE' },
    ]);
  });

  it('says which columns a file lacks', () => {
    expect(() => parseAciCsv('dataset,dialogue\naci,hi\n', 'mine.csv')).toThrow(
      /mine\.csv is missing the columns encounter_id, note/,
    );
    const error = thrownBy(() => parseAciCsv('dataset,encounter_id,dialogue\naci,1,hi\n'));
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/missing the column note \(/);
  });

  it('reports malformed CSV as a bad_request naming the file', () => {
    const error = thrownBy(() =>
      parseAciCsv('dataset,encounter_id,dialogue,note\naci,1,"open quote,n\n', 'bad.csv'),
    );
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/^bad\.csv is not a valid CSV: /);
  });

  it('handles a byte-order mark and an empty file', () => {
    expect(parseAciCsv('\uFEFFdataset,encounter_id,dialogue,note\naci,1,d,n\n')).toHaveLength(1);
    expect(parseAciCsv('')).toEqual([]);
  });
});

describe('readAciCsv', () => {
  it('reads a file from disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aci-csv-'));
    const file = path.join(dir, 'tiny.csv');
    await writeFile(file, CSV);
    await expect(readAciCsv(file)).resolves.toHaveLength(2);
  });

  it('reads the released ACI-Bench valid split: 20 encounters with dialogue and note', async () => {
    const rows = await readAciCsv(sharedDataPath('aci-bench', 'valid.csv'));
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.dataset))).toEqual(new Set(['virtassist', 'virtscribe', 'aci']));
    for (const row of rows) {
      expect(row.dialogue).toMatch(/^\[doctor\]/);
      expect(row.note.length).toBeGreaterThan(200);
    }
  });
});
