import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import type { Db } from '../../db/db.ts';
import { hccHierarchiesImporter, hccImporters, hccLabelsImporter, hccMapImporter } from './hcc-importers.ts';
import { SEED_HCC } from './seed-hcc.ts';

let db: TestDb;
let dir: string;

beforeAll(async () => {
  db = await openTestDb();
  dir = await mkdtemp(path.join(tmpdir(), 'rp-hcc-'));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const filePath = path.join(dir, name);
  await writeFile(filePath, text);
  return filePath;
}

const count = async (table: string, year: number) =>
  Number(
    (await db.query<{ n: string }>(`select count(*) as n from ${table} where payment_year = $1`, [year]))
      .rows[0]?.n,
  );

const release = async (kind: string, year: number) =>
  (
    await db.query<{ source: string; row_count: number }>(
      'select source, row_count from hcc_release where file_kind = $1 and payment_year = $2',
      [kind, year],
    )
  ).rows[0];

describe('hcc importers', () => {
  it('offers one importer per file kind, each recognising only its own header', () => {
    const headers = {
      'cms-hcc-map': 'diagnosis_code,cc,model_name',
      'cms-hcc-labels': 'cc,label,model_domain,model_version,model_fullname',
      'cms-hcc-hierarchies': 'cc_parent,cc_child,model_domain,model_version,model_fullname',
    };
    expect(hccImporters.map((i) => i.name)).toEqual(Object.keys(headers));
    for (const importer of hccImporters) {
      for (const [name, header] of Object.entries(headers)) {
        expect(importer.detect('whatever.csv', header), `${importer.name} on ${name}`).toBe(
          importer.name === name,
        );
      }
      expect(importer.detect('icd10cm_fy2026_codes.csv', 'code,code_nodot,billable,description')).toBe(false);
    }
  });

  it('loads a map for a new year beside the seed, and a second load replaces only that year', async () => {
    const first = await file(
      'ra_dx_to_cc_2027.csv',
      'diagnosis_code,cc,model_name\nE119,38,CMS-HCC Model V28\nE1122,37,CMS-HCC Model V28\nE119,19,CMS-HCC Model V24\n',
    );
    const summary = await hccMapImporter.load(db, first, {});
    expect(summary).toEqual({
      what: 'CMS-HCC diagnosis map PY2027 (2 models: CMS-HCC Model V24, CMS-HCC Model V28)',
      year: '2027',
      rows: 3,
    });
    expect(await count('hcc_dx_map', 2027)).toBe(3);
    expect(await count('hcc_dx_map', SEED_HCC.paymentYear)).toBe(SEED_HCC.map.length);
    expect(await release('map', 2027)).toEqual({ source: 'import', row_count: 3 });

    const second = await file(
      'ra_dx_to_cc_2027.csv',
      'diagnosis_code,cc,model_name\nI5022,226,CMS-HCC Model V28\n',
    );
    expect((await hccMapImporter.load(db, second, {})).rows).toBe(1);
    const { rows } = await db.query(
      'select diagnosis_code, cc, model_name from hcc_dx_map where payment_year = 2027',
    );
    expect(rows).toEqual([{ diagnosis_code: 'I50.22', cc: 226, model_name: 'CMS-HCC Model V28' }]);
    expect(await release('map', 2027)).toEqual({ source: 'import', row_count: 1 });
  });

  it('takes the payment year from options over the file name, and refuses a bad or missing one', async () => {
    const named = await file(
      'labels.csv',
      'cc,label,model_domain,model_version,model_fullname\nHCC38,Diabetes,CMS-HCC,V28,X\n',
    );
    await expect(hccLabelsImporter.load(db, named, {})).rejects.toMatchObject({ code: 'bad_request' });
    await expect(hccLabelsImporter.load(db, named, {})).rejects.toThrow(
      'labels.csv: the payment year is not in the file name',
    );
    await expect(hccLabelsImporter.load(db, named, { year: '26' })).rejects.toThrow('"26" is not a year');
    await expect(hccLabelsImporter.load(db, named, { year: '1999' })).rejects.toThrow('"1999" is not a year');
    const summary = await hccLabelsImporter.load(db, named, { year: '2028' });
    expect(summary).toEqual({
      what: 'CMS-HCC category labels PY2028 (1 model: CMS-HCC V28)',
      year: '2028',
      rows: 1,
    });
    expect(
      (await db.query('select cc, label, model_fullname from hcc_label where payment_year = 2028')).rows,
    ).toEqual([{ cc: 38, label: 'Diabetes', model_fullname: 'X' }]);
  });

  it('leaves the previous rows in place when a file is malformed', async () => {
    const before = await count('hcc_hierarchy', SEED_HCC.paymentYear);
    const bad = await file(
      'ra_hierarchies_2026.csv',
      'cc_parent,cc_child,model_domain,model_version,model_fullname\n37,38,CMS-HCC,V28,V28115H1\n37,37,CMS-HCC,V28,V28115H1\n',
    );
    await expect(hccHierarchiesImporter.load(db, bad, {})).rejects.toThrow(
      'ra_hierarchies_2026.csv: line 3: cc_parent and cc_child are both 37',
    );
    expect(await count('hcc_hierarchy', SEED_HCC.paymentYear)).toBe(before);
    expect(await release('hierarchies', SEED_HCC.paymentYear)).toEqual({ source: 'seed', row_count: before });
  });

  it('rolls back the whole load when a statement fails after the rows went in', async () => {
    const before = await count('hcc_dx_map', SEED_HCC.paymentYear);
    // The rows insert; recording the release then fails, as a lost connection would.
    const failing: Db = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: (sql, params) =>
              sql.includes('hcc_release')
                ? Promise.reject(new Error('connection lost'))
                : tx.query(sql, params),
          }),
        ),
    };
    const good = await file(
      'ra_dx_to_cc_2026.csv',
      'diagnosis_code,cc,model_name\nE119,38,CMS-HCC Model V28\n',
    );
    await expect(hccMapImporter.load(failing, good, {})).rejects.toThrow('connection lost');
    expect(await count('hcc_dx_map', SEED_HCC.paymentYear)).toBe(before);
    expect(await release('map', SEED_HCC.paymentYear)).toEqual({ source: 'seed', row_count: before });
  });

  it('loads in batches beyond one statement', async () => {
    const lines = ['cc_parent,cc_child,model_domain,model_version,model_fullname'];
    for (let parent = 1; parent <= 120; parent++) {
      for (let child = 1001; child <= 1050; child++) lines.push(`${parent},${child},TEST,T1,T1H`);
    }
    const big = await file('ra_hierarchies_2030.csv', lines.join('\n'));
    expect((await hccHierarchiesImporter.load(db, big, {})).rows).toBe(6000);
    expect(await count('hcc_hierarchy', 2030)).toBe(6000);
  });
});
