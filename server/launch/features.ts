/**
 * What the EHR's grant lets RevenuePilot do. The EHR may grant fewer scopes than asked; each
 * product feature that needs a missing permission is switched off with the reason in words.
 *
 * @module
 */
import { parseScopes, scopesAllow, type ScopeInteraction } from '../../launch/scopes.ts';
import type { FeatureState } from '../contract/launch-session.ts';

interface FeatureRule {
  readonly id: FeatureState['id'];
  readonly label: string;
  readonly needs: readonly (readonly [resourceType: string, interaction: ScopeInteraction, what: string])[];
  readonly needsScopes?: readonly string[];
  readonly reason: string;
}

const RULES: readonly FeatureRule[] = [
  {
    id: 'context',
    label: 'Patient context',
    needs: [['Patient', 'r', 'read the patient (Patient)']],
    reason: 'The EHR did not grant permission to read the patient record (Patient).',
  },
  {
    id: 'note-writeback',
    label: 'File the note in the EHR',
    needs: [['DocumentReference', 'c', 'file notes (DocumentReference)']],
    reason: 'The EHR did not grant permission to file notes (DocumentReference create).',
  },
  {
    id: 'diagnosis-writeback',
    label: 'Send diagnoses to the EHR',
    needs: [['Condition', 'c', 'add diagnoses (Condition)']],
    reason: 'The EHR did not grant permission to add diagnoses (Condition create).',
  },
  {
    id: 'user-identity',
    label: 'Signed-in clinician',
    needs: [],
    needsScopes: ['openid', 'fhirUser'],
    reason: 'The EHR did not share who is signed in (openid fhirUser), so notes cannot name their author.',
  },
];

export function featuresFor(grantedScope: string): FeatureState[] {
  const granted = parseScopes(grantedScope);
  return RULES.map((rule) => {
    const enabled =
      rule.needs.every(([type, interaction]) =>
        scopesAllow(granted, type, interaction, ['patient', 'user']),
      ) && (rule.needsScopes ?? []).every((scope) => granted.other.has(scope));
    return enabled
      ? { id: rule.id, label: rule.label, enabled }
      : { id: rule.id, label: rule.label, enabled, reason: rule.reason };
  });
}
