/**
 * Recent lab results: the newest result of each test (by LOINC code, else by name), newest
 * first, at most 30 tests, each flagged high, low, abnormal or critical from the lab's own
 * interpretation or, lacking one, from its reference range.
 *
 * @module
 */
import { formatObservationValue, formatRange } from '@medplum/core';
import type { CodeableConcept, Observation, ObservationReferenceRange } from '@medplum/fhirtypes';
import type { LabFlag, LabResult } from '../contract/clinical-context.ts';
import { asList, collect, LIST_CAPS, skippedWarnings } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import {
  anyCodes,
  codesIn,
  conceptText,
  newestFirst,
  refOf,
  resourceOf,
  str,
  SYSTEMS,
} from './fhir-values.ts';
import type { PanelData } from './panel.ts';

/** v3 ObservationInterpretation codes (and the v2 spellings EHRs still send). */
const INTERPRETATION_FLAGS: Readonly<Record<string, LabFlag | null>> = {
  N: null,
  NEG: null,
  ND: null,
  S: null,
  HH: 'critical',
  LL: 'critical',
  AA: 'critical',
  'H>': 'critical',
  'L<': 'critical',
  H: 'high',
  HU: 'high',
  '>': 'high',
  L: 'low',
  LU: 'low',
  '<': 'low',
  A: 'abnormal',
  POS: 'abnormal',
  DET: 'abnormal',
  R: 'abnormal',
};
const SEVERITY: Readonly<Record<LabFlag, number>> = { critical: 3, high: 2, low: 2, abnormal: 1 };
const IGNORED_STATUSES = new Set(['entered-in-error', 'cancelled']);

/** The most severe flag the interpretation codes give; undefined when it has no code we know. */
function flagFromInterpretation(interpretation: unknown): LabFlag | null | undefined {
  if (!Array.isArray(interpretation)) return undefined;
  let flag: LabFlag | null | undefined;
  for (const concept of interpretation as CodeableConcept[]) {
    for (const code of anyCodes(concept)) {
      const candidate = INTERPRETATION_FLAGS[code] ?? INTERPRETATION_FLAGS[code.toUpperCase()];
      if (candidate === undefined) continue;
      if (flag === undefined || flag === null) flag = candidate;
      else if (candidate !== null && SEVERITY[candidate] > SEVERITY[flag]) flag = candidate;
    }
  }
  return flag;
}

function flagFromRange(obs: Observation, range: ObservationReferenceRange | undefined): LabFlag | null {
  const value = obs.valueQuantity?.value;
  if (typeof value !== 'number' || !range) return null;
  const unit = obs.valueQuantity?.code ?? obs.valueQuantity?.unit;
  const comparable = (bound: { value?: number; code?: string; unit?: string } | undefined) =>
    typeof bound?.value === 'number' &&
    (!unit || !(bound.code ?? bound.unit) || (bound.code ?? bound.unit) === unit);
  if (comparable(range.high) && value > (range.high?.value as number)) return 'high';
  if (comparable(range.low) && value < (range.low?.value as number)) return 'low';
  return null;
}

/** The lab's flag: its interpretation when it gives one, else value against reference range. */
export function labFlag(obs: Observation): LabFlag | null {
  const range = Array.isArray(obs.referenceRange) ? obs.referenceRange[0] : undefined;
  const interpreted = flagFromInterpretation(obs.interpretation);
  return interpreted === undefined ? flagFromRange(obs, range) : interpreted;
}

function rangeText(obs: Observation): string | undefined {
  const range = Array.isArray(obs.referenceRange) ? obs.referenceRange[0] : undefined;
  if (!range) return undefined;
  return str(range.text) ?? str(formatRange({ low: range.low, high: range.high }));
}

/**
 * A laboratory Observation as a result: `'other'` when it is fine but shows nothing (a panel
 * header with members only, an entered-in-error result), undefined when it cannot be read.
 */
export function normaliseLab(value: unknown): LabResult | 'other' | undefined {
  const obs = resourceOf(value, 'Observation');
  if (!obs) return undefined;
  const display = conceptText(obs.code);
  if (display === '') return undefined;
  if (IGNORED_STATUSES.has(obs.status)) return 'other';
  const formatted =
    str(formatObservationValue(obs)) ?? (obs.dataAbsentReason ? conceptText(obs.dataAbsentReason) : '');
  if (formatted === '') return 'other';
  const loinc = codesIn(obs.code, SYSTEMS.loinc)[0];
  const effective =
    str(obs.effectiveDateTime) ??
    str(obs.effectivePeriod?.start) ??
    str(obs.effectiveInstant) ??
    str(obs.issued);
  const referenceRange = rangeText(obs);
  return {
    ref: refOf(obs),
    display,
    ...(loinc ? { loinc } : {}),
    value: formatted,
    ...(effective ? { effective } : {}),
    flag: labFlag(obs),
    ...(referenceRange ? { referenceRange } : {}),
  };
}

/** The newest result of each test, newest first, at most `LIST_CAPS.labs`. */
export function latestPerTest(results: readonly LabResult[]): LabResult[] {
  const sorted = [...results].sort((a, b) => newestFirst(a.effective, b.effective));
  const seen = new Set<string>();
  const latest: LabResult[] = [];
  for (const result of sorted) {
    const key = result.loinc ? `loinc|${result.loinc}` : `text|${result.display.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push(result);
  }
  return latest.slice(0, LIST_CAPS.labs);
}

export async function loadLabs(
  reader: FhirReader,
  patientId: string,
): Promise<PanelData<readonly LabResult[]>> {
  const observations = asList(
    await reader.search('Observation', {
      patient: patientId,
      category: 'laboratory',
      _sort: '-date',
      _count: '100',
    }),
  );
  const { items, skipped } = collect(observations, normaliseLab);
  const results = items.filter((r): r is LabResult => r !== 'other');
  return { data: latestPerTest(results), warnings: skippedWarnings('labs', skipped) };
}
