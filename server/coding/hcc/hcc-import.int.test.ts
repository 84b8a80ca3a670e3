/**
 * The official CMS risk adjustment files (../shared/data/cms-hcc) imported into a test database
 * through the importers `codes:import` uses, then read back through the store and flagged.
 * Skipped, with the reason, when the files are not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../../fhir-fixtures/shared-data.ts';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import type { Evidence } from '../../contract/note-draft.ts';
import type { ImportSummary } from '../code-sets/code-file-importer.ts';
import { hccFlagsFor } from './hcc-flags.ts';
import { hccImporters } from './hcc-importers.ts';
import { HCC_MODEL_V28 } from './hcc-model.ts';
import { createHccStore } from './hcc-store.ts';

const FILES = ['ra_dx_to_cc_2026.csv', 'ra_labels_2026.csv', 'ra_hierarchies_2026.csv'].map((f) =>
  sharedDataPath('cms-hcc', f),
);
const HAS_FILES = FILES.every((f) => existsSync(f));
const note = HAS_FILES ? '' : ` (skipped: ${FILES.join(', ')} not all there)`;

const rowsOf = (file: string) => parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true });

describe.skipIf(!HAS_FILES)(`importing the official CMS-HCC files${note}`, () => {
  let db: TestDb;
  const summaries: ImportSummary[] = [];

  beforeAll(async () => {
    db = await openTestDb();
    for (const file of FILES) {
      const firstLine = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
      const importers = hccImporters.filter((i) => i.detect(file, firstLine));
      expect(importers, file).toHaveLength(1);
      summaries.push(await importers[0]!.load(db, file, {}));
    }
  }, 120_000);
  afterAll(() => db?.close());

  it('loads every row of each file for payment year 2026, recorded as an import', async () => {
    const expected = FILES.map((f) => rowsOf(f).length);
    expect(summaries.map((s) => [s.year, s.rows])).toEqual(expected.map((n) => ['2026', n]));
    expect(summaries[0]!.what).toContain(HCC_MODEL_V28.name);
    const stored = await Promise.all(
      ['hcc_dx_map', 'hcc_label', 'hcc_hierarchy'].map(async (table) =>
        Number(
          (await db.query<{ n: string }>(`select count(*) as n from ${table} where payment_year = 2026`))
            .rows[0]!.n,
        ),
      ),
    );
    expect(stored).toEqual(expected);
    const releases = await db.query(
      'select file_kind, source, row_count from hcc_release where payment_year = 2026 order by file_kind',
    );
    expect(releases.rows).toEqual([
      { file_kind: 'hierarchies', source: 'import', row_count: expected[2] },
      { file_kind: 'labels', source: 'import', row_count: expected[1] },
      { file_kind: 'map', source: 'import', row_count: expected[0] },
    ]);
  });

  it('keeps the V28 rows apart from the other models in the file', async () => {
    const v28InFile = rowsOf(FILES[0]!).filter((r) => r.model_name === HCC_MODEL_V28.name).length;
    const { rows } = await db.query<{ model_name: string; n: string }>(
      'select model_name, count(*) as n from hcc_dx_map where payment_year = 2026 group by model_name',
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(Number(rows.find((r) => r.model_name === HCC_MODEL_V28.name)?.n)).toBe(v28InFile);
  });

  it('maps known diagnoses to their V28 categories, and leaves out what V28 does not risk-adjust', async () => {
    const codes = [
      'E11.9',
      'E11.65',
      'E11.22',
      'I50.22',
      'I50.23',
      'F33.1',
      'E66.01',
      'Z68.41',
      'F32.A',
      'F32.9',
      'E03.9',
      'I10',
    ];
    const data = await createHccStore(db).modelData(codes);
    expect(Object.fromEntries(codes.map((c) => [c, data.categoriesByCode.get(c) ?? []]))).toEqual({
      'E11.9': [38],
      'E11.65': [38],
      'E11.22': [37],
      'I50.22': [226],
      'I50.23': [224],
      'F33.1': [155],
      'E66.01': [48],
      'Z68.41': [48],
      'F32.A': [],
      'F32.9': [],
      'E03.9': [],
      I10: [],
    });
    expect(data.labels.get(38)).toBe('Diabetes with Glycemic, Unspecified, or No Complications');
    expect(data.labels.get(226)).toBe('Heart Failure, Except End-Stage and Acute');
  });

  it('applies the imported hierarchies: chronic complications drop HCC38, acute on chronic drops HCC226', async () => {
    const said = (quote: string): Evidence => ({ kind: 'input', start: 0, end: quote.length, quote });
    const diagnoses = [
      { code: 'E11.65', evidence: [said('A1c 8.6, not at goal.')] },
      { code: 'E11.22', evidence: [said('CKD from diabetes, eGFR 48.')] },
      { code: 'I50.22', evidence: [said('Chronic systolic heart failure, stable on metoprolol.')] },
      { code: 'I50.23', evidence: [said('Acute on chronic: furosemide doubled.')] },
    ];
    const data = await createHccStore(db).modelData(diagnoses.map((d) => d.code));
    expect(hccFlagsFor(diagnoses, data).map((f) => [f.hcc, f.diagnosisCodes, f.supersedes])).toEqual([
      ['HCC37', ['E11.22'], ['HCC38']],
      ['HCC224', ['I50.23'], ['HCC226']],
    ]);
  });

  it('gives the same rows when a file is imported again', async () => {
    const before = await db.query('select count(*) as n from hcc_hierarchy where payment_year = 2026');
    const importer = hccImporters.find((i) => i.name === 'cms-hcc-hierarchies')!;
    await importer.load(db, FILES[2]!, {});
    expect(
      (await db.query('select count(*) as n from hcc_hierarchy where payment_year = 2026')).rows,
    ).toEqual(before.rows);
  });
});
