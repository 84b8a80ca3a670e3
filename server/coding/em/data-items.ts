/**
 * Counting for the MDM data column: turns the extractor's lists into the unique items a coder
 * credits. Each unique test counts once however often it appears (ordering includes reviewing its
 * result, so a test ordered and reviewed is one item); external notes count once per unique
 * source; a result this practitioner ordered at an earlier encounter was credited with that
 * order; and a test independently interpreted counts in that category, not again as a test.
 * Keys (`DataItem.key`) decide identity, never labels.
 *
 * @module
 */
import type { DataElements, DataItem } from '../../contract/coding.ts';
import type { Evidence } from '../../contract/note-draft.ts';
import { countWord, labelList } from './reasoning-text.ts';

/** One credited item, worded for the reasoning ("Lipid panel reviewed"). */
export interface CountedItem {
  readonly text: string;
  readonly evidence: readonly Evidence[];
}

/** The data column after de-duplication, plus sentences saying what was merged or left out. */
export interface CountedData {
  /** Category 1 without the historian: unique external sources and unique tests. */
  readonly documentsAndTests: readonly CountedItem[];
  readonly historian?: CountedItem;
  readonly interpretations: readonly CountedItem[];
  readonly discussions: readonly CountedItem[];
  readonly notes: readonly string[];
}

/** Items grouped by key, first appearance first. */
function byKey(items: readonly DataItem[]): DataItem[][] {
  const groups = new Map<string, DataItem[]>();
  for (const item of items) groups.set(item.key, [...(groups.get(item.key) ?? []), item]);
  return [...groups.values()];
}

function evidenceOf(items: readonly DataItem[]): Evidence[] {
  return items.flatMap((i) => i.evidence);
}

function first(group: readonly DataItem[]): DataItem {
  const item = group[0];
  if (!item) throw new TypeError('empty group');
  return item;
}

function uniqueSources(notes: readonly DataItem[]): CountedItem[] {
  return byKey(notes).map((group) => ({
    text:
      group.length > 1
        ? `external note: ${first(group).label} (${countWord(group.length)} documents from one source, counted once)`
        : `external note: ${first(group).label}`,
    evidence: evidenceOf(group),
  }));
}

function uniqueTests(data: DataElements, interpreted: ReadonlySet<string>) {
  const reviewed = data.testsReviewed.filter((t) => !t.orderedAtPriorEncounter);
  const priorCredited = data.testsReviewed.filter((t) => t.orderedAtPriorEncounter);
  const orderedKeys = new Set(data.testsOrdered.map((t) => t.key));
  const reviewedKeys = new Set(reviewed.map((t) => t.key));
  const items: CountedItem[] = [];
  const skippedAsInterpreted: string[] = [];
  for (const group of byKey([...reviewed, ...data.testsOrdered])) {
    const { key, label } = first(group);
    if (interpreted.has(key)) {
      skippedAsInterpreted.push(label);
      continue;
    }
    const both = reviewedKeys.has(key) && orderedKeys.has(key);
    const text = both
      ? `${label} reviewed and ordered (one unique test, counted once)`
      : `${label} ${orderedKeys.has(key) ? 'ordered' : 'reviewed'}${group.length > 1 ? ' (counted once)' : ''}`;
    items.push({ text, evidence: evidenceOf(group) });
  }
  return { items, priorCredited: byKey(priorCredited).map((g) => first(g).label), skippedAsInterpreted };
}

/** The unique items of each data category, with the merges and exclusions explained. */
export function countData(data: DataElements): CountedData {
  const interpretations = byKey(data.independentInterpretations);
  const interpretedKeys = new Set(interpretations.map((g) => first(g).key));
  const tests = uniqueTests(data, interpretedKeys);
  const notes: string[] = [];
  if (tests.priorCredited.length > 0) {
    const many = tests.priorCredited.length > 1;
    notes.push(
      `Not counted again ${labelList(tests.priorCredited)}: ${many ? 'these tests were' : 'this test was'} ordered at an earlier encounter, and reviewing the result was credited with that order.`,
    );
  }
  if (tests.skippedAsInterpreted.length > 0) {
    notes.push(
      `Not counted again in category 1 ${labelList(tests.skippedAsInterpreted)}: credited as an independent interpretation.`,
    );
  }
  const historian = data.independentHistorian;
  return {
    documentsAndTests: [...uniqueSources(data.externalNotes), ...tests.items],
    ...(historian
      ? { historian: { text: `independent historian: ${historian.label}`, evidence: historian.evidence } }
      : {}),
    interpretations: interpretations.map((g) => ({ text: first(g).label, evidence: evidenceOf(g) })),
    discussions: byKey(data.externalDiscussions).map((g) => ({
      text: first(g).label,
      evidence: evidenceOf(g),
    })),
    notes,
  };
}
