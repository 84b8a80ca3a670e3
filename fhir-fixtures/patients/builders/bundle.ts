/**
 * Transaction bundles of PUT entries with fixed ids, so loading a fixture twice (or two fixtures
 * that share the clinic and practitioners) is idempotent.
 *
 * @module
 */
import type { Bundle, BundleEntry, Reference, Resource } from '@medplum/fhirtypes';

/** A resource whose id is set, as every fixture resource must be. */
export type WithId<T extends Resource> = T & { readonly id: string };

/** `Type/id` reference to a fixture resource. */
export function refTo<T extends Resource>(resource: WithId<T>, display?: string): Reference<T> {
  return display === undefined
    ? { reference: `${resource.resourceType}/${resource.id}` }
    : { reference: `${resource.resourceType}/${resource.id}`, display };
}

/**
 * One PUT entry per resource. The same resource listed twice (shared resources) is emitted once;
 * two *different* resources with one `Type/id` throw, since one would silently overwrite the other.
 */
export function transactionBundle(resources: readonly Resource[]): Bundle {
  const seen = new Map<string, string>();
  const entry: BundleEntry[] = [];
  for (const resource of resources) {
    if (!resource.id) {
      throw new Error(`Fixture ${resource.resourceType} has no id`);
    }
    const key = `${resource.resourceType}/${resource.id}`;
    const body = JSON.stringify(resource);
    const previous = seen.get(key);
    if (previous !== undefined) {
      if (previous !== body) {
        throw new Error(`Two different fixture resources share ${key}`);
      }
      continue;
    }
    seen.set(key, body);
    entry.push({ resource, request: { method: 'PUT', url: key } });
  }
  return { resourceType: 'Bundle', type: 'transaction', entry };
}
