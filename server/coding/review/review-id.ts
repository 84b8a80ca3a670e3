/**
 * The id an encounter goes by in the review routes: its patient and encounter ids (the
 * registration is always the caller's) as one URL-safe token, so an empty encounter id (a
 * standalone launch) needs no special path. Not a secret and not a capability: every route
 * still checks the caller's role and registration.
 *
 * @module
 */
import type { EncounterKey } from '../store/code-suggestion-store.ts';

export function reviewIdOf(key: Pick<EncounterKey, 'patientId' | 'encounterId'>): string {
  return Buffer.from(JSON.stringify([key.patientId, key.encounterId]), 'utf8').toString('base64url');
}

/** The patient and encounter ids, or undefined for anything `reviewIdOf` did not make. */
export function parseReviewId(id: string): { patientId: string; encounterId: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(id)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      value[0] !== '' &&
      typeof value[1] === 'string'
    ) {
      return { patientId: value[0], encounterId: value[1] };
    }
  } catch {
    // not JSON: not one of ours
  }
  return undefined;
}
