/**
 * Narrative DiagnosticReports for studies read by someone else (an urgent-care radiograph, a
 * referring office's ECG): the reader's conclusion plus the full report as a `text/plain`
 * attachment. The coding engine needs these to tell "reviewed the report" from "interpreted the
 * images or tracing myself".
 *
 * @module
 */
import type {
  DiagnosticReport,
  Encounter,
  Organization,
  Patient,
  Practitioner,
  Reference,
} from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { encodeText } from './document.ts';
import { SYSTEM } from './systems.ts';
import type { Coded } from './systems.ts';

/** HL7 v2 table 0074 diagnostic service sections the fixtures use. */
const SECTION = {
  RAD: 'Radiology',
  EC: 'Electrocardiac (e.g., EKG, EEC, Holter)',
} as const;

/** LOINC report codes the fixtures use. */
export const REPORT_TYPE = {
  imaging: { code: '18748-4', display: 'Diagnostic imaging study' },
  ecg: { code: '11524-6', display: 'EKG study' },
} as const satisfies Record<string, Coded>;

export interface TextReportInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly type: Coded;
  /** What was done, in the reader's words, e.g. "XR ankle right, 3 views". */
  readonly title: string;
  readonly section: keyof typeof SECTION;
  /** FHIR dateTime with offset: when the study was done. */
  readonly effective: string;
  /** FHIR instant with offset: when the report was signed. */
  readonly issued: string;
  readonly performer: Reference<Practitioner | Organization>;
  readonly conclusion: string;
  /** The full report text. */
  readonly text: string;
  readonly encounter?: Reference<Encounter>;
}

export function buildTextReport(input: TextReportInput): WithId<DiagnosticReport> {
  return {
    resourceType: 'DiagnosticReport',
    id: input.id,
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v2-0074',
            code: input.section,
            display: SECTION[input.section],
          },
        ],
      },
    ],
    code: { coding: [{ system: SYSTEM.loinc, ...input.type }], text: input.title },
    subject: input.patient,
    ...(input.encounter === undefined ? {} : { encounter: input.encounter }),
    effectiveDateTime: input.effective,
    issued: input.issued,
    performer: [input.performer],
    conclusion: input.conclusion,
    presentedForm: [
      { contentType: 'text/plain', data: encodeText(input.text), title: input.title, creation: input.issued },
    ],
  };
}
