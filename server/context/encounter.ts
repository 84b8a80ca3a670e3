/**
 * The visit the app was launched in (or, when the EHR names none, the patient's most recent one):
 * status, setting, type, times, why the patient came and where.
 *
 * @module
 */
import type { CodeableConcept, Encounter, Reference } from '@medplum/fhirtypes';
import type { EncounterSummary } from '../contract/clinical-context.ts';
import { asList } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import { conceptText, refOf, resourceOf, str } from './fhir-values.ts';
import { UnreadableResourceError, type PanelData } from './panel.ts';

/** v3 ActCode encounter classes in the words the plugin shows. */
const CLASS_WORDS: Readonly<Record<string, string>> = {
  AMB: 'ambulatory',
  VR: 'virtual',
  IMP: 'inpatient',
  ACUTE: 'inpatient',
  NONAC: 'inpatient',
  EMER: 'emergency',
  HH: 'home health',
  FLD: 'field',
  OBSENC: 'observation',
  PRENC: 'pre-admission',
  SS: 'short stay',
};

function classOf(encounter: Encounter): string | undefined {
  const cls = encounter.class as Encounter['class'] | undefined;
  if (!cls || typeof cls !== 'object') return undefined;
  const code = str(cls.code);
  return (code ? CLASS_WORDS[code] : undefined) ?? str(cls.display) ?? code;
}

function textsOf(concepts: unknown): string[] {
  if (!Array.isArray(concepts)) return [];
  return concepts.map((c) => conceptText(c as CodeableConcept)).filter((t) => t !== '');
}

function displaysOf(references: unknown): string[] {
  if (!Array.isArray(references)) return [];
  return references.map((r) => str((r as Reference | undefined)?.display)).filter((d): d is string => !!d);
}

function locationOf(encounter: Encounter): string | undefined {
  const locations: unknown = encounter.location;
  if (Array.isArray(locations)) {
    for (const entry of locations) {
      const display = str((entry as { location?: Reference } | undefined)?.location?.display);
      if (display) return display;
    }
  }
  return str(encounter.serviceProvider?.display);
}

/** An Encounter as the context shows it; undefined when it is not an Encounter with an id and a status. */
export function normaliseEncounter(value: unknown): EncounterSummary | undefined {
  const encounter = resourceOf(value, 'Encounter');
  const status = str(encounter?.status);
  if (!encounter || !status) return undefined;
  const cls = classOf(encounter);
  const type = textsOf(encounter.type)[0];
  const start = str(encounter.period?.start);
  const end = str(encounter.period?.end);
  const location = locationOf(encounter);
  const reasons = [...new Set([...textsOf(encounter.reasonCode), ...displaysOf(encounter.reasonReference)])];
  return {
    ref: refOf(encounter),
    status,
    ...(cls ? { class: cls } : {}),
    ...(type ? { type } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    reasons,
    ...(location ? { location } : {}),
  };
}

/** The launch encounter, else the patient's most recent one (null when the patient has none). */
export async function loadEncounter(
  reader: FhirReader,
  patientId: string,
  encounterId: string | undefined,
): Promise<PanelData<EncounterSummary | null>> {
  if (encounterId !== undefined) {
    const summary = normaliseEncounter(await reader.read('Encounter', encounterId));
    if (!summary) throw new UnreadableResourceError('The launch encounter could not be read');
    return { data: summary, warnings: [] };
  }
  const found = asList(
    await reader.search('Encounter', { patient: patientId, _sort: '-date', _count: '1' }, { maxPages: 1 }),
  );
  if (found.length === 0) return { data: null, warnings: [] };
  const summary = normaliseEncounter(found[0]);
  if (!summary) throw new UnreadableResourceError('The most recent encounter could not be read');
  return { data: summary, warnings: [] };
}
