/**
 * What a bearer token may do, per resource type and SMART interaction (c r u d s).
 * A grant allows an interaction when some scope covers it; each covering scope adds a condition
 * a resource must meet: `patient/` scopes fence compartment types to the launch patient,
 * v2 query scopes (`patient/Observation.rs?category=vital-signs`) add their filter. `user/` and
 * `system/` scopes without a filter allow every resource of the type (the user's view).
 *
 * @module
 */
import { matchesSearchRequest, parseSearchRequest, type SearchRequest } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { scopesAllow, type ScopeInteraction } from '../../../launch/scopes.ts';
import type { AccessGrant } from '../grants.ts';
import { isInPatientCompartment, isPatientCompartmentType } from './compartment.ts';

export interface AccessCondition {
  /** The resource must be in this patient's compartment. */
  readonly patientId?: string;
  /** The resource must match this search (v2 scope filter). */
  readonly query?: SearchRequest;
}

export type Access =
  | { readonly allowed: true; readonly conditions: 'all' | readonly AccessCondition[] }
  | { readonly allowed: false; readonly reason: string };

export type AccessPolicy = (resourceType: string, interaction: ScopeInteraction) => Access;

/** The loader's and the EHR's own view: everything. */
export const FULL_ACCESS: AccessPolicy = () => ({ allowed: true, conditions: 'all' });

const VERB: Readonly<Record<ScopeInteraction, string>> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};

export function accessForGrant(grant: AccessGrant): AccessPolicy {
  return (resourceType, interaction) => {
    const refused = `The token's scopes do not allow ${VERB[interaction]} on ${resourceType} (needs e.g. patient/${resourceType}.${interaction} or user/${resourceType}.${interaction})`;
    if (!scopesAllow(grant.scopes, resourceType, interaction)) return { allowed: false, reason: refused };
    const fenced = isPatientCompartmentType(resourceType);
    const conditions: AccessCondition[] = [];
    for (const scope of grant.scopes.resources) {
      if (scope.resourceType !== '*' && scope.resourceType !== resourceType) continue;
      if (!scope.interactions.has(interaction)) continue;
      const needsPatient = scope.context === 'patient' && fenced;
      if (needsPatient && !grant.patient) continue; // a patient scope with no patient in context covers nothing
      const condition: AccessCondition = {
        ...(needsPatient ? { patientId: grant.patient } : {}),
        ...(scope.query ? { query: parseSearchRequest(`${resourceType}?${scope.query}`) } : {}),
      };
      if (!condition.patientId && !condition.query) return { allowed: true, conditions: 'all' };
      conditions.push(condition);
    }
    if (conditions.length === 0) {
      return {
        allowed: false,
        reason: `${refused}; patient-level scopes need a patient in the launch context`,
      };
    }
    return { allowed: true, conditions };
  };
}

/** Whether `resource` meets at least one of the conditions. */
export function permits(access: Access & { allowed: true }, resource: Resource): boolean {
  if (access.conditions === 'all') return true;
  return access.conditions.some(
    (c) =>
      (!c.patientId || isInPatientCompartment(resource, c.patientId)) &&
      (!c.query || matchesSearchRequest(resource, c.query)),
  );
}

/** The one patient every condition is fenced to, when there is one (for refusing other patients' searches). */
export function fencedPatient(access: Access & { allowed: true }): string | undefined {
  if (access.conditions === 'all') return undefined;
  const ids = new Set(access.conditions.map((c) => c.patientId));
  const [only] = ids;
  return ids.size === 1 ? only : undefined;
}
