/**
 * US Core vital-sign Observations (LOINC codes, UCUM units, category vital-signs) and trend
 * helpers that lay a series of values out relative to `today`.
 *
 * @module
 */
import type { Coding, Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { atTime, daysBefore } from './dates.ts';
import { SYSTEM } from './systems.ts';

/** Units per vital sign; the first is the default. UCUM code doubles as the human unit except °F/°C/lb. */
const VITAL = {
  heartRate: { loinc: '8867-4', display: 'Heart rate', units: { '/min': 'beats/minute' } },
  respiratoryRate: { loinc: '9279-1', display: 'Respiratory rate', units: { '/min': 'breaths/minute' } },
  weight: { loinc: '29463-7', display: 'Body weight', units: { kg: 'kg', '[lb_av]': 'lb' } },
  height: { loinc: '8302-2', display: 'Body height', units: { cm: 'cm', '[in_i]': 'in' } },
  bmi: { loinc: '39156-5', display: 'Body mass index (BMI) [Ratio]', units: { 'kg/m2': 'kg/m2' } },
  temperature: { loinc: '8310-5', display: 'Body temperature', units: { Cel: 'C', '[degF]': 'F' } },
  spo2: {
    loinc: '59408-5',
    display: 'Oxygen saturation in Arterial blood by Pulse oximetry',
    units: { '%': '%' },
  },
} as const;

export type QuantityVital = keyof typeof VITAL;
export type VitalUnit<K extends QuantityVital> = keyof (typeof VITAL)[K]['units'] & string;

const vitalCategory = [
  {
    coding: [{ system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs' }],
    text: 'Vital Signs',
  },
];

interface ObservationBase {
  readonly id: string;
  readonly patient: Reference<Patient>;
  /** FHIR dateTime with offset (see `atTime`). */
  readonly effective: string;
  readonly encounter?: Reference<Encounter>;
}

function base(
  input: ObservationBase,
): Pick<Observation, 'status' | 'category' | 'subject' | 'encounter' | 'effectiveDateTime'> {
  return {
    status: 'final',
    category: vitalCategory,
    subject: input.patient,
    ...(input.encounter === undefined ? {} : { encounter: input.encounter }),
    effectiveDateTime: input.effective,
  };
}

export function buildVital<K extends QuantityVital>(
  kind: K,
  input: ObservationBase & { readonly value: number; readonly unit?: VitalUnit<K> },
): WithId<Observation> {
  const def = VITAL[kind];
  const units = def.units as Record<string, string>;
  const ucum = input.unit ?? Object.keys(units)[0] ?? '';
  const coding: Coding[] = [{ system: SYSTEM.loinc, code: def.loinc, display: def.display }];
  if (kind === 'spo2') {
    // US Core pulse-oximetry profile wants the generic SpO2 code beside the pulse-ox one.
    coding.push({ system: SYSTEM.loinc, code: '2708-6', display: 'Oxygen saturation in Arterial blood' });
  }
  return {
    resourceType: 'Observation',
    id: input.id,
    ...base(input),
    code: { coding, text: def.display },
    valueQuantity: { value: input.value, unit: units[ucum] ?? ucum, system: SYSTEM.ucum, code: ucum },
  };
}

export function buildBloodPressure(
  input: ObservationBase & { readonly systolic: number; readonly diastolic: number },
): WithId<Observation> {
  const mmHg = (value: number) => ({ value, unit: 'mmHg', system: SYSTEM.ucum, code: 'mm[Hg]' });
  return {
    resourceType: 'Observation',
    id: input.id,
    ...base(input),
    code: {
      coding: [
        { system: SYSTEM.loinc, code: '85354-9', display: 'Blood pressure panel with all children optional' },
      ],
      text: 'Blood pressure',
    },
    component: [
      {
        code: { coding: [{ system: SYSTEM.loinc, code: '8480-6', display: 'Systolic blood pressure' }] },
        valueQuantity: mmHg(input.systolic),
      },
      {
        code: { coding: [{ system: SYSTEM.loinc, code: '8462-4', display: 'Diastolic blood pressure' }] },
        valueQuantity: mmHg(input.diastolic),
      },
    ],
  };
}

/** One value of a trend, `daysAgo` days before today (0 = today). */
export interface TrendPoint<V = number> {
  readonly daysAgo: number;
  readonly value: V;
  /** The visit at which it was measured, when the bundle holds that visit. */
  readonly encounter?: Reference<Encounter>;
}

export interface TrendInput<V> {
  /** Ids become `${idPrefix}-${kind}-d${daysAgo}`. */
  readonly idPrefix: string;
  readonly patient: Reference<Patient>;
  readonly today: string;
  /** HH:MM local, default 09:00. */
  readonly time?: string;
  readonly points: readonly TrendPoint<V>[];
  /** The visit for a point that names none (e.g. today's or a prior visit by its day). */
  readonly encounterAt?: (daysAgo: number) => Reference<Encounter> | undefined;
}

/** Trend points from `[daysAgo, value]` pairs, to keep fixture files short. */
export function pts<V>(...pairs: readonly (readonly [number, V])[]): TrendPoint<V>[] {
  return pairs.map(([daysAgo, value]) => ({ daysAgo, value }));
}

/** The encounter a trend point belongs to: its own, else the one `encounterAt` gives. */
export function encounterOf<V>(
  input: Pick<TrendInput<V>, 'encounterAt'>,
  p: TrendPoint<V>,
): { encounter?: Reference<Encounter> } {
  const encounter = p.encounter ?? input.encounterAt?.(p.daysAgo);
  return encounter === undefined ? {} : { encounter };
}

/** A series of one vital sign, oldest first as given. */
export function vitalTrend<K extends QuantityVital>(
  kind: K,
  input: TrendInput<number> & { readonly unit?: VitalUnit<K> },
): WithId<Observation>[] {
  return input.points.map((p) =>
    buildVital(kind, {
      id: `${input.idPrefix}-${kind.toLowerCase()}-d${p.daysAgo}`,
      patient: input.patient,
      effective: atTime(daysBefore(input.today, p.daysAgo), input.time ?? '09:00'),
      value: p.value,
      ...(input.unit === undefined ? {} : { unit: input.unit }),
      ...encounterOf(input, p),
    }),
  );
}

/** A blood-pressure series; each value is `[systolic, diastolic]`. */
export function bloodPressureTrend(input: TrendInput<readonly [number, number]>): WithId<Observation>[] {
  return input.points.map((p) =>
    buildBloodPressure({
      id: `${input.idPrefix}-bp-d${p.daysAgo}`,
      patient: input.patient,
      effective: atTime(daysBefore(input.today, p.daysAgo), input.time ?? '09:00'),
      systolic: p.value[0],
      diastolic: p.value[1],
      ...encounterOf(input, p),
    }),
  );
}
