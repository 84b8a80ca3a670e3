/**
 * SMART on FHIR scopes in both spellings, read into one shape.
 *
 * v2: `patient/Observation.rs`, suffix letters in the order c-r-u-d-s, optional `?query` filter.
 * v1: `.read` (= rs), `.write` (= cud), `.*` (= cruds). Customers run EHR releases of both eras.
 *
 * @module
 */

export type ScopeContext = 'patient' | 'user' | 'system';
export type ScopeInteraction = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  readonly raw: string;
  readonly context: ScopeContext;
  /** A resource type, or `*` for all. */
  readonly resourceType: string;
  readonly interactions: ReadonlySet<ScopeInteraction>;
  /** v2 fine-grained filter, e.g. `category=vital-signs`; undefined when none. */
  readonly query: string | undefined;
  readonly version: 1 | 2;
}

export interface ParsedScopes {
  readonly resources: readonly ResourceScope[];
  /** Everything else: `launch`, `launch/patient`, `openid`, `fhirUser`, `offline_access`, … */
  readonly other: ReadonlySet<string>;
}

const V2_ORDER: readonly ScopeInteraction[] = ['c', 'r', 'u', 'd', 's'];
const V1_SUFFIX: Readonly<Record<string, readonly ScopeInteraction[]>> = {
  read: ['r', 's'],
  write: ['c', 'u', 'd'],
  '*': ['c', 'r', 'u', 'd', 's'],
};
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.([a-z*]+)(?:\?(.+))?$/;

/** Reads one resource scope; undefined for non-resource scopes and malformed ones. */
export function parseResourceScope(raw: string): ResourceScope | undefined {
  const match = RESOURCE_SCOPE.exec(raw);
  if (!match) return undefined;
  const [, context, resourceType, suffix, query] = match as unknown as [
    string,
    ScopeContext,
    string,
    string,
    string?,
  ];
  const v1 = V1_SUFFIX[suffix];
  if (v1) {
    if (query !== undefined) return undefined; // v1 has no query filters
    return { raw, context, resourceType, interactions: new Set(v1), query: undefined, version: 1 };
  }
  const letters = v2Letters(suffix);
  if (!letters) return undefined;
  return { raw, context, resourceType, interactions: new Set(letters), query, version: 2 };
}

/** v2 letters must be a non-empty, ordered subset of c-r-u-d-s with no repeats. */
function v2Letters(suffix: string): ScopeInteraction[] | undefined {
  const letters: ScopeInteraction[] = [];
  let cursor = 0;
  for (const ch of suffix) {
    const at = V2_ORDER.indexOf(ch as ScopeInteraction, cursor);
    if (at < 0) return undefined;
    letters.push(V2_ORDER[at]!);
    cursor = at + 1;
  }
  return letters.length > 0 ? letters : undefined;
}

export function parseScopes(scope: string): ParsedScopes {
  const resources: ResourceScope[] = [];
  const other = new Set<string>();
  for (const raw of scope.split(/\s+/).filter(Boolean)) {
    const parsed = parseResourceScope(raw);
    if (parsed) resources.push(parsed);
    else other.add(raw);
  }
  return { resources, other };
}

/**
 * Whether the grant allows `interaction` on `resourceType` in any of `contexts`.
 * Query-filtered v2 scopes count as allowing the interaction; callers that honour the filter
 * must check `query` themselves.
 */
export function scopesAllow(
  scopes: ParsedScopes,
  resourceType: string,
  interaction: ScopeInteraction,
  contexts: readonly ScopeContext[] = ['patient', 'user', 'system'],
): boolean {
  return scopes.resources.some(
    (s) =>
      contexts.includes(s.context) &&
      (s.resourceType === '*' || s.resourceType === resourceType) &&
      s.interactions.has(interaction),
  );
}

/**
 * Whether the EHR speaks SMART v2 scopes: it says so in `capabilities` (`permission-v2`) or lists
 * a v2 scope in `scopes_supported`. Otherwise v1 is the safe spelling (older Epic releases).
 */
export function prefersV2Scopes(discovery: {
  readonly capabilities: readonly string[];
  readonly scopes_supported?: readonly string[] | undefined;
}): boolean {
  if (discovery.capabilities.includes('permission-v2')) return true;
  if (discovery.capabilities.includes('permission-v1')) return false;
  return (discovery.scopes_supported ?? []).some((s) => parseResourceScope(s)?.version === 2);
}

/**
 * Spells v2 resource scopes in v1 for an EHR that only knows v1: `rs` → `read`, `cud` → `write`
 * (a v2 scope that mixes both becomes both v1 scopes). Query filters cannot be expressed in v1,
 * so a filtered scope widens to its resource type. Other scopes pass through.
 */
export function toV1Scopes(scope: string): string {
  const out: string[] = [];
  for (const raw of scope.split(/\s+/).filter(Boolean)) {
    const parsed = parseResourceScope(raw);
    if (!parsed || parsed.version === 1) {
      out.push(raw);
      continue;
    }
    const base = `${parsed.context}/${parsed.resourceType}`;
    const has = (i: ScopeInteraction) => parsed.interactions.has(i);
    if (has('r') || has('s')) out.push(`${base}.read`);
    if (has('c') || has('u') || has('d')) out.push(`${base}.write`);
  }
  return [...new Set(out)].join(' ');
}
