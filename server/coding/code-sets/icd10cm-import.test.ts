import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../../fhir-fixtures/shared-data.ts';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { icd10cmCsvImporter } from './icd10cm-csv-importer.ts';
import { icd10cmOrderImporter } from './icd10cm-order-importer.ts';
import { activeIcd10cmRelease, icd10cmCodesOf, saveIcd10cmRelease } from './icd10cm-release-store.ts';
import { pickImporter, readFirstLine } from './importers.ts';
import { SEED_ICD10CM } from './seed-icd10cm.ts';

const OFFICIAL = sharedDataPath('icd10cm', 'icd10cm_fy2026_codes.csv');
const HAS_OFFICIAL = existsSync(OFFICIAL);

/** One order-file line laid out by column, as CMS writes it. */
function orderLine(order: number, code: string, flag: number, short: string, long: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;
}

const ORDER_SAMPLE = [
  orderLine(1, 'E11', 0, 'Type 2 diabetes mellitus', 'Type 2 diabetes mellitus'),
  orderLine(
    2,
    'E116',
    0,
    'Type 2 diabetes w oth complications',
    'Type 2 diabetes mellitus with other specified complications',
  ),
  orderLine(
    3,
    'E1165',
    1,
    'Type 2 diabetes mellitus with hyperglycemia',
    'Type 2 diabetes mellitus with hyperglycemia',
  ),
  orderLine(4, 'I10', 1, 'Essential (primary) hypertension', 'Essential (primary) hypertension'),
  orderLine(
    5,
    'S93401A',
    1,
    'Sprain of unsp ligament of right ankle, init encntr',
    'Sprain of unspecified ligament of right ankle, initial encounter',
  ),
];

let db: TestDb;
let dir: string;

async function file(name: string, text: string): Promise<string> {
  const filePath = path.join(dir, name);
  await writeFile(filePath, text);
  return filePath;
}

async function load(filePath: string, year?: string) {
  const importer = pickImporter(filePath, await readFirstLine(filePath));
  return importer.load(db, filePath, year === undefined ? {} : { year });
}

async function active() {
  const release = await activeIcd10cmRelease(db);
  return { release, codes: release ? await icd10cmCodesOf(db, release.id) : [] };
}

beforeAll(async () => {
  db = await openTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'icd10cm-import-'));
});
afterAll(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ICD-10-CM import', () => {
  it('loads a CMS order file: dots after the category, header flags, long descriptions, year from the name', async () => {
    const filePath = await file('icd10cm_order_2025.txt', `${ORDER_SAMPLE.join('\r\n')}\r\n`);
    expect(pickImporter(filePath, await readFirstLine(filePath))).toBe(icd10cmOrderImporter);
    const summary = await load(filePath);
    expect(summary).toEqual({ what: 'ICD-10-CM FY2025 (order file)', year: '2025', rows: 5, billable: 3 });
    const { release, codes } = await active();
    expect(release).toMatchObject({ fiscalYear: '2025', rowCount: 5 });
    expect(release?.source).toContain('icd10cm_order_2025.txt');
    expect(codes.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'E11', billable: false, description: 'Type 2 diabetes mellitus' },
      {
        code: 'E11.6',
        billable: false,
        description: 'Type 2 diabetes mellitus with other specified complications',
      },
      { code: 'E11.65', billable: true, description: 'Type 2 diabetes mellitus with hyperglycemia' },
      { code: 'I10', billable: true, description: 'Essential (primary) hypertension' },
      {
        code: 'S93.401A',
        billable: true,
        description: 'Sprain of unspecified ligament of right ankle, initial encounter',
      },
    ]);
  });

  it('re-importing a year replaces it; --year overrides the name; the seed stays, inactive', async () => {
    const first = (await active()).release!;
    const filePath = await file('codes-from-vendor.txt', `${ORDER_SAMPLE.slice(0, 2).join('\n')}\n`);
    await expect(load(filePath)).rejects.toThrow(
      /Cannot tell the fiscal year of codes-from-vendor\.txt: give --year/,
    );
    expect((await active()).release?.id).toBe(first.id);
    await expect(load(filePath, '25')).rejects.toThrow('--year must be a four-digit year');
    expect(await load(filePath, '2025')).toMatchObject({ year: '2025', rows: 2 });
    const { release, codes } = await active();
    expect(release?.id).not.toBe(first.id);
    expect(codes.map((c) => c.code).sort()).toEqual(['E11', 'E11.6']);
    const { rows } = await db.query<{ fiscal_year: string; active: boolean; n: number }>(
      `select r.fiscal_year, r.active, (select count(*)::int from icd10cm_code c where c.release_id = r.id) as n
       from code_release r where r.system = 'icd10cm' order by r.fiscal_year`,
    );
    expect(rows).toEqual([
      { fiscal_year: '2025', active: true, n: 2 },
      { fiscal_year: 'seed', active: false, n: SEED_ICD10CM.length },
    ]);
  });

  it('refuses bad files by name and line, leaving the active release as it was', async () => {
    const before = await active();
    const cases: [name: string, text: string, message: RegExp | string][] = [
      ['icd10cm_order_2026.txt', '', 'icd10cm_order_2026.txt: the file is empty.'],
      [
        'icd10cm_fy2026_codes.csv',
        'code;billable;description\nE11.65;1;x\n',
        /is not a code file this command understands\. It reads: ICD-10-CM \(CMS order file\); ICD-10-CM \(CSV\)/,
      ],
      [
        'icd10cm_order_2026.txt',
        `${ORDER_SAMPLE[0]}\n${ORDER_SAMPLE[1]}\n00003 E11.65  1 broken\n`,
        'icd10cm_order_2026.txt line 3: columns 7-13 must hold a code without its dot, not "E11.65"',
      ],
      [
        'icd10cm_order_2026.txt',
        `${ORDER_SAMPLE[0]}\n${orderLine(2, 'I10', 2, 'x', 'x')}\n`,
        'line 2: column 15 must be the header/billable flag',
      ],
      [
        'icd10cm_order_2026.txt',
        `${ORDER_SAMPLE[0]}\n${orderLine(2, 'I10', 1, 'Essential (primary) hypertension', '')}\n`,
        'line 2: code I10 has no long description from column 78',
      ],
      [
        'icd10cm_order_2026.txt',
        `${ORDER_SAMPLE[3]}\n${ORDER_SAMPLE[3]}\n`,
        'line 2: code I10 appears twice',
      ],
      [
        'icd10cm_fy2026_codes.csv',
        'code,code_nodot,billable,description\nI10,I10,1,Essential (primary) hypertension\nE11.65,E1166,1,x\n',
        'icd10cm_fy2026_codes.csv line 3: code_nodot "E1166" does not match code E11.65',
      ],
      [
        'icd10cm_fy2026_codes.csv',
        'code,code_nodot,billable,description\nI10,I10,yes,Essential (primary) hypertension\n',
        'line 2: billable must be 0 or 1, not "yes"',
      ],
      [
        'icd10cm_fy2026_codes.csv',
        'code,code_nodot,billable,description\nJ06.9,J069,1,"Acute upper respiratory infection, unspecified\n',
        'line 2: the description is not quoted properly',
      ],
      [
        'icd10cm_fy2026_codes.csv',
        'code,code_nodot,billable,description\nE1165,E1165,1,x\n',
        'line 2: "E1165" is not an ICD-10-CM code (like E11.65)',
      ],
      [
        'icd10cm_fy2026_codes.csv',
        'code,code_nodot,billable,description\n\n',
        'icd10cm_fy2026_codes.csv: the file has a header but no codes',
      ],
      [
        'icd10cm_fy2026_codes.csv',
        'code,code_nodot,billable,description\nI10,I10,1\n',
        'line 2: expected 4 fields',
      ],
    ];
    for (const [name, text, message] of cases) {
      await expect(load(await file(name, text)), name).rejects.toThrow(message);
    }
    await expect(load(path.join(dir, 'missing_2026.txt'))).rejects.toThrow(
      /Cannot read .*missing_2026\.txt \(ENOENT\)/,
    );
    expect(await active()).toEqual(before);
  });

  it('reads CSV quoting: commas and doubled quotes inside a quoted description, a byte-order mark, CRLF', async () => {
    const filePath = await file(
      'icd10cm_fy2024_codes.csv',
      '\uFEFFcode,code_nodot,billable,description\r\nJ06.9,J069,1,"Acute upper respiratory infection, unspecified"\r\nZ99.9,Z999,0,"A ""quoted"" word"\r\n',
    );
    expect(pickImporter(filePath, await readFirstLine(filePath))).toBe(icd10cmCsvImporter);
    expect(await load(filePath)).toMatchObject({ year: '2024', rows: 2, billable: 1 });
    expect((await active()).codes.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'J06.9', billable: true, description: 'Acute upper respiratory infection, unspecified' },
      { code: 'Z99.9', billable: false, description: 'A "quoted" word' },
    ]);
  });

  it('rolls the whole release back when the database refuses a row in a later batch', async () => {
    const before = await active();
    const codes = [
      { code: 'A00', billable: false, description: 'Cholera' },
      { code: 'A00.0', billable: true, description: 'Cholera due to Vibrio cholerae 01, biovar cholerae' },
      { code: 'a00.1', billable: true, description: 'lower case breaks the check constraint' },
    ];
    await expect(saveIcd10cmRelease(db, { fiscalYear: '2024', source: 'test', codes }, 2)).rejects.toThrow();
    expect(await active()).toEqual(before);
  });

  it.skipIf(!HAS_OFFICIAL)(
    `loads the official FY2026 CSV: 98,186 rows, 74,719 billable${HAS_OFFICIAL ? '' : ` (skipped: ${OFFICIAL} is not there)`}`,
    async () => {
      expect(await load(OFFICIAL)).toEqual({
        what: 'ICD-10-CM FY2026 (CSV)',
        year: '2026',
        rows: 98_186,
        billable: 74_719,
      });
      const { release, codes } = await active();
      expect(release).toMatchObject({ fiscalYear: '2026', rowCount: 98_186 });
      const { rows } = await db.query<{ n: number; billable: number }>(
        'select count(*)::int as n, count(*) filter (where billable)::int as billable from icd10cm_code where release_id = $1',
        [release!.id],
      );
      expect(rows[0]).toEqual({ n: 98_186, billable: 74_719 });
      const find = (code: string) => codes.find((c) => c.code === code);
      expect(find('E11.65')).toEqual({
        code: 'E11.65',
        billable: true,
        description: 'Type 2 diabetes mellitus with hyperglycemia',
      });
      expect(find('E11.6')).toMatchObject({ billable: false });
      expect(find('S93.401A')?.description).toBe(
        'Sprain of unspecified ligament of right ankle, initial encounter',
      );
      expect(find('QA0.0101')).toEqual({
        code: 'QA0.0101',
        billable: true,
        description: 'SCN2A-related neurodevelopmental disorder',
      });
    },
    120_000,
  );
});
