import { describe, expect, it } from 'vitest';
import type { CodeSearchHit, Icd10CmCode } from '../../contract/coding.ts';
import { SEED_ICD10CM } from '../code-sets/seed-icd10cm.ts';
import { buildCodeSearchIndex, MAX_SEARCH_LIMIT } from './code-search-index.ts';

const seed = buildCodeSearchIndex(SEED_ICD10CM);
const codes = (hits: readonly CodeSearchHit[]) => hits.map((h) => h.code);
const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/);

describe('code search index', () => {
  it('looks up exactly one code, dotted or not, and nothing for a prefix or an unknown code', () => {
    expect(seed.lookup('e11.65')).toEqual({
      code: 'E11.65',
      billable: true,
      description: 'Type 2 diabetes mellitus with hyperglycemia',
    });
    expect(seed.lookup('E1165')?.code).toBe('E11.65');
    expect(seed.lookup('E11.6')?.billable).toBe(false);
    expect(seed.lookup('E11.6 5')).toBeUndefined();
    expect(seed.lookup('E11.655')).toBeUndefined();
    expect(seed.lookup('Z99.999')).toBeUndefined();
  });

  it('finds codes by prefix with or without the dot, in any case, the exact code first', () => {
    const dotted = seed.search('E11.6');
    expect(dotted[0]).toMatchObject({ code: 'E11.6', billable: false, matchedBy: 'code' });
    expect(dotted.length).toBeGreaterThan(3);
    for (const hit of dotted) expect(hit.code.startsWith('E11.6')).toBe(true);
    expect(codes(seed.search('e116'))).toEqual(codes(dotted));
    expect(codes(seed.search(' e11.6 '))).toEqual(codes(dotted));
    expect(seed.search('i10')[0]).toMatchObject({
      code: 'I10',
      description: 'Essential (primary) hypertension',
    });
    // One level down before two, billable before headers, then code order.
    expect(codes(seed.search('E11.6')).slice(0, 4)).toEqual(['E11.6', 'E11.65', 'E11.69', 'E11.64']);
  });

  it('matches every query word as a word prefix, in any order', () => {
    const hits = seed.search('otitis media left');
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) {
      const inDescription = words(hit.description);
      for (const w of ['otitis', 'media', 'left'])
        expect(inDescription.some((d) => d.startsWith(w))).toBe(true);
      expect(hit.matchedBy).toBe('words');
    }
    expect(codes(seed.search('left media otit'))).toEqual(codes(hits));
    expect(seed.search('otitis media zzz')).toEqual([]);
  });

  it('ranks fewer unexplained words first, billable before headers when tied', () => {
    const index = buildCodeSearchIndex([
      { code: 'A00', billable: false, description: 'Cholera' },
      { code: 'A00.0', billable: true, description: 'Cholera due to Vibrio cholerae 01, biovar cholerae' },
      { code: 'A00.9', billable: true, description: 'Cholera' },
      { code: 'A01.9', billable: true, description: 'Cholera, something else entirely' },
    ]);
    expect(codes(index.search('cholera'))).toEqual(['A00.9', 'A00', 'A01.9', 'A00.0']);
    const scores = index.search('cholera').map((h) => h.score);
    expect(scores[0]).toBe(scores[1]);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
  });

  it('puts the initial encounter before its header, then subsequent encounter and sequela', () => {
    const hits = codes(seed.search('sprain unspecified ligament right ankle'));
    expect(hits.slice(0, 3)).toEqual(['S93.401A', 'S93.401D', 'S93.401']);
  });

  it('expands clinical abbreviations, the usual code first, and still tries the letters as words', () => {
    expect(seed.search('htn')[0]).toMatchObject({ code: 'I10', matchedBy: 'abbreviation' });
    expect(seed.search('HTN')[0]?.code).toBe('I10');
    expect(seed.search('t2dm')[0]?.code).toBe('E11.9');
    expect(seed.search('T2DM hyperglycemia')[0]?.code).toBe('E11.65');
    expect(seed.search('chf')[0]?.code).toBe('I50.9');
    expect(seed.search('afib')[0]?.code).toBe('I48.91');
    const uri = seed.search('uri', MAX_SEARCH_LIMIT);
    expect(uri[0]?.code).toBe('J06.9');
    expect(uri.some((h) => h.matchedBy === 'words' && /\burin/i.test(h.description))).toBe(true);
  });

  it('reads British spellings and a stopword still being typed', () => {
    expect(codes(seed.search('type 2 diabetes hyperglycaemia'))).toEqual(['E11.65']);
    const typing = seed.search('urinary tract in');
    expect(codes(typing)).toContain('N39.0');
    const withIn = typing.map((h) => words(h.description).some((w) => w.startsWith('in')));
    expect(withIn.indexOf(false)).toBeGreaterThan(0);
    expect(withIn.lastIndexOf(true)).toBeLessThan(withIn.indexOf(false));
    // Once the word is finished, "in" is a stopword again.
    expect(codes(seed.search('urinary tract in '))).toEqual(codes(seed.search('urinary tract')));
  });

  it('returns at most the limit (50 at most), and nothing for an empty query', () => {
    expect(seed.search('pain', 3)).toHaveLength(3);
    expect(seed.search('pain', 0)).toEqual([]);
    expect(seed.search('a', 500).length).toBe(MAX_SEARCH_LIMIT);
    expect(seed.search('   ')).toEqual([]);
    expect(seed.search('!!!')).toEqual([]);
  });

  it('gives the same leading hits whatever the limit (pruning never drops a better hit)', () => {
    for (const q of [
      'pain',
      'a',
      'left',
      'disorder',
      'e11',
      'z79',
      'htn',
      'encounter for',
      'chronic',
      's93',
    ]) {
      const many = seed.search(q, MAX_SEARCH_LIMIT);
      for (const limit of [1, 5, 20])
        expect(codes(seed.search(q, limit)), `${q} @${limit}`).toEqual(codes(many).slice(0, limit));
    }
  });

  it('keeps only its own copy of the rows', () => {
    const rows: Icd10CmCode[] = [
      { code: 'I10', billable: true, description: 'Essential (primary) hypertension' },
    ];
    const index = buildCodeSearchIndex(rows);
    rows[0] = { code: 'I10', billable: false, description: 'changed' };
    expect(index.search('I10')[0]).toMatchObject({
      billable: true,
      description: 'Essential (primary) hypertension',
    });
    expect(index.size).toBe(1);
  });
});
