/**
 * The MDM data column's facts as the contract carries them: external notes (one item per unique
 * source), unique tests reviewed and ordered (one item per test key, its mentions merged), the
 * independent historian, independent interpretations and external discussions. A result reviewed
 * for an established patient counts as ordered at a prior encounter (its review credited with
 * that order) when the clinician says this practice ordered it ("we got your blood work from last
 * week") and the result is neither from outside nor from today. Chart results with the test's
 * LOINC code are added as evidence.
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import type { DataElements, DataItem, PatientStatus } from '../../contract/coding.ts';
import type { Evidence } from '../../contract/note-draft.ts';
import type { SourceEvent } from './external-sources.ts';
import { independentHistorian } from './independent-historian.ts';
import type { TestActivity, TestEvent } from './test-activity.ts';
import { quoteEvidence, type Visit } from './visit-reading.ts';

const MAX_EVIDENCE = 3;

function chartResult(context: ClinicalContext | undefined, event: TestEvent): Evidence | undefined {
  const loinc = event.entry.loinc;
  const panel = context?.labs;
  if (!loinc || panel?.status !== 'ok') return undefined;
  const hit = [...panel.data].reverse().find((l) => l.loinc !== undefined && loinc.includes(l.loinc));
  return hit ? { kind: 'fhir', ref: hit.ref, label: `${hit.display}: ${hit.value}` } : undefined;
}

/** One item per key, first label, evidence from its first mentions. */
function merge<T extends { key: string; label: string }>(
  events: readonly T[],
  evidence: (e: T) => Evidence,
  extra: (group: readonly T[]) => Partial<DataItem> = () => ({}),
): DataItem[] {
  const groups = new Map<string, T[]>();
  for (const e of events) groups.set(e.key, [...(groups.get(e.key) ?? []), e]);
  return [...groups.values()].map((group) => ({
    label: group[0]!.label,
    key: group[0]!.key,
    evidence: group.slice(0, MAX_EVIDENCE).map(evidence),
    ...extra(group),
  }));
}

export interface DataInputs {
  readonly tests: TestActivity;
  readonly notes: readonly SourceEvent[];
  readonly discussions: readonly SourceEvent[];
  readonly patientStatus: PatientStatus;
}

/** The data column's facts for the visit. */
export function dataReviewed(visit: Visit, inputs: DataInputs): DataElements {
  const { tests } = inputs;
  const context = visit.doc.context;
  const own = tests.ownPriorOrder;
  const priorOrdered = (e: TestEvent) =>
    inputs.patientStatus === 'established' &&
    own !== undefined &&
    !e.external &&
    !e.today &&
    e.sentence.index >= own.index;
  const testEvidence = (e: TestEvent) => quoteEvidence(e.sentence, e.quote);
  const withChart = (group: readonly TestEvent[]): Partial<DataItem> => {
    const fhir = chartResult(context, group[0]!);
    return fhir ? { evidence: [...group.slice(0, MAX_EVIDENCE).map(testEvidence), fhir] } : {};
  };
  const historian = independentHistorian(visit);
  return {
    externalNotes: merge(inputs.notes, (n) => quoteEvidence(n.sentence, n.quote)),
    testsReviewed: merge(tests.reviewed, testEvidence, (group) => ({
      ...withChart(group),
      ...(group.every(priorOrdered) ? { orderedAtPriorEncounter: true } : {}),
    })),
    testsOrdered: merge(tests.ordered, testEvidence),
    ...(historian ? { independentHistorian: historian } : {}),
    independentInterpretations: merge(tests.interpreted, testEvidence),
    externalDiscussions: merge(inputs.discussions, (d) => quoteEvidence(d.sentence, d.quote)),
  };
}
