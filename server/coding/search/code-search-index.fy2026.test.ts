/**
 * Search over the whole official FY2026 release (98,186 rows), read from ../shared/data; skipped
 * with the reason when the file is not there.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../../fhir-fixtures/shared-data.ts';
import type { CodeSearchHit } from '../../contract/coding.ts';
import { parseIcd10cmCsv } from '../code-sets/icd10cm-csv-importer.ts';
import { readImportLines } from '../code-sets/import-file.ts';
import { CLINICAL_ABBREVIATIONS } from './clinical-abbreviations.ts';
import { buildCodeSearchIndex, MAX_SEARCH_LIMIT, type CodeSearchIndex } from './code-search-index.ts';

const OFFICIAL = sharedDataPath('icd10cm', 'icd10cm_fy2026_codes.csv');
const HAS_OFFICIAL = existsSync(OFFICIAL);
const codes = (hits: readonly CodeSearchHit[]) => hits.map((h) => h.code);

describe.skipIf(!HAS_OFFICIAL)(
  `code search over the full FY2026 release${HAS_OFFICIAL ? '' : ` (skipped: ${OFFICIAL} is not there)`}`,
  () => {
    let index: CodeSearchIndex;
    let official: Map<string, boolean>;
    beforeAll(async () => {
      const rows = parseIcd10cmCsv(await readImportLines(OFFICIAL), OFFICIAL);
      official = new Map(rows.map((r) => [r.code, r.billable]));
      index = buildCodeSearchIndex(rows);
    }, 60_000);

    it('holds every row', () => {
      expect(index.size).toBe(98_186);
    });

    it('puts E11.65 first for "type 2 diabetes with hyperglycemia"', () => {
      expect(index.search('type 2 diabetes with hyperglycemia')[0]?.code).toBe('E11.65');
      expect(index.search('hyperglycemia type 2 diabetes')[0]?.code).toBe('E11.65');
    });

    it('gives I10 first for "htn"', () => {
      expect(index.search('htn')[0]).toMatchObject({
        code: 'I10',
        billable: true,
        matchedBy: 'abbreviation',
      });
    });

    it('lists the E11.6x codes for "E11.6"', () => {
      const hits = index.search('E11.6', MAX_SEARCH_LIMIT);
      expect(hits[0]?.code).toBe('E11.6');
      expect(hits.every((h) => h.code.startsWith('E11.6'))).toBe(true);
      expect(codes(hits)).toEqual(expect.arrayContaining(['E11.65', 'E11.69', 'E11.649', 'E11.621']));
      expect(hits.filter((h) => !h.billable).map((h) => h.code)).toContain('E11.64');
    });

    it('gives left-ear codes first for "otitis media left"', () => {
      const hits = index.search('otitis media left');
      expect(hits.length).toBeGreaterThan(5);
      for (const hit of hits) expect(hit.description).toMatch(/otitis media.*left ear/i);
      expect(hits[0]?.code).toBe('H66.92');
    });

    it('finds the laterality and encounter of an ankle sprain', () => {
      const hits = codes(index.search('ankle sprain right', MAX_SEARCH_LIMIT));
      expect(hits).toEqual(expect.arrayContaining(['S93.401A', 'S93.491A']));
      expect(hits.indexOf('S93.401A')).toBeLessThan(hits.indexOf('S93.401D'));
      expect(hits.some((c) => c.startsWith('S93.402'))).toBe(false);
    });

    it('expands every abbreviation to its usual code, a real FY2026 code', () => {
      for (const a of CLINICAL_ABBREVIATIONS) {
        expect(official.has(a.prefer), `${a.abbreviation} → ${a.prefer}`).toBe(true);
        const first = index.search(a.abbreviation)[0];
        expect(first?.code.startsWith(a.prefer), `${a.abbreviation} → ${first?.code}`).toBe(true);
        expect(first?.matchedBy).toBe('abbreviation');
      }
    });

    it('gives the same leading hits whatever the limit (pruning never drops a better hit)', () => {
      const queries = [
        'fracture',
        'left',
        'pain',
        'a',
        'encounter for',
        'chronic kidney',
        'diab',
        'injury of',
        's',
        'htn',
      ];
      for (const q of queries) {
        const many = codes(index.search(q, MAX_SEARCH_LIMIT));
        expect(many.length, q).toBeGreaterThan(25);
        for (const limit of [1, 3, 10, 25])
          expect(codes(index.search(q, limit)), `${q} @${limit}`).toEqual(many.slice(0, limit));
      }
    });
  },
);
