/**
 * Shapes of the synthetic outpatient fixtures: a typed R4 bundle per patient, built for a given
 * visit date so "today's visit" is always today, plus the visit transcript and the answer a
 * certified coder would give. Every person and organisation here is fictional.
 *
 * @module
 */
import type { Bundle } from '@medplum/fhirtypes';

export type Specialty =
  'primary-care' | 'cardiology' | 'endocrinology' | 'paediatrics' | 'orthopaedics' | 'behavioural-health';

export type MdmLevel = 'straightforward' | 'low' | 'moderate' | 'high';

export interface GoldDiagnosis {
  /** ICD-10-CM, dotted (e.g. `E11.65`), billable in FY2026. */
  readonly code: string;
  readonly description: string;
  /** Why a coder picks it, quoting the transcript where possible. */
  readonly rationale: string;
}

export interface GoldAnswer {
  /** Facts a correct note must contain (numbers, drugs, doses, laterality verbatim). */
  readonly keyFacts: readonly string[];
  /** First listed = main reason for the visit. */
  readonly diagnoses: readonly GoldDiagnosis[];
  /** Conditions mentioned but deliberately NOT coded (negated, uncertain, not addressed), with why. */
  readonly notCoded: readonly { readonly text: string; readonly reason: string }[];
  readonly em: {
    readonly code: '99202' | '99203' | '99204' | '99205' | '99211' | '99212' | '99213' | '99214' | '99215';
    readonly patientStatus: 'new' | 'established';
    readonly basis: 'mdm' | 'time';
    readonly mdm: {
      readonly problems: { readonly level: MdmLevel; readonly rationale: string };
      readonly data: { readonly level: MdmLevel; readonly rationale: string };
      readonly risk: { readonly level: MdmLevel; readonly rationale: string };
      readonly overall: MdmLevel;
    };
    /** Total practitioner time stated in the visit, minutes, when stated. */
    readonly totalTimeMinutes?: number;
    /** Why this basis won, when MDM and time point to different levels (the higher one is billed). */
    readonly basisRationale?: string;
  };
  /** HCPCS/CPT add-ons (e.g. G2211) with why. */
  readonly addOns: readonly { readonly code: string; readonly rationale: string }[];
  /** Add-ons a reviewer might expect (G2211, prolonged time) that are deliberately not claimed, with why. */
  readonly addOnsNotClaimed?: readonly { readonly code: string; readonly reason: string }[];
}

export interface VisitFixture {
  /** Realistic doctor-patient conversation, speaker-labelled `DOCTOR:` / `PATIENT:` (others as needed). */
  readonly transcript: string;
  readonly gold: GoldAnswer;
}

export interface PatientFixture {
  /** Short stable key, e.g. `primary-care-diabetes`. */
  readonly key: string;
  readonly specialty: Specialty;
  /** One-line description for the EHR schedule, no PHI concerns (fictional). */
  readonly summary: string;
  readonly patientId: string;
  readonly encounterId: string;
  /** The clinician seeing the patient today, e.g. `Practitioner/rp-dr-okafor`. */
  readonly practitionerRef: string;
  /** Today's appointment time, HH:MM local, for the schedule. */
  readonly visitTime: string;
  /** A transaction bundle (PUT with fixed ids) for the visit on `today` (YYYY-MM-DD). */
  bundle(today: string): Bundle;
  readonly visit: VisitFixture;
}
