/**
 * Recent notes: the patient's ten newest DocumentReferences (type, date, author, status), listed
 * newest first. Bodies are not fetched here: the list is for orientation, and note text is PHI
 * the context does not need to carry.
 *
 * @module
 */
import type { Reference } from '@medplum/fhirtypes';
import type { NoteSummary } from '../contract/clinical-context.ts';
import { asList, capList, collect, LIST_CAPS, skippedWarnings } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import { conceptText, newestFirst, refOf, resourceOf, str } from './fhir-values.ts';
import type { PanelData } from './panel.ts';

/** A DocumentReference as a note-list item; undefined when it is not one with an id and a status. */
export function normaliseNote(value: unknown): NoteSummary | undefined {
  const doc = resourceOf(value, 'DocumentReference');
  const status = str(doc?.status);
  if (!doc || !status) return undefined;
  const type = conceptText(doc.type) || str(doc.description) || 'Clinical note';
  const date = str(doc.date) ?? str(doc.context?.period?.start);
  const authors: unknown = doc.author;
  const author = Array.isArray(authors) ? str((authors[0] as Reference | undefined)?.display) : undefined;
  const docStatus = str(doc.docStatus);
  return {
    ref: refOf(doc),
    type,
    ...(date ? { date } : {}),
    ...(author ? { author } : {}),
    status,
    ...(docStatus ? { docStatus } : {}),
  };
}

export async function loadNotes(
  reader: FhirReader,
  patientId: string,
): Promise<PanelData<readonly NoteSummary[]>> {
  const docs = asList(
    await reader.search(
      'DocumentReference',
      { patient: patientId, _sort: '-date', _count: '10' },
      { maxPages: 1 },
    ),
  );
  const { items, skipped } = collect(docs, normaliseNote);
  const shown = items
    .filter((n) => n.status !== 'entered-in-error')
    .sort((a, b) => newestFirst(a.date, b.date));
  const capped = capList('notes', shown, LIST_CAPS.notes);
  return { data: capped.items, warnings: [...skippedWarnings('notes', skipped), ...capped.warnings] };
}
