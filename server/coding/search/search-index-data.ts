/**
 * The compact arrays code search runs on, built once per release (about 98,000 rows for a full
 * CMS release). Documents (codes) are numbered in *quality order*: fewest description words first,
 * then billable before header, then shorter description, then code. Posting lists are ascending
 * document numbers, so each one runs from the best-ranked candidates to the worst and a search can
 * stop reading a list once nothing further in it can make the top hits.
 *
 * - the vocabulary: every description word, sorted, so a word prefix is one contiguous range of
 *   term numbers (binary search);
 * - postings (term → documents) and each document's terms (document → terms), as `Uint32Array`s
 *   with offsets; a document lists its description words first (`baseCount` of them, in order),
 *   then the 7th-character phrase ("initial encounter"), then joined compounds;
 * - codes without their dot in code order (prefix search), and every description in one string.
 *
 * @module
 */
import type { Icd10CmCode } from '../../contract/coding.ts';
import { withoutDot } from '../code-sets/icd10cm-code-format.ts';
import { joinedCompounds, wordsOf } from './search-words.ts';

export interface SearchIndexData {
  readonly size: number;
  /** Undotted code of each document. */
  readonly codeOf: readonly string[];
  readonly billable: Uint8Array;
  /** Distinct description words, 7th-character phrase excluded (at most 255). */
  readonly baseCount: Uint8Array;
  /** Description length without the 7th-character phrase. */
  readonly baseLength: Uint16Array;
  readonly descriptions: string;
  readonly descriptionStart: Uint32Array;
  readonly vocabulary: readonly string[];
  readonly postingStart: Uint32Array;
  readonly postings: Uint32Array;
  readonly termStart: Uint32Array;
  readonly terms: Uint32Array;
  /** Undotted codes sorted, and the document at each position; `codeRank` is the inverse. */
  readonly codesSorted: readonly string[];
  readonly docAtCode: Uint32Array;
  readonly codeRank: Uint32Array;
}

/** ", initial encounter", ", subsequent encounter for fracture with routine healing", ", sequela". */
const SEVENTH_CHARACTER = /^, (?:(?:initial|subsequent) encounter|sequela)/;

interface Row {
  readonly code: string;
  readonly billable: number;
  readonly description: string;
  readonly baseLength: number;
  /** Temporary term numbers: base words, then the rest. */
  readonly base: number[];
  readonly rest: number[];
}

function baseLengthOf(undotted: string, description: string): number {
  if (undotted.length !== 7) return description.length;
  const comma = description.lastIndexOf(', ');
  return comma > 0 && SEVENTH_CHARACTER.test(description.slice(comma)) ? comma : description.length;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildSearchIndexData(codes: Iterable<Icd10CmCode>): SearchIndexData {
  const termIds = new Map<string, number>();
  const termOf = (word: string) => {
    let id = termIds.get(word);
    if (id === undefined) termIds.set(word, (id = termIds.size));
    return id;
  };
  const rows: Row[] = [];
  for (const c of codes) {
    const code = withoutDot(c.code);
    const baseLength = baseLengthOf(code, c.description);
    const base = [...new Set(wordsOf(c.description.slice(0, baseLength)).map(termOf))].slice(0, 255);
    const others = [...wordsOf(c.description.slice(baseLength)), ...joinedCompounds(c.description)];
    const rest = [...new Set(others.map(termOf))].filter((t) => !base.includes(t));
    rows.push({ code, billable: c.billable ? 1 : 0, description: c.description, baseLength, base, rest });
  }
  rows.sort(
    (a, b) =>
      a.base.length - b.base.length ||
      b.billable - a.billable ||
      a.baseLength - b.baseLength ||
      byString(a.code, b.code),
  );

  const size = rows.length;
  const vocabulary = [...termIds.keys()].sort(byString);
  const sortedId = new Uint32Array(termIds.size);
  vocabulary.forEach((word, i) => (sortedId[termIds.get(word)!] = i));

  const billable = new Uint8Array(size);
  const baseCount = new Uint8Array(size);
  const baseLength = new Uint16Array(size);
  const descriptionStart = new Uint32Array(size + 1);
  const termStart = new Uint32Array(size + 1);
  const postingCount = new Uint32Array(vocabulary.length + 1);
  let termTotal = 0;
  let descriptionTotal = 0;
  rows.forEach((row, doc) => {
    billable[doc] = row.billable;
    baseCount[doc] = row.base.length;
    baseLength[doc] = Math.min(row.baseLength, 0xffff);
    descriptionStart[doc] = descriptionTotal;
    descriptionTotal += row.description.length;
    termStart[doc] = termTotal;
    termTotal += row.base.length + row.rest.length;
    for (const t of row.base) postingCount[sortedId[t]!]!++;
    for (const t of row.rest) postingCount[sortedId[t]!]!++;
  });
  descriptionStart[size] = descriptionTotal;
  termStart[size] = termTotal;

  const postingStart = new Uint32Array(vocabulary.length + 1);
  for (let t = 0; t < vocabulary.length; t++) postingStart[t + 1] = postingStart[t]! + postingCount[t]!;
  const fill = postingStart.slice(0, vocabulary.length);
  const postings = new Uint32Array(termTotal);
  const terms = new Uint32Array(termTotal);
  rows.forEach((row, doc) => {
    let k = termStart[doc]!;
    for (const t of [...row.base, ...row.rest]) {
      const term = sortedId[t]!;
      terms[k++] = term;
      postings[fill[term]!++] = doc;
    }
  });

  const codeOf = rows.map((r) => r.code);
  const docAtCode = Uint32Array.from(codeOf.keys()).sort((a, b) => byString(codeOf[a]!, codeOf[b]!));
  const codeRank = new Uint32Array(size);
  docAtCode.forEach((doc, pos) => (codeRank[doc] = pos));
  return {
    size,
    codeOf,
    billable,
    baseCount,
    baseLength,
    // One flat string: nothing keeps the caller's rows alive.
    descriptions: rows.map((r) => r.description).join(''),
    descriptionStart,
    vocabulary,
    postingStart,
    postings,
    terms,
    termStart,
    codesSorted: Array.from(docAtCode, (doc) => codeOf[doc]!),
    docAtCode,
    codeRank,
  };
}
