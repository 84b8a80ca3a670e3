/**
 * The patient's chart as the plugin sees it: one `ClinicalContext` per launch, built by
 * `server/context` from FHIR R4 reads and served by `GET /api/launches/:launchId/context`.
 * Types (and the panel list) only, so `plugin/` may import them. Every item keeps its FHIR reference (`ref`), which
 * later features cite as evidence.
 *
 * @module
 */

/** A panel either has data, or says in words a clinician understands why it has none. */
export type Panel<T> =
  | { readonly status: 'ok'; readonly data: T; readonly warnings?: readonly string[] }
  | {
      readonly status: 'unavailable';
      /** Shown as is: "Allergies could not be loaded from the EHR; the rest is current." */
      readonly reason: string;
      /** `not_granted`: the EHR's grant does not cover it; `failed`: the read failed; `malformed`: the EHR answered with something we cannot read. */
      readonly cause: 'not_granted' | 'failed' | 'malformed';
      readonly retryable: boolean;
    };

/** `Patient/123`, `Condition/abc`: the resource an item came from. */
export type FhirRef = string;

export interface Coded {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export interface PatientSummary {
  readonly ref: FhirRef;
  readonly name: string;
  readonly birthDate?: string;
  /** "67 y", "18 m": from `@medplum/core`'s age helpers, at the visit date. */
  readonly age?: string;
  readonly gender?: string;
  /** Medical record number, when the Patient carries an MR identifier. */
  readonly mrn?: string;
}

export interface EncounterSummary {
  readonly ref: FhirRef;
  readonly status: string;
  /** "ambulatory", "virtual", … */
  readonly class?: string;
  readonly type?: string;
  readonly start?: string;
  readonly end?: string;
  readonly reasons: readonly string[];
  readonly location?: string;
}

export interface ProblemItem {
  readonly ref: FhirRef;
  readonly display: string;
  /** The ICD-10-CM coding when the Condition has one. */
  readonly icd10?: Coded;
  readonly snomed?: Coded;
  readonly clinicalStatus?: string;
  readonly verificationStatus?: string;
  readonly category?: string;
  readonly onset?: string;
}

export interface MedicationItem {
  readonly ref: FhirRef;
  readonly display: string;
  readonly rxnorm?: Coded;
  readonly status: string;
  /** The dosage instruction as written ("1 tablet by mouth twice daily"). */
  readonly dosage?: string;
  readonly authoredOn?: string;
}

export interface AllergyItem {
  readonly ref: FhirRef;
  readonly display: string;
  readonly criticality?: string;
  readonly clinicalStatus?: string;
  readonly category?: readonly string[];
  readonly reactions: readonly string[];
}

export interface VitalPoint {
  readonly ref: FhirRef;
  readonly effective: string;
  readonly value: number;
  /** Diastolic, for blood pressure. */
  readonly value2?: number;
}

export interface VitalSeries {
  /** LOINC code of the vital (85354-9 blood pressure, 8867-4 heart rate, …). */
  readonly code: string;
  readonly label: string;
  readonly unit: string;
  /** Oldest first, at most the last 20 readings. */
  readonly points: readonly VitalPoint[];
  /** The newest point, formatted ("128/78 mmHg"). */
  readonly latestDisplay: string;
  readonly trend: 'up' | 'down' | 'flat' | null;
}

export type LabFlag = 'high' | 'low' | 'abnormal' | 'critical';

export interface LabResult {
  readonly ref: FhirRef;
  readonly display: string;
  readonly loinc?: string;
  /** Formatted value with unit ("7.8 %", "Negative"). */
  readonly value: string;
  readonly effective?: string;
  readonly flag: LabFlag | null;
  readonly referenceRange?: string;
}

export type PayerType = 'medicare' | 'medicaid' | 'commercial' | 'self-pay' | 'other';

export interface CoverageSummary {
  readonly ref: FhirRef;
  readonly payerName: string;
  readonly payerType: PayerType;
  readonly planName?: string;
  readonly status: string;
  readonly periodStart?: string;
  readonly periodEnd?: string;
}

export interface PractitionerSummary {
  readonly ref: FhirRef;
  readonly name: string;
  readonly npi?: string;
}

export interface NoteSummary {
  readonly ref: FhirRef;
  readonly type: string;
  readonly date?: string;
  readonly author?: string;
  readonly status: string;
  readonly docStatus?: string;
}

export interface ClinicalContext {
  /** ISO instant the reads finished. */
  readonly fetchedAt: string;
  /** Without the patient there is no context: a failed Patient read fails the whole request. */
  readonly patient: PatientSummary;
  readonly encounter: Panel<EncounterSummary | null>;
  readonly problems: Panel<readonly ProblemItem[]>;
  readonly medications: Panel<readonly MedicationItem[]>;
  readonly allergies: Panel<readonly AllergyItem[]>;
  readonly vitals: Panel<readonly VitalSeries[]>;
  readonly labs: Panel<readonly LabResult[]>;
  readonly coverage: Panel<readonly CoverageSummary[]>;
  readonly practitioner: Panel<PractitionerSummary | null>;
  readonly notes: Panel<readonly NoteSummary[]>;
}

export type PanelName = Exclude<keyof ClinicalContext, 'fetchedAt' | 'patient'>;

/** Every panel, in display order: what a clinician scans first comes first. */
export const PANEL_NAMES = [
  'encounter',
  'problems',
  'medications',
  'allergies',
  'vitals',
  'labs',
  'coverage',
  'practitioner',
  'notes',
] as const satisfies readonly PanelName[];
