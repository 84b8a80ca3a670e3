/**
 * Code suggestions as the plugin and the billing queue show them: ICD-10-CM diagnoses, the E/M
 * level with each MDM element's reasoning, add-ons, HCC flags and documentation findings. Every
 * suggestion carries the evidence it rests on (the same `Evidence` a draft sentence carries) and a
 * calibrated confidence. Types only, so `plugin/` may import them.
 *
 * @module
 */
import type { PayerType } from './clinical-context.ts';
import type { Evidence } from './note-draft.ts';

/** One ICD-10-CM row as loaded from a CMS release (or the shipped seed). */
export interface Icd10CmCode {
  /** Dotted, upper case: `E11.65`. */
  readonly code: string;
  /** Only billable (leaf) codes may be reported; headers are not. */
  readonly billable: boolean;
  readonly description: string;
}

/** A typeahead hit: the code, whether it can be billed, and why it matched (for highlighting). */
export interface CodeSearchHit extends Icd10CmCode {
  readonly score: number;
  /** `code`: a code prefix; `words`: description words; `abbreviation`: e.g. HTN → hypertension. */
  readonly matchedBy: 'code' | 'words' | 'abbreviation';
}

export interface CodeSearchResult {
  /** The fiscal year of the loaded release (`2026`), or `seed` for the shipped seed set. */
  readonly release: string;
  readonly hits: readonly CodeSearchHit[];
}

export type MdmLevel = 'straightforward' | 'low' | 'moderate' | 'high';

export type NewPatientEmCode = '99202' | '99203' | '99204' | '99205';
export type EstablishedPatientEmCode = '99211' | '99212' | '99213' | '99214' | '99215';
export type EmCode = NewPatientEmCode | EstablishedPatientEmCode;

export type PatientStatus = 'new' | 'established';

/** How a problem addressed at this visit counts for MDM (the rows of the AMA problems column). */
export type ProblemKind =
  | 'self_limited' // minor, self-limited
  | 'stable_chronic' // chronic, at treatment goal
  | 'acute_uncomplicated' // acute, uncomplicated illness or injury
  | 'stable_acute'
  | 'acute_uncomplicated_inpatient' // acute uncomplicated needing inpatient or observation care
  | 'chronic_exacerbation' // chronic with exacerbation, progression or side effects (incl. not at goal)
  | 'undiagnosed_uncertain' // undiagnosed new problem with uncertain prognosis
  | 'acute_systemic' // acute illness with systemic symptoms
  | 'acute_complicated_injury'
  | 'chronic_severe_exacerbation'
  | 'threat_to_life'; // acute or chronic illness or injury posing a threat to life or bodily function

export interface ProblemAddressed {
  /** Plain words: "Hypertension, not at goal". */
  readonly label: string;
  readonly kind: ProblemKind;
  readonly evidence: readonly Evidence[];
}

/** Something counted in the MDM data column, with what it was. */
export interface DataItem {
  /** "Lipid panel", "Referral letter from primary care". */
  readonly label: string;
  /** Identity for "each unique test counts once" (a LOINC or CPT code, or the normalised name). */
  readonly key: string;
  readonly evidence: readonly Evidence[];
  /**
   * For a result reviewed: the same practitioner (or group) ordered the test at an earlier
   * encounter. Ordering includes reviewing the result, so the review was credited then and does
   * not count again at this visit.
   */
  readonly orderedAtPriorEncounter?: boolean;
}

export interface DataElements {
  /** External notes reviewed, one per unique source. */
  readonly externalNotes: readonly DataItem[];
  readonly testsReviewed: readonly DataItem[];
  /** Ordering a test includes reviewing its result: a test ordered and reviewed counts once. */
  readonly testsOrdered: readonly DataItem[];
  /** Assessment needing an independent historian (parent, carer), when one was used. */
  readonly independentHistorian?: DataItem;
  /** Independent interpretation of a test performed by another physician (e.g. an outside ECG). */
  readonly independentInterpretations: readonly DataItem[];
  /** Discussion of management with an external physician or QHP. */
  readonly externalDiscussions: readonly DataItem[];
}

export type RiskLevel = 'minimal' | 'low' | 'moderate' | 'high';

export interface RiskItem {
  readonly level: RiskLevel;
  /** "Prescription drug management: amlodipine started". */
  readonly label: string;
  readonly evidence: readonly Evidence[];
}

/** What the extractor found in the documentation; the E/M engine decides from this alone. */
export interface EmFacts {
  readonly patientStatus: PatientStatus;
  /** Which evidence decided new or established (the encounter type, the visit's words, the chart). */
  readonly patientStatusBasis?: { readonly reason: string; readonly evidence: readonly Evidence[] };
  readonly payerType: PayerType;
  readonly problems: readonly ProblemAddressed[];
  readonly data: DataElements;
  readonly risks: readonly RiskItem[];
  /** Total practitioner time on the date of the encounter, when the note states it. */
  readonly totalTimeMinutes?: number;
  readonly timeEvidence?: readonly Evidence[];
  /** The practitioner is the continuing focal point for the patient's care (G2211), with why. */
  readonly continuingCare?: { readonly reason: string; readonly evidence: readonly Evidence[] };
  /** A separately billed procedure on the same day means modifier 25, which blocks G2211. */
  readonly modifier25?: boolean;
  /** When modifier 25 is for an annual wellness visit, vaccine or Part B preventive service (G2211 allowed). */
  readonly modifier25PreventiveOnly?: boolean;
}

/** One MDM column: the level it reaches and why, in sentences a coder would write. */
export interface MdmElementResult {
  readonly level: MdmLevel;
  readonly reasoning: readonly string[];
  readonly evidence: readonly Evidence[];
}

export interface AddOnCode {
  /** `G2211`, `99417`, `G2212`. */
  readonly code: string;
  readonly units: number;
  readonly reasoning: string;
  readonly evidence: readonly Evidence[];
}

/** An add-on a reviewer might expect, deliberately not suggested, with why (for the clinician). */
export interface AddOnNotSuggested {
  readonly code: string;
  readonly reason: string;
}

export interface EmResult {
  readonly code: EmCode;
  readonly patientStatus: PatientStatus;
  /** Which rule chose the level: the higher of MDM and time when both are documented. */
  readonly basis: 'mdm' | 'time';
  readonly mdm: {
    readonly problems: MdmElementResult;
    readonly data: MdmElementResult;
    readonly risk: MdmElementResult;
    readonly overall: MdmLevel;
    /** "Moderate: problems (moderate) and risk (moderate) meet it; data (high) is not needed." */
    readonly reasoning: string;
    readonly code: EmCode;
  };
  /** The level total time supports, when time is documented. */
  readonly time?: { readonly minutes: number; readonly code: EmCode | undefined; readonly reasoning: string };
  readonly addOns: readonly AddOnCode[];
  readonly addOnsNotSuggested: readonly AddOnNotSuggested[];
}

/** A suggested ICD-10-CM diagnosis, billable in the loaded release. */
export interface DiagnosisSuggestion {
  readonly code: string;
  readonly description: string;
  /** 1 = first listed: the main reason for the visit. */
  readonly rank: number;
  readonly evidence: readonly Evidence[];
  /** Calibrated probability that a certified coder would report this code for this visit. */
  readonly confidence: number;
  /** Why this code and this specificity. */
  readonly rationale: string;
}

/** A CMS-HCC category a suggested diagnosis maps to, after hierarchies, with its MEAT check. */
export interface HccFlag {
  /** `HCC37`. */
  readonly hcc: string;
  readonly label: string;
  readonly model: string;
  readonly diagnosisCodes: readonly string[];
  /** Categories this one drops under the model's hierarchy. */
  readonly supersedes: readonly string[];
  readonly meat: {
    readonly met: boolean;
    /** Which of Monitor, Evaluate, Assess/Address, Treat the visit documents. */
    readonly elements: readonly ('monitor' | 'evaluate' | 'assess' | 'treat')[];
    readonly evidence: readonly Evidence[];
  };
}

export type FindingKind =
  | 'code_without_support'
  | 'level_not_supported'
  | 'time_without_statement'
  | 'missing_specificity'
  | 'uncertain_diagnosis_coded'
  | 'cloned_text'
  | 'meat_missing';

export interface DocumentationFinding {
  readonly kind: FindingKind;
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  /** What to add or change ("State the laterality of the otitis media: left, right or both"). */
  readonly suggestedFix: string;
  /** The code or section it concerns, when one. */
  readonly code?: string;
  readonly evidence: readonly Evidence[];
}

export interface CodeSuggestions {
  readonly release: string;
  readonly diagnoses: readonly DiagnosisSuggestion[];
  readonly em: EmResult;
  readonly hcc: readonly HccFlag[];
  readonly findings: readonly DocumentationFinding[];
}

/** Conditions spoken of but deliberately not coded, so a reviewer sees "why not X?". */
export interface WithheldDiagnosis {
  readonly label: string;
  readonly reason:
    'negated' | 'uncertain' | 'deferred' | 'not_addressed' | 'explained_by_diagnosis' | 'not_billable';
  readonly code?: string;
  readonly evidence: readonly Evidence[];
}

/** Non-E/M services stated in the visit (e.g. 99406 tobacco counselling), with why. */
export type ServiceCode = AddOnCode;

/** `POST /api/launches/:launchId/codes/suggest`: options a clinician or coder may set. */
export interface SuggestCodesRequest {
  /** Overrides the payer read from the chart's Coverage. */
  readonly payerType?: PayerType;
  /** Total time on the date of service, when the note does not state it. */
  readonly minutes?: number;
  readonly patientStatus?: PatientStatus;
}

/** The full answer for one encounter, as stored and served. */
export interface EncounterCodeSuggestions extends CodeSuggestions {
  readonly withheld: readonly WithheldDiagnosis[];
  readonly services: readonly ServiceCode[];
  /** The draft version the suggestions were made from (0 when made from input alone). */
  readonly draftVersion: number;
  readonly createdAt: string;
}

export type ReviewDecisionKind = 'accept' | 'change' | 'reject';

/** A billing specialist's decision on one suggested code, recorded with who and when. */
export interface CodeDecision {
  /** The suggested code decided on (`E11.65`, `99214`, `G2211`). */
  readonly code: string;
  readonly decision: ReviewDecisionKind;
  /** For `change`: the code reported instead. */
  readonly replacementCode?: string;
  /** Required for `change` and `reject`. */
  readonly reason?: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}
