/**
 * The CMS-HCC risk adjustment model as the coding step uses it: which model we flag with (V28),
 * the data one flagging run needs (`HccModelData`: ICD-10-CM code → condition categories, the
 * categories' labels, the hierarchy that drops the less severe category of a family) and one
 * builder for it from table rows, shared by the store (Postgres) and the shipped seed.
 *
 * @module
 */
import { canonicalIcd10cm } from '../code-sets/icd10cm-code-format.ts';

/** One risk adjustment model, named both ways the CMS files name it. */
export interface HccModelId {
  /** As in the diagnosis map (`ra_dx_to_cc_YYYY.csv`, `model_name`): "CMS-HCC Model V28". */
  readonly name: string;
  /** As in the labels and hierarchies files (`model_domain`, `model_version`). */
  readonly domain: string;
  readonly version: string;
}

/**
 * The model RevenuePilot flags with. CMS pays Medicare Advantage plans from payment year 2026 on
 * the 2024 CMS-HCC model (V28) alone; the blend with V24 ended after 2025. The importers load
 * every model in the CMS files (ESRD, RxHCC, older CMS-HCC versions) so an operator can see them,
 * but only this one is read for flags. A new model is a new constant here, not a new code path.
 */
export const HCC_MODEL_V28: HccModelId = Object.freeze({
  name: 'CMS-HCC Model V28',
  domain: 'CMS-HCC',
  version: 'V28',
});

/** Everything `hccFlagsFor` needs, for one model and payment year. */
export interface HccModelData {
  readonly model: HccModelId;
  readonly paymentYear: number;
  /** Dotted ICD-10-CM code (`E11.9`) → the category numbers it maps to (`[38]`); unmapped codes absent. */
  readonly categoriesByCode: ReadonlyMap<string, readonly number[]>;
  /** Category number → label ("Diabetes with Chronic Complications"). */
  readonly labels: ReadonlyMap<number, string>;
  /** Parent category → the categories it drops when both are present. */
  readonly dropsByParent: ReadonlyMap<number, readonly number[]>;
}

export interface HccMapRow {
  /** Dotted: `E11.9`. */
  readonly code: string;
  readonly cc: number;
}

export interface HccLabelRow {
  readonly cc: number;
  readonly label: string;
}

export interface HccHierarchyRow {
  readonly parent: number;
  readonly child: number;
}

export interface HccModelRows {
  readonly model: HccModelId;
  readonly paymentYear: number;
  readonly map: readonly HccMapRow[];
  readonly labels: readonly HccLabelRow[];
  readonly hierarchies: readonly HccHierarchyRow[];
}

function grouped<K, V>(pairs: Iterable<readonly [K, V]>): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const [key, value] of pairs) {
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
  }
  for (const list of groups.values()) Object.freeze(list);
  return groups;
}

/** The lookup maps of one model and year from its table rows (codes normalised to dotted form). */
export function hccModelData(rows: HccModelRows): HccModelData {
  return {
    model: rows.model,
    paymentYear: rows.paymentYear,
    categoriesByCode: grouped(rows.map.map((r) => [canonicalIcd10cm(r.code), r.cc] as const)),
    labels: new Map(rows.labels.map((r) => [r.cc, r.label])),
    dropsByParent: grouped(rows.hierarchies.map((r) => [r.parent, r.child] as const)),
  };
}

/** How a category is shown: `HCC38`. */
export function hccName(cc: number): string {
  return `HCC${cc}`;
}
