/**
 * `_sort` for the in-memory repository. Medplum's MemoryRepository compares JSON text, which
 * puts Period-valued dates (`effectivePeriod`) before dateTimes whatever the direction, and lets
 * the last rule win; here dates compare as instants, the first rule wins, and resources without
 * a value go last in either direction.
 *
 * @module
 */
import { evalFhirPath, getSearchParameter, type SortRule } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

type SortKey = number | string;

export function sortResources<T extends Resource>(resources: readonly T[], rules: readonly SortRule[]): T[] {
  if (rules.length === 0) return [...resources];
  const keyed = resources.map((resource) => ({
    resource,
    keys: rules.map((rule) => sortKey(resource, rule)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < rules.length; i++) {
      const order = compareKeys(a.keys[i], b.keys[i], rules[i]?.descending ?? false);
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map((k) => k.resource);
}

function compareKeys(a: SortKey | undefined, b: SortKey | undefined, descending: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return descending ? -order : order;
}

/** The value a resource sorts by: the smallest for ascending, the largest for descending. */
function sortKey(resource: Resource, rule: SortRule): SortKey | undefined {
  const param = getSearchParameter(resource.resourceType, rule.code);
  if (!param?.expression) return undefined;
  const keys = evalFhirPath(param.expression, resource)
    .map((value) => keyOf(value, param.type === 'date'))
    .filter((key): key is SortKey => key !== undefined);
  if (keys.length === 0) return undefined;
  return keys.reduce((best, key) => ((rule.descending ? key > best : key < best) ? key : best));
}

function keyOf(value: unknown, isDate: boolean): SortKey | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return isDate ? instant(value) : value.toLowerCase();
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (isDate) return instant(v.start ?? v.end);
  if (Array.isArray(v.coding)) return keyOf(v.coding[0], false) ?? keyOf(v.text, false);
  for (const field of ['code', 'value', 'reference', 'family', 'text', 'display']) {
    const key = keyOf(v[field], false);
    if (key !== undefined) return key;
  }
  return undefined;
}

function instant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);
  return Number.isNaN(ms) ? undefined : ms;
}
