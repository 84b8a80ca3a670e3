/**
 * Turns a list of FHIR resources into panel items without letting one bad resource spoil the
 * list: an entry that cannot be normalised is skipped and counted, and the count becomes a
 * warning in plain words. Lists are also capped, so one chart with thousands of entries cannot
 * blow up the response or the iframe.
 *
 * @module
 */
import type { PanelName } from '../contract/clinical-context.ts';
import { FhirReadError } from './fhir-reader.ts';

/** Singular and plural of one entry of each panel, for warnings. */
const ENTRY_NOUN: Readonly<Record<PanelName, readonly [string, string]>> = {
  encounter: ['visit entry', 'visit entries'],
  problems: ['problem entry', 'problem entries'],
  medications: ['medication entry', 'medication entries'],
  allergies: ['allergy entry', 'allergy entries'],
  vitals: ['vital-sign entry', 'vital-sign entries'],
  labs: ['lab entry', 'lab entries'],
  coverage: ['coverage entry', 'coverage entries'],
  practitioner: ['clinician entry', 'clinician entries'],
  notes: ['note entry', 'note entries'],
};

/** The most items each list panel shows. */
export const LIST_CAPS = {
  problems: 200,
  medications: 200,
  allergies: 100,
  coverage: 20,
  notes: 20,
  /** Vital-sign points per series. */
  vitalPoints: 20,
  /** Labs: the newest result of each test, this many tests at most. */
  labs: 30,
} as const;

export interface Collected<T> {
  readonly items: T[];
  /** Entries that could not be read. */
  readonly skipped: number;
}

/**
 * Applies `normalise` to each value; `undefined` or a throw means "could not be read".
 * Values are `unknown` on purpose: an EHR's answer is only as typed as the EHR makes it.
 */
export function collect<T>(
  values: readonly unknown[],
  normalise: (value: unknown) => T | undefined,
): Collected<T> {
  const items: T[] = [];
  let skipped = 0;
  for (const value of values) {
    let item: T | undefined;
    try {
      item = normalise(value);
    } catch {
      item = undefined;
    }
    if (item === undefined) skipped++;
    else items.push(item);
  }
  return { items, skipped };
}

/** "2 medication entries could not be read and are not shown", or nothing when none were skipped. */
export function skippedWarnings(panel: PanelName, skipped: number): string[] {
  if (skipped <= 0) return [];
  const [one, many] = ENTRY_NOUN[panel];
  return skipped === 1
    ? [`1 ${one} could not be read and is not shown`]
    : [`${skipped} ${many} could not be read and are not shown`];
}

/** The first `cap` items, and a warning when some were left out. */
export function capList<T>(
  panel: PanelName,
  items: readonly T[],
  cap: number,
): { items: T[]; warnings: string[] } {
  if (items.length <= cap) return { items: [...items], warnings: [] };
  const [, many] = ENTRY_NOUN[panel];
  return {
    items: items.slice(0, cap),
    warnings: [`Showing ${cap} of ${items.length} ${many}; the rest are in the EHR`],
  };
}

/**
 * A reader's search answer, checked to be a list: a reader that hands back anything else has
 * not given us FHIR, which the panel reports as malformed.
 */
export function asList(value: unknown): readonly unknown[] {
  if (!Array.isArray(value))
    throw new FhirReadError('malformed', 'The search answer was not a list of resources');
  return value;
}
