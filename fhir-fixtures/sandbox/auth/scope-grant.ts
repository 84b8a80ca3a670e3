/**
 * Decides the granted scope: the requested scope narrowed to what the app is registered for,
 * spelled the way the app asked (v1 `.read` stays `.read`, v2 `.rs` stays `.rs`), so a client can
 * compare the grant with its request token by token.
 *
 * @module
 */
import {
  parseResourceScope,
  type ResourceScope,
  type ScopeContext,
  type ScopeInteraction,
  parseScopes,
} from '../../../launch/scopes.ts';

/** Launch-context requests are granted whenever asked: they select context, not data. */
const LAUNCH_SCOPES: ReadonlySet<string> = new Set(['launch', 'launch/patient', 'launch/encounter']);
/** Non-resource scopes this server understands; anything else is dropped from the grant. */
const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  ...LAUNCH_SCOPES,
  'openid',
  'fhirUser',
  'profile',
  'offline_access',
  'online_access',
]);
const V2_ORDER: readonly ScopeInteraction[] = ['c', 'r', 'u', 'd', 's'];

export interface NarrowOptions {
  /** Resource-scope contexts this flow may grant (`system/` only for Backend Services). */
  readonly contexts: readonly ScopeContext[];
  /** Whether `launch*` scopes are granted without being in `allowed` (not when refreshing). */
  readonly keepLaunchScopes: boolean;
}

/**
 * The requested scopes that `allowed` covers (all known ones when `allowed` is undefined),
 * each resource scope reduced to the interactions `allowed` permits.
 */
export function narrowScope(
  requested: string,
  allowed: string | undefined,
  options: NarrowOptions,
): string[] {
  const allowedParsed = allowed === undefined ? undefined : parseScopes(allowed);
  const granted = new Set<string>();
  for (const raw of requested.split(/\s+/).filter(Boolean)) {
    const scope = parseResourceScope(raw);
    if (!scope) {
      const known = KNOWN_SCOPES.has(raw);
      const kept = options.keepLaunchScopes && LAUNCH_SCOPES.has(raw);
      if (known && (kept || !allowedParsed || allowedParsed.other.has(raw))) granted.add(raw);
      continue;
    }
    if (!options.contexts.includes(scope.context)) continue;
    if (!allowedParsed) {
      granted.add(raw);
      continue;
    }
    const permitted = permittedInteractions(scope, allowedParsed.resources);
    const kept = V2_ORDER.filter((i) => scope.interactions.has(i) && permitted.has(i));
    if (kept.length === scope.interactions.size) granted.add(raw);
    else for (const spelled of spell(scope, kept)) granted.add(spelled);
  }
  return [...granted];
}

/** Whether every token of `requested` is granted in full by `original` (refresh narrowing). */
export function isWithinScope(requested: string, original: string): boolean {
  const tokens = requested.split(/\s+/).filter(Boolean);
  const narrowed = narrowScope(requested, original, {
    contexts: ['patient', 'user', 'system'],
    keepLaunchScopes: false,
  });
  return tokens.length > 0 && tokens.every((t) => narrowed.includes(t));
}

function permittedInteractions(
  scope: ResourceScope,
  allowed: readonly ResourceScope[],
): Set<ScopeInteraction> {
  const permitted = new Set<ScopeInteraction>();
  for (const a of allowed) {
    if (a.context !== scope.context) continue;
    if (a.resourceType !== '*' && a.resourceType !== scope.resourceType) continue;
    // An unfiltered allowance covers any filter; a filtered one covers only the same filter.
    if (a.query !== undefined && a.query !== scope.query) continue;
    for (const i of a.interactions) permitted.add(i);
  }
  return permitted;
}

/** Spells a reduced scope in the requester's version; v1 can only say read and/or write. */
function spell(scope: ResourceScope, kept: readonly ScopeInteraction[]): string[] {
  if (kept.length === 0) return [];
  const prefix = `${scope.context}/${scope.resourceType}`;
  if (scope.version === 2) {
    return [`${prefix}.${kept.join('')}${scope.query === undefined ? '' : `?${scope.query}`}`];
  }
  const has = (...letters: ScopeInteraction[]): boolean => letters.every((l) => kept.includes(l));
  const out: string[] = [];
  if (has('r', 's')) out.push(`${prefix}.read`);
  if (has('c', 'u', 'd')) out.push(`${prefix}.write`);
  return out;
}
