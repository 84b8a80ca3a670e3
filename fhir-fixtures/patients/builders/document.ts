/**
 * DocumentReferences for prior notes: a short fictional note as a base64 `text/plain` attachment,
 * tied to the finished prior encounter that produced it.
 *
 * @module
 */
import type {
  DocumentReference,
  Encounter,
  Organization,
  Patient,
  Period,
  Practitioner,
  Reference,
} from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { SYSTEM } from './systems.ts';

/** LOINC document types the fixtures use. */
export const NOTE_TYPE = {
  progressNote: { code: '11506-3', display: 'Progress note' },
  historyAndPhysical: { code: '34117-2', display: 'History and physical note' },
  consultNote: { code: '11488-4', display: 'Consult note' },
  imagingStudy: { code: '18748-4', display: 'Diagnostic imaging study' },
} as const;

export interface NoteInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly author: Reference<Practitioner | Organization>;
  readonly type: (typeof NOTE_TYPE)[keyof typeof NOTE_TYPE];
  readonly title: string;
  readonly text: string;
  /** The finished encounter the note documents. */
  readonly encounter: Reference<Encounter>;
  /** When the note was signed, FHIR instant/dateTime with offset. */
  readonly date: string;
  /** The encounter's period, copied so Oracle-style readers find `context.period`. */
  readonly period: Period;
  /** Organisation holding the original, for notes received from outside. */
  readonly custodian?: Reference<Organization>;
}

export function encodeText(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function buildNote(input: NoteInput): WithId<DocumentReference> {
  return {
    resourceType: 'DocumentReference',
    id: input.id,
    status: 'current',
    docStatus: 'final',
    type: {
      coding: [{ system: SYSTEM.loinc, code: input.type.code, display: input.type.display }],
      text: input.type.display,
    },
    category: [
      {
        coding: [{ system: SYSTEM.usCoreDocumentCategory, code: 'clinical-note', display: 'Clinical Note' }],
      },
    ],
    subject: input.patient,
    date: input.date,
    author: [input.author],
    authenticator: input.author,
    ...(input.custodian === undefined ? {} : { custodian: input.custodian }),
    description: input.title,
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          data: encodeText(input.text),
          title: input.title,
          creation: input.date,
        },
      },
    ],
    context: {
      encounter: [input.encounter],
      period: { ...input.period },
    },
  };
}
