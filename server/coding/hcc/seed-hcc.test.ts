import { canonicalIcd10cm } from '../code-sets/icd10cm-code-format.ts';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../../fhir-fixtures/shared-data.ts';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { HCC_MODEL_V28 } from './hcc-model.ts';
import { SEED_HCC, SEED_HCC_FULLNAMES, SEED_HCC_PAYMENT_YEAR, seedHccModelData } from './seed-hcc.ts';

const official = (file: string) => sharedDataPath('cms-hcc', file);
const FILES = ['ra_dx_to_cc_2026.csv', 'ra_labels_2026.csv', 'ra_hierarchies_2026.csv'].map(official);
const ICD10CM = sharedDataPath('icd10cm', 'icd10cm_fy2026_codes.csv');
const HAS_OFFICIAL = FILES.every((f) => existsSync(f));
const officialNote = HAS_OFFICIAL ? '' : ` (skipped: ${FILES.join(', ')} not all there)`;
const HAS_ICD10CM = existsSync(ICD10CM);

const readCsv = (file: string) =>
  parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true });
const mapKey = (r: { code: string; cc: number }) => `${r.code}>${r.cc}`;
const hierKey = (r: { parent: number; child: number }) => `${r.parent}>${r.child}`;
const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('the shipped CMS-HCC V28 seed', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('is exactly what migration 0007 inserted, recorded as the seed', async () => {
    const year = SEED_HCC_PAYMENT_YEAR;
    const map = await db.query<{ code: string; cc: number; model_name: string }>(
      'select diagnosis_code as code, cc, model_name from hcc_dx_map where payment_year = $1',
      [year],
    );
    expect(sorted(map.rows.map(mapKey))).toEqual(sorted(SEED_HCC.map.map(mapKey)));
    expect(new Set(map.rows.map((r) => r.model_name))).toEqual(new Set([HCC_MODEL_V28.name]));

    const labels = await db.query<{ cc: number; label: string; model: string }>(
      `select cc, label, model_domain || ' ' || model_version || ' ' || model_fullname as model
         from hcc_label where payment_year = $1 order by cc`,
      [year],
    );
    expect(labels.rows.map(({ cc, label }) => ({ cc, label }))).toEqual(
      [...SEED_HCC.labels].sort((a, b) => a.cc - b.cc),
    );
    expect(new Set(labels.rows.map((r) => r.model))).toEqual(
      new Set([`CMS-HCC V28 ${SEED_HCC_FULLNAMES.labels}`]),
    );

    const hierarchies = await db.query<{ parent: number; child: number; model: string }>(
      `select cc_parent as parent, cc_child as child, model_domain || ' ' || model_version || ' ' || model_fullname as model
         from hcc_hierarchy where payment_year = $1`,
      [year],
    );
    expect(sorted(hierarchies.rows.map(hierKey))).toEqual(sorted(SEED_HCC.hierarchies.map(hierKey)));
    expect(new Set(hierarchies.rows.map((r) => r.model))).toEqual(
      new Set([`CMS-HCC V28 ${SEED_HCC_FULLNAMES.hierarchies}`]),
    );

    const releases = await db.query(
      'select file_kind, payment_year, source, row_count from hcc_release order by file_kind',
    );
    expect(releases.rows).toEqual([
      {
        file_kind: 'hierarchies',
        payment_year: year,
        source: 'seed',
        row_count: SEED_HCC.hierarchies.length,
      },
      { file_kind: 'labels', payment_year: year, source: 'seed', row_count: SEED_HCC.labels.length },
      { file_kind: 'map', payment_year: year, source: 'seed', row_count: SEED_HCC.map.length },
    ]);
  });

  it('has each row once, codes dotted, and a label for every category it maps to', () => {
    expect(new Set(SEED_HCC.map.map(mapKey)).size).toBe(SEED_HCC.map.length);
    expect(new Set(SEED_HCC.hierarchies.map(hierKey)).size).toBe(SEED_HCC.hierarchies.length);
    expect(new Set(SEED_HCC.labels.map((l) => l.cc)).size).toBe(SEED_HCC.labels.length);
    for (const { code } of SEED_HCC.map) expect(code).toBe(canonicalIcd10cm(code));
    const labelled = new Set(SEED_HCC.labels.map((l) => l.cc));
    for (const { code, cc } of SEED_HCC.map) expect(labelled.has(cc), `${code} → ${cc}`).toBe(true);
    for (const { parent, child } of SEED_HCC.hierarchies) {
      expect(labelled.has(parent) && labelled.has(child), `${parent} > ${child}`).toBe(true);
    }
  });

  it('covers the common outpatient risk-adjusting families', () => {
    const codes = seedHccModelData().categoriesByCode;
    for (const code of [
      'E11.9',
      'E11.65',
      'E11.22',
      'E10.65',
      'E10.9',
      'E66.01',
      'Z68.41',
      'M06.9',
      'F33.1',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
    for (const family of ['I50.', 'J44.', 'N18.', 'I48.', 'F32.', 'F33.', 'Z68.4', 'M05.']) {
      const members = [...codes.keys()].filter((c) => c.startsWith(family));
      expect(members.length, family).toBeGreaterThanOrEqual(3);
    }
  });

  it.skipIf(!HAS_OFFICIAL)(`matches the official payment year 2026 V28 files${officialNote}`, () => {
    const [mapFile, labelsFile, hierFile] = FILES as [string, string, string];
    const v28Map = readCsv(mapFile)
      .filter((r) => r.model_name === HCC_MODEL_V28.name)
      .map((r) => ({ code: canonicalIcd10cm(r.diagnosis_code!), cc: Number(r.cc) }));
    const officialMap = new Set(v28Map.map(mapKey));
    expect(SEED_HCC.map.filter((r) => !officialMap.has(mapKey(r)))).toEqual([]);
    // A seeded code carries every category V28 gives it (E11.52 is diabetes and vascular disease).
    const seeded = new Set(SEED_HCC.map.map((r) => r.code));
    const seedKeys = new Set(SEED_HCC.map.map(mapKey));
    expect(v28Map.filter((r) => seeded.has(r.code) && !seedKeys.has(mapKey(r)))).toEqual([]);
    // Only a subset of the map ships; labels and hierarchies ship whole.
    expect(SEED_HCC.map.length).toBeLessThan(v28Map.length / 10);

    const isV28 = (r: Record<string, string>) => r.model_domain === 'CMS-HCC' && r.model_version === 'V28';
    const labels = readCsv(labelsFile).filter(isV28);
    expect(new Set(labels.map((r) => r.model_fullname))).toEqual(new Set([SEED_HCC_FULLNAMES.labels]));
    expect([...SEED_HCC.labels].sort((a, b) => a.cc - b.cc)).toEqual(
      labels
        .map((r) => ({ cc: Number(r.cc!.replace(/^HCC/, '')), label: r.label }))
        .sort((a, b) => a.cc - b.cc),
    );
    const hierarchies = readCsv(hierFile).filter(isV28);
    expect(new Set(hierarchies.map((r) => r.model_fullname))).toEqual(
      new Set([SEED_HCC_FULLNAMES.hierarchies]),
    );
    expect(sorted(SEED_HCC.hierarchies.map(hierKey))).toEqual(
      sorted(hierarchies.map((r) => hierKey({ parent: Number(r.cc_parent), child: Number(r.cc_child) }))),
    );
  });

  it.skipIf(!HAS_ICD10CM)('maps only codes billable in the FY2026 ICD-10-CM release', () => {
    const billable = new Set(
      readCsv(ICD10CM)
        .filter((r) => r.billable === '1')
        .map((r) => r.code),
    );
    expect(SEED_HCC.map.filter((r) => !billable.has(r.code)).map((r) => r.code)).toEqual([]);
  });
});
