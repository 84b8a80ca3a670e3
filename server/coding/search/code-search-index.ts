/**
 * ICD-10-CM typeahead over one release, in memory. A query is tried three ways and the hits merged:
 *
 * 1. **Code prefix**, with or without the dot, any case (`e11.6`, `E116`): the exact code first,
 *    then shallower codes before deeper ones.
 * 2. **Words**: every query word must start a word of the description, in any order ("otitis
 *    media left"); `with`, `of` and the like are ignored (a last one still being typed is also
 *    tried as a prefix: "urinary tract in"); British spellings are read as American.
 * 3. **Abbreviations** (clinical-abbreviations.ts): `HTN` → "hypertens…", with the code a
 *    clinician means by it (I10) ranked first.
 *
 * Word hits rank by how few description words the query leaves unexplained (7th-character phrases
 * such as "initial encounter" do not count), with small bonuses for whole words and for the
 * description starting with the first query word; ties go to billable codes, then the shorter
 * description, then code order. Candidates come from the rarest query word's postings only, each
 * checked against its own term list, and a list is left as soon as nothing further in it can rank.
 *
 * @module
 */
import type { CodeSearchHit, Icd10CmCode } from '../../contract/coding.ts';
import { withDot, withoutDot } from '../code-sets/icd10cm-code-format.ts';
import { CLINICAL_ABBREVIATIONS, type ClinicalAbbreviation } from './clinical-abbreviations.ts';
import { buildSearchIndexData, type SearchIndexData } from './search-index-data.ts';
import { americanSpelling, trailingStopword, wordsOf } from './search-words.ts';
import { rankKey, TopHits, type MatchedBy } from './top-hits.ts';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;
/** More words than this add nothing to a code description search. */
const MAX_QUERY_WORDS = 8;

const EXACT_CODE = 3000;
const CODE_PREFIX = 2500;
const WORDS = 1000;
const EXTRA_WORD = 10;
const STARTS_WITH_FIRST_WORD = 3;
const ABBREVIATION = 50;
const PREFERRED = 200;

/** A code prefix as typed: `e11`, `E11.6`, `s93401a`; at least one digit among the first three. */
const CODE_QUERY = /^[A-Z][0-9A-Z]{1,2}(?:\.?[0-9A-Z]{1,4}|\.)?$/;

export interface CodeSearchIndex {
  /** Codes (headers included) in the index. */
  readonly size: number;
  search(query: string, limit?: number): CodeSearchHit[];
  /** The row of exactly this code (dotted or not, any case), for validating suggestions. */
  lookup(code: string): Icd10CmCode | undefined;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createCodeSearchIndex(
  data: SearchIndexData,
  abbreviations: readonly ClinicalAbbreviation[] = CLINICAL_ABBREVIATIONS,
): CodeSearchIndex {
  const abbreviationOf = new Map(abbreviations.map((a) => [a.abbreviation, a] as const));
  const seen = new Uint32Array(data.size);
  let epoch = 0;
  const codeRank = (doc: number) => data.codeRank[doc]!;
  const keyOf = (doc: number, score: number) => rankKey(score, data.billable[doc]!, data.baseLength[doc]!);

  /** Positions in code order of the codes starting with `prefix` (undotted). */
  const codeRange = (prefix: string): [number, number] => [
    lowerBound(data.codesSorted, prefix),
    lowerBound(data.codesSorted, `${prefix}\uffff`),
  ];

  function searchCode(query: string, top: TopHits): void {
    const typed = query.toUpperCase().replace(/\s+/g, '');
    if (!CODE_QUERY.test(typed) || !/\d/.test(typed.slice(1, 3))) return;
    const prefix = withoutDot(typed);
    const [from, to] = codeRange(prefix);
    for (let pos = from; pos < to; pos++) {
      const doc = data.docAtCode[pos]!;
      const code = data.codesSorted[pos]!;
      const score = code === prefix ? EXACT_CODE : CODE_PREFIX - 10 * (code.length - prefix.length);
      // Codes of one depth go in code order, billable first, whatever their descriptions.
      top.offer(doc, rankKey(score, data.billable[doc]!, 0), score, 'code');
    }
  }

  /** Score of `doc` when it has every query word, else undefined. */
  function scoreWords(doc: number, words: readonly string[], lo: Uint32Array, hi: Uint32Array) {
    const first = data.termStart[doc]!;
    const baseEnd = first + data.baseCount[doc]!;
    let all = 0;
    let inBase = 0;
    let whole = 0;
    for (let k = first; k < data.termStart[doc + 1]!; k++) {
      const term = data.terms[k]!;
      for (let j = 0; j < words.length; j++) {
        if (term < lo[j]! || term >= hi[j]!) continue;
        all |= 1 << j;
        if (k < baseEnd) inBase |= 1 << j;
        if (data.vocabulary[term]!.length === words[j]!.length) whole |= 1 << j;
      }
    }
    if (all !== (1 << words.length) - 1) return undefined;
    const extra = Math.max(0, data.baseCount[doc]! - bitCount(inBase));
    const t0 = data.terms[first];
    const starts = data.baseCount[doc]! > 0 && t0 !== undefined && t0 >= lo[0]! && t0 < hi[0]!;
    return WORDS - EXTRA_WORD * extra + bitCount(whole) + (starts ? STARTS_WITH_FIRST_WORD : 0);
  }

  function searchWords(
    words: readonly string[],
    by: MatchedBy,
    bonus: number,
    preferred: readonly string[],
    top: TopHits,
  ): void {
    const lo = new Uint32Array(words.length);
    const hi = new Uint32Array(words.length);
    let pivot = 0;
    let pivotSize = Infinity;
    for (let j = 0; j < words.length; j++) {
      lo[j] = lowerBound(data.vocabulary, words[j]!);
      hi[j] = lowerBound(data.vocabulary, `${words[j]!}\uffff`);
      const size = data.postingStart[hi[j]!]! - data.postingStart[lo[j]!]!;
      if (size === 0) return;
      if (size < pivotSize) [pivot, pivotSize] = [j, size];
    }
    const offer = (doc: number, extraBonus: number) => {
      const score = scoreWords(doc, words, lo, hi);
      if (score !== undefined)
        top.offer(doc, keyOf(doc, score + bonus + extraBonus), score + bonus + extraBonus, by);
    };
    for (const code of preferred) {
      const [from, to] = codeRange(withoutDot(code));
      for (let pos = from; pos < to; pos++) offer(data.docAtCode[pos]!, PREFERRED);
    }
    epoch++;
    const best = WORDS + words.length + STARTS_WITH_FIRST_WORD + bonus;
    for (let term = lo[pivot]!; term < hi[pivot]!; term++) {
      for (let p = data.postingStart[term]!; p < data.postingStart[term + 1]!; p++) {
        const doc = data.postings[p]!;
        // Documents come in quality order: once the best this one could score cannot rank, no later one can.
        const bound = best - EXTRA_WORD * Math.max(0, data.baseCount[doc]! - words.length);
        if (rankKey(bound, 1, 0) < top.threshold()) break;
        if (seen[doc] === epoch) continue;
        seen[doc] = epoch;
        offer(doc, 0);
      }
    }
  }

  const rowOf = (doc: number): Icd10CmCode => ({
    code: withDot(data.codeOf[doc]!),
    billable: data.billable[doc] === 1,
    description: data.descriptions.slice(data.descriptionStart[doc], data.descriptionStart[doc + 1]),
  });

  return {
    size: data.size,
    lookup(code) {
      const key = withoutDot(code.trim().toUpperCase());
      const pos = lowerBound(data.codesSorted, key);
      return data.codesSorted[pos] === key ? rowOf(data.docAtCode[pos]!) : undefined;
    },
    search(query, limit = DEFAULT_SEARCH_LIMIT) {
      const top = new TopHits(Math.max(0, Math.min(limit, MAX_SEARCH_LIMIT)), codeRank);
      searchCode(query.trim(), top);
      const words = wordsOf(query).slice(0, MAX_QUERY_WORDS).map(americanSpelling);
      const typing = trailingStopword(query);
      if (typing !== undefined && words.length < MAX_QUERY_WORDS) {
        searchWords([...words, typing], 'words', 0, [], top);
      }
      if (words.length > 0) {
        searchWords(words, 'words', 0, [], top);
        const used = words.map((w) => abbreviationOf.get(w));
        if (used.some(Boolean)) {
          const expanded = words.flatMap((w, i) => (used[i] ? wordsOf(used[i].expansion) : [w]));
          const preferred = used.flatMap((a) => (a ? [a.prefer] : []));
          searchWords(expanded.slice(0, MAX_QUERY_WORDS), 'abbreviation', ABBREVIATION, preferred, top);
        }
      }
      return top.docs.map((doc, i) => ({
        ...rowOf(doc),
        score: top.scores[i]!,
        matchedBy: top.matchedBy[i]!,
      }));
    },
  };
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** The index over a release's rows (headers included). */
export function buildCodeSearchIndex(codes: Iterable<Icd10CmCode>): CodeSearchIndex {
  return createCodeSearchIndex(buildSearchIndexData(codes));
}
