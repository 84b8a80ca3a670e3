/**
 * One visit's codes, from its coding document and the loaded code data: diagnoses with calibrated
 * confidence, the E/M level from the extracted facts, separately reported services, HCC flags with
 * MEAT, and the documentation findings. Pure: the service loads what it needs (code set, HCC map,
 * prior notes) and stores the answer; `npm run codes:suggest` calls the same function.
 *
 * @module
 */
import type { PayerType } from '../contract/clinical-context.ts';
import type { EncounterCodeSuggestions, SuggestCodesRequest } from '../contract/coding.ts';
import { diagnosisConfidence } from './confidence/confidence-model.ts';
import type { DiagnosisResult } from './diagnoses/suggest-diagnoses.ts';
import type { CodingDocument } from './document/coding-document.ts';
import { selectEmLevel } from './em/select-em-level.ts';
import { extractEmFacts, extractServiceAddOns } from './em-facts/extract-em-facts.ts';
import { documentationFindings } from './findings/documentation-findings.ts';
import type { PriorNote } from './findings/cloned-text.ts';
import { hccFlagsFor } from './hcc/hcc-flags.ts';
import type { HccModelData } from './hcc/hcc-model.ts';

export interface AssembleInputs {
  readonly doc: CodingDocument;
  readonly release: string;
  readonly diagnoses: DiagnosisResult;
  readonly request: SuggestCodesRequest;
  /** The HCC model's rows for the suggested codes; undefined when no HCC map is loaded. */
  readonly hccModel?: HccModelData;
  readonly priorNotes: readonly PriorNote[];
  readonly draftVersion: number;
  readonly now: Date;
}

/** The payer from the request, else the chart's first active coverage, else commercial rules. */
export function payerTypeOf(doc: CodingDocument, request: SuggestCodesRequest): PayerType {
  if (request.payerType) return request.payerType;
  const coverage = doc.context?.coverage.status === 'ok' ? doc.context.coverage.data : [];
  return coverage.find((c) => c.status === 'active')?.payerType ?? coverage[0]?.payerType ?? 'commercial';
}

export function assembleSuggestions(inputs: AssembleInputs): EncounterCodeSuggestions {
  const { doc, request } = inputs;
  const payerType = payerTypeOf(doc, request);
  const extracted = extractEmFacts(doc, {
    payerType,
    ...(request.patientStatus ? { patientStatus: request.patientStatus } : {}),
  });
  const timeStated = extracted.totalTimeMinutes !== undefined;
  const facts =
    !timeStated && request.minutes !== undefined
      ? { ...extracted, totalTimeMinutes: request.minutes }
      : extracted;
  const em = selectEmLevel(facts);

  const candidates = inputs.diagnoses.candidates;
  const diagnoses = candidates.map((c, i) => ({
    code: c.code,
    description: c.description,
    rank: i + 1,
    evidence: c.evidence,
    confidence: diagnosisConfidence(c.features, true),
    rationale: c.rationale,
  }));
  const hcc = inputs.hccModel
    ? hccFlagsFor(
        candidates.map((c) => ({ code: c.code, evidence: c.evidence })),
        inputs.hccModel,
        { inputText: doc.input.text },
      )
    : [];
  const withheld = inputs.diagnoses.notCoded.map(({ features: _features, ...w }) => w);
  const findings = documentationFindings({
    diagnoses: candidates,
    withheld,
    em,
    timeStated,
    ...(request.minutes !== undefined ? { requestedMinutes: request.minutes } : {}),
    hcc,
    visitText: doc.input.text,
    priorNotes: inputs.priorNotes,
  });
  return {
    release: inputs.release,
    diagnoses,
    em,
    hcc,
    findings,
    withheld,
    services: extractServiceAddOns(doc),
    draftVersion: inputs.draftVersion,
    createdAt: inputs.now.toISOString(),
  };
}
