/**
 * Checks and completes a parsed search before it reaches the in-memory repository, which would
 * otherwise quietly return nothing for parameters it cannot evaluate. Unknown parameters,
 * chains, `_include` and unsupported parameter types are refused with 400; bare reference ids
 * (`patient=123`) become typed references; `_count` gets a default and a ceiling (the sandbox's
 * `maxPageSize`, so a client has to follow `next` links as it would against a real EHR).
 *
 * @module
 */
import {
  getSearchParameter,
  isResourceType,
  Operator,
  splitSearchOnComma,
  type SearchRequest,
} from '@medplum/core';
import { badRequestOutcome, fail, notSupportedOutcome, unknownTypeOutcome } from './outcomes.ts';

/** Page size when the client sends no `_count` (Epic and Oracle Health page too). */
export const DEFAULT_PAGE_SIZE = 50;
/** Larger `_count` values are lowered to this unless the sandbox sets its own `maxPageSize`. */
export const MAX_PAGE_SIZE = 1000;

export interface SearchLimits {
  /** Largest page the server returns; a larger (or the default) `_count` is lowered to it. */
  readonly maxPageSize?: number;
}

/** Parameter types the in-memory matcher evaluates; others would silently match nothing. */
const MATCHABLE_TYPES = new Set(['reference', 'string', 'uri', 'token', 'date']);
/** Medplum-only parameters an EHR would not know. */
const REFUSED_CODES = new Set(['_compartment']);

export function normalizeSearchRequest<T extends SearchRequest>(search: T, limits: SearchLimits = {}): T {
  const type = search.resourceType;
  if (!isResourceType(type)) fail(unknownTypeOutcome(type));
  if (search.include?.length || search.revInclude?.length) {
    fail(notSupportedOutcome('_include and _revinclude are not supported by the sandbox'));
  }
  if (search.cursor !== undefined)
    fail(notSupportedOutcome('_cursor paging is not supported; use the next link'));
  if (search.types?.length) fail(notSupportedOutcome('_type is only meaningful for system-level search'));
  const count = pageSize(search.count, limits.maxPageSize ?? MAX_PAGE_SIZE);
  const offset = search.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0)
    fail(badRequestOutcome('_offset must be a non-negative integer'));

  const filters = (search.filters ?? []).map((filter) => {
    if (filter.code.includes('.') || filter.code === '_has') {
      fail(notSupportedOutcome(`Chained and reverse-chained search (${filter.code}) is not supported`));
    }
    const param = knownParameter(type, filter.code);
    if (
      param.type !== 'reference' ||
      !(filter.operator === Operator.EQUALS || filter.operator === Operator.NOT_EQUALS)
    ) {
      return filter;
    }
    return { ...filter, value: typedReferences(filter.value, param.target ?? []) };
  });
  for (const rule of search.sortRules ?? []) knownParameter(type, rule.code);
  return { ...search, filters, count, offset };
}

function pageSize(count: number | undefined, max: number): number {
  if (count === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(count) || count < 0) fail(badRequestOutcome('_count must be a non-negative integer'));
  return Math.min(count, max);
}

function knownParameter(resourceType: string, code: string): { type: string; target?: string[] } {
  const param = REFUSED_CODES.has(code) ? undefined : getSearchParameter(resourceType, code);
  if (!param) fail(badRequestOutcome(`Unknown search parameter '${code}' for ${resourceType}`));
  if (!MATCHABLE_TYPES.has(param.type ?? '')) {
    fail(
      notSupportedOutcome(`Search parameter '${code}' (type ${param.type}) is not supported by the sandbox`),
    );
  }
  return { type: param.type ?? '', target: param.target };
}

/**
 * `123` → `Patient/123` when the parameter can only point at patients; `Patient/123,Group/123,…`
 * when it may point at several types (FHIR lets a bare id match any of them).
 * `https://host/fhir/Patient/123` → `Patient/123`.
 */
function typedReferences(value: string, targets: readonly string[]): string {
  return splitSearchOnComma(value)
    .flatMap((item) => {
      const absolute = /^https?:\/\/.+\/([A-Z][A-Za-z]+\/[^/]+)$/.exec(item);
      if (absolute?.[1]) return [absolute[1]];
      if (item.includes('/') || targets.length === 0) return [item];
      return targets.map((target) => `${target}/${item}`);
    })
    .join(',');
}
