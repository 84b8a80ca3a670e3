/**
 * Search as the guarded repository runs it: normalise the request, refuse a patient-fenced
 * token that names another patient, then take every match from the in-memory repository and
 * filter (compartment, v2 scope query), sort and page it here, so `total`, `_sort`, `_offset`
 * and the paging links stay exact whatever the token may see. A page never holds more than
 * `limits.maxPageSize` entries; the `next` link carries the lowered `_count`.
 *
 * @module
 */
import type { SearchRequest, WithId } from '@medplum/core';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { MemoryRepository } from '@medplum/fhir-router';
import { fencedPatient, permits, type Access } from './access-policy.ts';
import { patientsNamedInSearch } from './compartment.ts';
import { fail, forbiddenOutcome } from './outcomes.ts';
import { pagingLinks } from './paging-links.ts';
import { normalizeSearchRequest, type SearchLimits } from './search-request.ts';
import { sortResources } from './search-sort.ts';

export async function searchWithAccess<T extends Resource>(
  repo: MemoryRepository,
  request: SearchRequest<T>,
  access: Access & { allowed: true },
  fhirBaseUrl: string | undefined,
  limits: SearchLimits = {},
): Promise<Bundle<WithId<T>>> {
  const search = normalizeSearchRequest(request, limits);
  const patient = fencedPatient(access);
  if (patient) {
    const others = patientsNamedInSearch(search).filter((id) => id !== patient);
    if (others.length > 0) {
      fail(
        forbiddenOutcome(
          `This token is limited to its launch patient; it may not search another patient's ${search.resourceType} records`,
        ),
      );
    }
  }
  const everything = await repo.search<T>({
    ...search,
    sortRules: undefined,
    offset: undefined,
    count: undefined,
  });
  const visible = (everything.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource): resource is WithId<T> => resource !== undefined && permits(access, resource));
  const sorted = sortResources(visible, search.sortRules ?? []);
  const offset = search.offset ?? 0;
  const page = sorted.slice(offset, offset + (search.count ?? sorted.length));
  const entry: BundleEntry<WithId<T>>[] = page.map((resource) => ({
    ...(fhirBaseUrl ? { fullUrl: `${fhirBaseUrl}/${resource.resourceType}/${resource.id}` } : {}),
    resource,
    search: { mode: 'match' },
  }));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: sorted.length,
    ...(fhirBaseUrl ? { link: pagingLinks(fhirBaseUrl, search, sorted.length) } : {}),
    ...(entry.length > 0 ? { entry } : {}),
  };
}
