/**
 * Status codes for long-term drug therapy, from the chart's active medications: an anticoagulant
 * (Z79.01), oral hypoglycemics with diabetes (Z79.84), insulin with type 2 diabetes (Z79.4; never
 * with type 1, where insulin is part of the disease). Each cites the MedicationRequest.
 *
 * @module
 */
import type { FhirEvidence } from '../../contract/note-draft.ts';
import type { ClinicalContext, MedicationItem } from '../../contract/clinical-context.ts';

export interface DrugStatusCode {
  readonly code: string;
  readonly rationale: string;
  readonly evidence: readonly FhirEvidence[];
}

const ANTICOAGULANT =
  /\b(?:apixaban|eliquis|rivaroxaban|xarelto|warfarin|coumadin|jantoven|dabigatran|pradaxa|edoxaban|savaysa|enoxaparin|lovenox)\b/i;
const ORAL_HYPOGLYCEMIC =
  /\b(?:metformin|glipizide|glyburide|glimepiride|sitagliptin|linagliptin|saxagliptin|alogliptin|empagliflozin|dapagliflozin|canagliflozin|ertugliflozin|pioglitazone|rosiglitazone|repaglinide|nateglinide|januvia|jardiance|farxiga|invokana|glucophage|rybelsus)\b/i;
const INSULIN = /\binsulin\b|\b(?:lantus|humalog|novolog|levemir|tresiba|basaglar|toujeo)\b/i;

function activeMedications(context: ClinicalContext | undefined): MedicationItem[] {
  if (!context || context.medications.status !== 'ok') return [];
  return context.medications.data.filter((m) => m.status === 'active');
}

function evidenceOf(meds: readonly MedicationItem[]): FhirEvidence[] {
  return meds.map((m) => ({ kind: 'fhir', ref: m.ref, label: m.display }));
}

/** `codes`: the diagnoses chosen so far, to know which diabetes the patient has. */
export function drugStatusCodes(
  context: ClinicalContext | undefined,
  codes: readonly string[],
): DrugStatusCode[] {
  const meds = activeMedications(context);
  const out: DrugStatusCode[] = [];
  const anticoagulants = meds.filter((m) => ANTICOAGULANT.test(m.display));
  if (anticoagulants.length > 0) {
    out.push({
      code: 'Z79.01',
      rationale: 'on a long-term anticoagulant',
      evidence: evidenceOf(anticoagulants),
    });
  }
  const type2 = codes.some((c) => c.startsWith('E11'));
  const anyDiabetes = type2 || codes.some((c) => c.startsWith('E10'));
  const oral = meds.filter((m) => ORAL_HYPOGLYCEMIC.test(m.display));
  if (anyDiabetes && oral.length > 0) {
    out.push({
      code: 'Z79.84',
      rationale: 'on long-term oral hypoglycemic drugs',
      evidence: evidenceOf(oral),
    });
  }
  const insulin = meds.filter((m) => INSULIN.test(m.display));
  if (type2 && insulin.length > 0) {
    out.push({
      code: 'Z79.4',
      rationale: 'type 2 diabetes on long-term insulin',
      evidence: evidenceOf(insulin),
    });
  }
  return out;
}
