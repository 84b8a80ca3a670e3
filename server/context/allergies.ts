/**
 * Allergies and intolerances, with their reactions. Inactive, resolved, refuted and entered-in-
 * error entries are left out; a reviewed "no known allergies" statement is kept, because it says
 * something an empty list does not.
 *
 * @module
 */
import type { AllergyIntoleranceReaction, CodeableConcept } from '@medplum/fhirtypes';
import type { AllergyItem } from '../contract/clinical-context.ts';
import { asList, capList, collect, LIST_CAPS, skippedWarnings } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import { conceptText, firstCode, refOf, resourceOf, str } from './fhir-values.ts';
import type { PanelData } from './panel.ts';

const HIDDEN_CLINICAL = new Set(['inactive', 'resolved']);
const HIDDEN_VERIFICATION = new Set(['entered-in-error', 'refuted']);

function reactionsOf(reactions: unknown): string[] {
  if (!Array.isArray(reactions)) return [];
  const words = reactions.flatMap((reaction: AllergyIntoleranceReaction) => {
    const manifestations: unknown = reaction?.manifestation;
    const texts = Array.isArray(manifestations)
      ? manifestations.map((m) => conceptText(m as CodeableConcept)).filter((t) => t !== '')
      : [];
    return texts.length > 0 ? texts : [str(reaction?.description)].filter((t): t is string => !!t);
  });
  return [...new Set(words)];
}

/** An AllergyIntolerance as an allergy-list item; undefined when it names no substance. */
export function normaliseAllergy(
  value: unknown,
): (AllergyItem & { verificationStatus?: string }) | undefined {
  const allergy = resourceOf(value, 'AllergyIntolerance');
  if (!allergy) return undefined;
  const display = conceptText(allergy.code);
  if (display === '') return undefined;
  const criticality = str(allergy.criticality);
  const clinicalStatus = firstCode(allergy.clinicalStatus);
  const verificationStatus = firstCode(allergy.verificationStatus);
  const category = Array.isArray(allergy.category)
    ? allergy.category.filter((c) => typeof c === 'string')
    : undefined;
  return {
    ref: refOf(allergy),
    display,
    ...(criticality ? { criticality } : {}),
    ...(clinicalStatus ? { clinicalStatus } : {}),
    ...(verificationStatus ? { verificationStatus } : {}),
    ...(category && category.length > 0 ? { category } : {}),
    reactions: reactionsOf(allergy.reaction),
  };
}

/** Whether an allergy belongs on the list the clinician sees. */
export function isCurrentAllergy(item: AllergyItem & { verificationStatus?: string }): boolean {
  if (item.clinicalStatus && HIDDEN_CLINICAL.has(item.clinicalStatus)) return false;
  return !(item.verificationStatus && HIDDEN_VERIFICATION.has(item.verificationStatus));
}

/** High criticality first, then by name. */
function byCriticalityThenName(a: AllergyItem, b: AllergyItem): number {
  const rank = (x: AllergyItem) => (x.criticality === 'high' ? 0 : 1);
  return rank(a) - rank(b) || a.display.localeCompare(b.display, 'en', { sensitivity: 'base' });
}

export async function loadAllergies(
  reader: FhirReader,
  patientId: string,
): Promise<PanelData<readonly AllergyItem[]>> {
  const resources = asList(await reader.search('AllergyIntolerance', { patient: patientId }));
  const { items, skipped } = collect(resources, normaliseAllergy);
  const current = items
    .filter(isCurrentAllergy)
    .map(({ verificationStatus: _omit, ...item }): AllergyItem => item)
    .sort(byCriticalityThenName);
  const capped = capList('allergies', current, LIST_CAPS.allergies);
  return { data: capped.items, warnings: [...skippedWarnings('allergies', skipped), ...capped.warnings] };
}
