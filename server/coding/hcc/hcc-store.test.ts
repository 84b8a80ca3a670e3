import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { HCC_MODEL_V28 } from './hcc-model.ts';
import { createHccStore, type HccStore } from './hcc-store.ts';
import { SEED_HCC } from './seed-hcc.ts';

let db: TestDb;
let store: HccStore;

beforeAll(async () => {
  db = await openTestDb();
  store = createHccStore(db);
});
afterAll(() => db.close());

const seedCategories = (code: string) => SEED_HCC.map.filter((r) => r.code === code).map((r) => r.cc);

describe('hcc store', () => {
  it('serves the seeded V28 map for the codes asked, in any spelling, with all labels and hierarchies', async () => {
    const data = await store.modelData(['E119', 'e11.22', 'I10', 'E11.52']);
    expect(data.model).toEqual(HCC_MODEL_V28);
    expect(data.paymentYear).toBe(SEED_HCC.paymentYear);
    expect([...data.categoriesByCode.keys()].sort()).toEqual(['E11.22', 'E11.52', 'E11.9']);
    expect(data.categoriesByCode.get('E11.9')).toEqual(seedCategories('E11.9'));
    expect([...(data.categoriesByCode.get('E11.52') ?? [])].sort()).toEqual(seedCategories('E11.52').sort());
    expect(data.labels.size).toBe(SEED_HCC.labels.length);
    const seedLabel = SEED_HCC.labels.find((l) => l.cc === seedCategories('E11.22')[0]);
    expect(data.labels.get(seedLabel!.cc)).toBe(seedLabel!.label);
    const pairs = [...data.dropsByParent].flatMap(([parent, children]) =>
      children.map((child) => ({ parent, child })),
    );
    expect(pairs).toHaveLength(SEED_HCC.hierarchies.length);
  });

  it('answers an empty map for no codes', async () => {
    const data = await store.modelData([]);
    expect(data.categoriesByCode.size).toBe(0);
    expect(data.labels.size).toBe(SEED_HCC.labels.length);
  });

  it('reads the newest payment year, labelled from the newest earlier year that has labels', async () => {
    await db.query(
      `insert into hcc_dx_map (payment_year, diagnosis_code, cc, model_name) values
         (2031, 'E11.9', 37, $1), (2031, 'E11.9', 999, 'CMS-HCC Model V99')`,
      [HCC_MODEL_V28.name],
    );
    await db.query(
      `insert into hcc_label (payment_year, cc, label, model_domain, model_version, model_fullname) values
         (2032, 37, 'From the future', 'CMS-HCC', 'V28', 'x'), (2030, 37, 'Diabetes (2030 label)', 'CMS-HCC', 'V28', 'x'),
         (2031, 37, 'Another model', 'CMS-HCC', 'V99', 'x')`,
    );
    try {
      const data = await store.modelData(['E11.9']);
      expect(data.paymentYear).toBe(2031);
      expect(data.categoriesByCode.get('E11.9')).toEqual([37]);
      expect(data.labels).toEqual(new Map([[37, 'Diabetes (2030 label)']]));
      // No hierarchy rows for 2030 or 2031: the newest earlier year (the seed's) applies.
      expect(data.dropsByParent.get(37)).toEqual([38]);

      const seedYear = await store.modelData(['E11.9'], { paymentYear: SEED_HCC.paymentYear });
      expect(seedYear.categoriesByCode.get('E11.9')).toEqual(seedCategories('E11.9'));

      const other = await store.modelData(['E11.9'], {
        model: { name: 'CMS-HCC Model V99', domain: 'CMS-HCC', version: 'V99' },
      });
      expect(other.categoriesByCode.get('E11.9')).toEqual([999]);
      expect(other.labels.get(37)).toBe('Another model');
    } finally {
      await db.query('delete from hcc_dx_map where payment_year = 2031');
      await db.query('delete from hcc_label where payment_year in (2030, 2031, 2032)');
    }
  });

  it('answers not_found, saying how to load one, when no map is loaded for the model or year', async () => {
    await expect(store.modelData(['E11.9'], { paymentYear: 2019 })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(store.modelData(['E11.9'], { paymentYear: 2019 })).rejects.toThrow(
      'No CMS-HCC Model V28 map is loaded for payment year 2019; load the CMS file',
    );
    await expect(
      store.modelData(['E11.9'], { model: { name: 'RxHCC Model V08', domain: 'RxHCC', version: 'R08' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
