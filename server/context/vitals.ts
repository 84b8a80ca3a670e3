/**
 * Vital signs as series for sparklines: vital-sign Observations grouped by LOINC code (blood
 * pressure from its systolic and diastolic components), oldest first, the last 20 readings, the
 * newest one formatted, and a trend from the newest against the one before it.
 *
 * @module
 */
import { formatQuantity } from '@medplum/core';
import type { Observation, ObservationComponent, Quantity } from '@medplum/fhirtypes';
import type { VitalPoint, VitalSeries } from '../contract/clinical-context.ts';
import { asList, collect, LIST_CAPS, skippedWarnings } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import { codesIn, conceptText, refOf, resourceOf, str, SYSTEMS, timeOf } from './fhir-values.ts';
import type { PanelData } from './panel.ts';
import { canonicalUnit, convertUnit, displayUnit } from './vital-units.ts';

interface VitalKind {
  /** The series' LOINC code. */
  readonly code: string;
  /** Every LOINC code that counts as this vital. */
  readonly codes: readonly string[];
  readonly label: string;
  /** The unit as shown, where the generic UCUM reading ("/min") says too little. */
  readonly unitDisplay?: string;
}

/** The vitals the panel shows, in the order it shows them. */
export const VITAL_KINDS: readonly VitalKind[] = [
  { code: '85354-9', codes: ['85354-9', '55284-4'], label: 'Blood pressure' },
  { code: '8867-4', codes: ['8867-4'], label: 'Heart rate', unitDisplay: 'bpm' },
  { code: '9279-1', codes: ['9279-1'], label: 'Respiratory rate', unitDisplay: 'breaths/min' },
  { code: '8310-5', codes: ['8310-5', '8331-1'], label: 'Temperature' },
  { code: '59408-5', codes: ['59408-5', '2708-6'], label: 'Oxygen saturation' },
  { code: '29463-7', codes: ['29463-7', '3141-9'], label: 'Weight' },
  { code: '8302-2', codes: ['8302-2', '8306-3'], label: 'Height' },
  { code: '39156-5', codes: ['39156-5'], label: 'BMI' },
];

const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';
const IGNORED_STATUSES = new Set(['entered-in-error', 'cancelled']);
/** A change within this fraction of the previous reading counts as flat. */
const FLAT_WITHIN = 0.02;

/** One reading of a tracked vital, before it joins a series. */
export interface VitalReading {
  readonly code: string;
  readonly ref: string;
  readonly effective: string;
  readonly time: number;
  readonly value: number;
  readonly value2?: number;
  /** UCUM unit. */
  readonly unit: string;
}

function effectiveOf(obs: Observation): string | undefined {
  return (
    str(obs.effectiveDateTime) ??
    str(obs.effectivePeriod?.start) ??
    str(obs.effectiveInstant) ??
    str(obs.issued)
  );
}

/** Readings to two decimals at most (EHRs send 37.799 for 37.8). */
function tidy(value: number): number {
  return Math.round(value * 100) / 100;
}

function componentValue(obs: Observation, code: string): number | undefined {
  const components: unknown = obs.component;
  if (!Array.isArray(components)) return undefined;
  const component = components.find((c: ObservationComponent) =>
    codesIn(c?.code, SYSTEMS.loinc).includes(code),
  ) as ObservationComponent | undefined;
  const value = component?.valueQuantity?.value;
  return typeof value === 'number' && Number.isFinite(value) ? tidy(value) : undefined;
}

/**
 * One vital-sign Observation read: a reading, `'other'` when it is fine but not a vital the
 * panel tracks (or carries no value on purpose), undefined when it cannot be read.
 */
export function readVital(value: unknown): VitalReading | 'other' | undefined {
  const obs = resourceOf(value, 'Observation');
  if (!obs || conceptText(obs.code) === '') return undefined;
  if (IGNORED_STATUSES.has(obs.status)) return 'other';
  const loinc = codesIn(obs.code, SYSTEMS.loinc);
  const kind = VITAL_KINDS.find((k) => k.codes.some((c) => loinc.includes(c)));
  if (!kind) return 'other';
  const effective = effectiveOf(obs);
  const time = timeOf(effective);
  if (!effective || time === undefined) return undefined;
  const base = { code: kind.code, ref: refOf(obs), effective, time };
  if (kind.code === '85354-9') {
    const systolic = componentValue(obs, SYSTOLIC);
    const diastolic = componentValue(obs, DIASTOLIC);
    if (systolic === undefined || diastolic === undefined) return obs.dataAbsentReason ? 'other' : undefined;
    return { ...base, value: systolic, value2: diastolic, unit: 'mm[Hg]' };
  }
  const quantity: Quantity | undefined = obs.valueQuantity;
  const number = quantity?.value;
  if (typeof number !== 'number' || !Number.isFinite(number))
    return obs.dataAbsentReason ? 'other' : undefined;
  return { ...base, value: tidy(number), unit: canonicalUnit(quantity?.code, quantity?.unit) };
}

function trendOf(points: readonly VitalPoint[]): VitalSeries['trend'] {
  const latest = points.at(-1);
  const previous = points.at(-2);
  if (!latest || !previous) return null;
  const change = latest.value - previous.value;
  if (Math.abs(change) <= Math.abs(previous.value) * FLAT_WITHIN) return 'flat';
  return change > 0 ? 'up' : 'down';
}

function latestDisplay(point: VitalPoint, unit: string): string {
  if (point.value2 !== undefined) return `${point.value}/${point.value2} ${unit}`;
  return formatQuantity({ value: point.value, unit });
}

/** Readings grouped into series (in `VITAL_KINDS` order); readings in units that cannot be converted are counted as skipped. */
export function buildVitalSeries(readings: readonly VitalReading[]): {
  series: VitalSeries[];
  skipped: number;
} {
  const series: VitalSeries[] = [];
  let skipped = 0;
  for (const kind of VITAL_KINDS) {
    const mine = readings.filter((r) => r.code === kind.code).sort((a, b) => a.time - b.time);
    const newest = mine.at(-1);
    if (!newest) continue;
    const points: VitalPoint[] = [];
    for (const r of mine) {
      const value = convertUnit(r.value, r.unit, newest.unit);
      const value2 = r.value2 === undefined ? undefined : convertUnit(r.value2, r.unit, newest.unit);
      if (value === undefined || (r.value2 !== undefined && value2 === undefined)) {
        skipped++;
        continue;
      }
      points.push({ ref: r.ref, effective: r.effective, value, ...(value2 === undefined ? {} : { value2 }) });
    }
    const shown = points.slice(-LIST_CAPS.vitalPoints);
    const last = shown.at(-1);
    if (!last) continue;
    const unit = kind.unitDisplay && newest.unit === '/min' ? kind.unitDisplay : displayUnit(newest.unit);
    series.push({
      code: kind.code,
      label: kind.label,
      unit,
      points: shown,
      latestDisplay: latestDisplay(last, unit),
      trend: trendOf(shown),
    });
  }
  return { series, skipped };
}

/** Every vital-sign Observation of the patient (newest pages first), as series. */
export async function loadVitals(
  reader: FhirReader,
  patientId: string,
): Promise<PanelData<readonly VitalSeries[]>> {
  const observations = asList(
    await reader.search('Observation', {
      patient: patientId,
      category: 'vital-signs',
      _sort: '-date',
      _count: '100',
    }),
  );
  const read = collect(observations, readVital);
  const readings = read.items.filter((r): r is VitalReading => r !== 'other');
  const { series, skipped } = buildVitalSeries(readings);
  return { data: series, warnings: skippedWarnings('vitals', read.skipped + skipped) };
}
