import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import { sharedDataPath } from '../../../fhir-fixtures/shared-data.ts';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { DOTTED_CODE, withoutDot } from './icd10cm-code-format.ts';
import { parseIcd10cmCsv } from './icd10cm-csv-importer.ts';
import { activeIcd10cmRelease, icd10cmCodesOf } from './icd10cm-release-store.ts';
import { readImportLines } from './import-file.ts';
import { SEED_ICD10CM, SEED_RELEASE } from './seed-icd10cm.ts';

const OFFICIAL = sharedDataPath('icd10cm', 'icd10cm_fy2026_codes.csv');
const HAS_OFFICIAL = existsSync(OFFICIAL);
const officialNote = HAS_OFFICIAL ? '' : ` (skipped: ${OFFICIAL} is not there)`;

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const seedCodes = new Set(SEED_ICD10CM.map((c) => c.code));

describe('the shipped ICD-10-CM seed', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('is exactly what migration 0006 inserted, as the active release "seed"', async () => {
    const release = await activeIcd10cmRelease(db);
    expect(release).toMatchObject({ fiscalYear: SEED_RELEASE, rowCount: SEED_ICD10CM.length });
    const stored = await icd10cmCodesOf(db, release!.id);
    expect([...stored].sort(byCode)).toEqual([...SEED_ICD10CM].sort(byCode));
  });

  it('holds at least 300 billable codes, dotted, each once, in code order', () => {
    expect(SEED_ICD10CM.filter((c) => c.billable).length).toBeGreaterThanOrEqual(300);
    expect(seedCodes.size).toBe(SEED_ICD10CM.length);
    for (const c of SEED_ICD10CM) expect(c.code).toMatch(DOTTED_CODE);
    const undotted = SEED_ICD10CM.map((c) => withoutDot(c.code));
    expect(undotted).toEqual([...undotted].sort());
  });

  it('has every diagnosis of the fixture visits, billable', () => {
    const gold = patientFixtures.flatMap((f) => f.visit.gold.diagnoses.map((d) => d.code));
    expect(gold.length).toBeGreaterThan(10);
    for (const code of gold) {
      expect(
        SEED_ICD10CM.find((c) => c.code === code),
        code,
      ).toMatchObject({ billable: true });
    }
  });

  it('has the laterality and encounter variants coders pick between', () => {
    for (const code of ['S93.401A', 'S93.402A', 'S93.409A', 'S93.401D', 'H66.001', 'H66.002', 'H66.003']) {
      expect(seedCodes.has(code), code).toBe(true);
    }
    expect(SEED_ICD10CM.filter((c) => c.code.startsWith('Z79.') && c.billable).length).toBeGreaterThan(5);
  });

  it.skipIf(!HAS_OFFICIAL)(
    `matches the official FY2026 file: code, billable flag, description${officialNote}`,
    async () => {
      const official = new Map(
        parseIcd10cmCsv(await readImportLines(OFFICIAL), OFFICIAL).map((c) => [c.code, c] as const),
      );
      const wrong = SEED_ICD10CM.filter((c) => {
        const o = official.get(c.code);
        return !o || o.billable !== c.billable || o.description !== c.description;
      });
      expect(wrong).toEqual([]);
      // Every header above a seed code is in the seed too, so search shows where each code sits.
      const missingHeaders = SEED_ICD10CM.flatMap((c) => {
        const undotted = withoutDot(c.code);
        return Array.from({ length: undotted.length - 3 }, (_, i) => undotted.slice(0, 3 + i))
          .map((prefix) => (prefix.length > 3 ? `${prefix.slice(0, 3)}.${prefix.slice(3)}` : prefix))
          .filter((parent) => official.has(parent) && !seedCodes.has(parent));
      });
      expect(missingHeaders).toEqual([]);
    },
  );
});
