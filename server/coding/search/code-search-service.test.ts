import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import type { Icd10CmCode } from '../../contract/coding.ts';
import type { Queryable } from '../../db/db.ts';
import { createLogger } from '../../observability/logger.ts';
import { saveIcd10cmRelease } from '../code-sets/icd10cm-release-store.ts';
import { SEED_ICD10CM } from '../code-sets/seed-icd10cm.ts';
import { buildCodeSearchIndex } from './code-search-index.ts';
import { createCodeSearchService } from './code-search-service.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

function setup() {
  let clock = 0;
  const queries: string[] = [];
  const counting: Queryable = {
    query: (sql, params) => {
      queries.push(sql);
      return db.query(sql, params);
    },
  };
  const logs: string[] = [];
  const builds: number[] = [];
  const service = createCodeSearchService({
    db: counting,
    log: createLogger({ level: 'info', write: (line) => logs.push(line) }),
    now: () => clock,
    buildIndex: (codes) => {
      builds.push(codes.length);
      return buildCodeSearchIndex(codes);
    },
  });
  return { service, queries, logs, builds, advance: (ms: number) => (clock += ms) };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('code search service', () => {
  it('builds the index of the active release once, however many searches arrive together', async () => {
    const { service, builds, logs } = setup();
    const results = await Promise.all([
      service.search('htn'),
      service.search('E11.65'),
      service.search('asthma', 3),
    ]);
    expect(builds).toEqual([SEED_ICD10CM.length]);
    expect(results.map((r) => r.release)).toEqual(['seed', 'seed', 'seed']);
    expect(results[0].hits[0]?.code).toBe('I10');
    expect(results[1].hits[0]?.code).toBe('E11.65');
    expect(results[2].hits).toHaveLength(3);
    expect(JSON.parse(logs[0]!)).toMatchObject({
      msg: 'code_search.index_built',
      release: 'seed',
      rows: SEED_ICD10CM.length,
    });
  });

  it('checks the active release at most every 30 s, in the background, and switches when it changed', async () => {
    const { service, queries, builds, advance } = setup();
    await service.search('htn');
    const afterFirst = queries.length;
    advance(29_000);
    await service.search('copd');
    expect(queries.length).toBe(afterFirst);

    const release: Icd10CmCode[] = [
      { code: 'I10', billable: true, description: 'Essential (primary) hypertension' },
    ];
    await saveIcd10cmRelease(db, { fiscalYear: '2030', source: 'test', codes: release });
    try {
      advance(1_000);
      // This search answers at once from the index it has; the check runs behind it.
      expect((await service.search('htn')).release).toBe('seed');
      await until(() => builds.length === 2);
      const after = await service.search('htn');
      expect(after).toEqual({
        release: '2030',
        hits: [
          {
            code: 'I10',
            billable: true,
            description: 'Essential (primary) hypertension',
            score: expect.any(Number) as number,
            matchedBy: 'abbreviation',
          },
        ],
      });
    } finally {
      await db.query(`delete from code_release where fiscal_year = '2030'`);
      await db.query(`update code_release set active = true where fiscal_year = 'seed'`);
    }
    await service.refresh();
    expect((await service.search('htn')).release).toBe('seed');
    expect(builds).toHaveLength(3);
  });

  it('says what to do when no release is active, and keeps the index it has when one disappears later', async () => {
    const { service, advance, logs } = setup();
    await service.search('htn');
    await db.query(`update code_release set active = false where fiscal_year = 'seed'`);
    try {
      await expect(
        createCodeSearchService({ db, log: createLogger({ level: 'error', write: () => undefined }) }).search(
          'htn',
        ),
      ).rejects.toMatchObject({
        code: 'not_ready',
        message: 'No ICD-10-CM code set is loaded. Run npm run codes:import.',
      });
      advance(31_000);
      expect((await service.search('htn')).release).toBe('seed');
      await until(() => logs.some((l) => l.includes('code_search.refresh_failed')));
      expect(logs.find((l) => l.includes('refresh_failed'))).toContain('"error":"not_ready"');
    } finally {
      await db.query(`update code_release set active = true where fiscal_year = 'seed'`);
    }
  });
});
