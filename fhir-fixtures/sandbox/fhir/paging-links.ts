/**
 * `Bundle.link` for a page of search results: absolute `self`, `first`, `previous` and `next`
 * URLs under the server's FHIR base that a client can GET as they are (offset paging).
 *
 * @module
 */
import { formatSearchQuery, type SearchRequest } from '@medplum/core';
import type { BundleLink } from '@medplum/fhirtypes';

export function pagingLinks(fhirBaseUrl: string, search: SearchRequest, total: number): BundleLink[] {
  const count = search.count ?? total;
  const offset = search.offset ?? 0;
  const url = (at: number): string =>
    `${fhirBaseUrl}/${search.resourceType}${formatSearchQuery({ ...search, offset: at, count })}`;
  const links: BundleLink[] = [
    { relation: 'self', url: url(offset) },
    { relation: 'first', url: url(0) },
  ];
  if (offset > 0 && count > 0) links.push({ relation: 'previous', url: url(Math.max(0, offset - count)) });
  if (count > 0 && offset + count < total) links.push({ relation: 'next', url: url(offset + count) });
  return links;
}
