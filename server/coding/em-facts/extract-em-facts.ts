/**
 * From a visit (the coding document: sentences with speaker and role, plus the chart) to the
 * facts the E/M engine decides from: new or established patient, payer type, problems addressed
 * with their kinds, the data reviewed and ordered, the risk of the management chosen, the stated
 * total time, continuing care for G2211 and modifier 25. Rule-based and deterministic: every fact
 * carries the words (or chart resources) it rests on, and the level itself is left to
 * `selectEmLevel`.
 *
 * @module
 */
import type { PayerType } from '../../contract/clinical-context.ts';
import type { EmFacts, PatientStatus } from '../../contract/coding.ts';
import type { CodingDocument } from '../document/coding-document.ts';
import { continuingCare, modifier25 } from './continuing-care.ts';
import { dataReviewed } from './data-reviewed.ts';
import { drugDecisions } from './drug-decisions.ts';
import type { DrugEntry } from './drug-lexicon.ts';
import { externalSources } from './external-sources.ts';
import { decidePatientStatus } from './patient-status.ts';
import { decidePayerType } from './payer-type.ts';
import { namedAnywhere, problemMentions } from './problem-mentions.ts';
import { problemsAddressed } from './problems-addressed.ts';
import { riskOfManagement } from './risk-of-management.ts';
import { statedServices } from './service-add-ons.ts';
import { systemicSymptoms } from './systemic-symptoms.ts';
import { testActivity } from './test-activity.ts';
import { findTerms } from './term-matcher.ts';
import { DRUG_TERMS } from './drug-lexicon.ts';
import { readVisit } from './visit-reading.ts';
import { visitTime } from './visit-time.ts';

export { extractServiceAddOns } from './service-add-ons.ts';

export interface EmFactsOptions {
  /** The clinician's own statement (`--new-patient`); otherwise decided from chart and words. */
  readonly patientStatus?: PatientStatus;
  /** The caller's payer (`--payer`); otherwise the chart's coverage, else commercial. */
  readonly payerType?: PayerType;
}

/** Whether the chart's active medication list holds this drug (a dosing instruction then continues it). */
function onMedicationList(doc: CodingDocument): (drug: DrugEntry) => boolean {
  const panel = doc.context?.medications;
  const keys = new Set(
    panel?.status === 'ok'
      ? panel.data
          .filter((m) => m.status === 'active')
          .flatMap((m) => findTerms(DRUG_TERMS, m.display.toLowerCase()).map((t) => t.entry.entry.key))
      : [],
  );
  return (drug) => keys.has(drug.key);
}

/** Extract the E/M facts of a visit. */
export function extractEmFacts(doc: CodingDocument, options: EmFactsOptions = {}): EmFacts {
  const visit = readVisit(doc);
  const status = decidePatientStatus(visit, options.patientStatus);
  const payer = decidePayerType(doc.context, options.payerType);
  const decisions = drugDecisions(visit, onMedicationList(doc));
  const tests = testActivity(visit);
  const services = statedServices(visit);
  const sources = externalSources(visit);
  const problems = problemsAddressed({
    mentions: problemMentions(visit, new Set(decisions.map((d) => d.sentence.index))),
    decisions,
    named: namedAnywhere(visit),
    ...(doc.context ? { context: doc.context } : {}),
    systemic: systemicSymptoms(visit),
    testsOrdered: tests.ordered.length,
    separatelyReported: new Set(services.map((s) => s.family)),
  });
  const time = visitTime(visit);
  const care = continuingCare(visit);
  const mod25 = modifier25(visit, services);
  return {
    patientStatus: status.status,
    patientStatusBasis: { reason: status.reason, evidence: status.evidence },
    payerType: payer.payerType,
    problems,
    data: dataReviewed(visit, {
      tests,
      notes: sources.notes,
      discussions: sources.discussions,
      patientStatus: status.status,
    }),
    risks: riskOfManagement(visit, decisions, tests),
    ...(time ? { totalTimeMinutes: time.minutes, timeEvidence: time.evidence } : {}),
    ...(care ? { continuingCare: care } : {}),
    ...(mod25.modifier25 ? { modifier25: true, modifier25PreventiveOnly: mod25.preventiveOnly } : {}),
  };
}
