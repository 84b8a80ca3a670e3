/**
 * Laboratory Observations: LOINC codes, UCUM units, a reference range and an H/L/N flag derived
 * from it, plus a trend helper. The tests themselves are in `lab-catalog.ts`.
 *
 * @module
 */
import type { CodeableConcept, Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { atTime, daysBefore } from './dates.ts';
import type { LabDef } from './lab-catalog.ts';
import { SYSTEM } from './systems.ts';
import { encounterOf } from './vitals.ts';
import type { TrendInput } from './vitals.ts';

type Flag = 'H' | 'L' | 'N';
const FLAG_DISPLAY: Record<Flag, string> = { H: 'High', L: 'Low', N: 'Normal' };

/** H above the range, L below it, N inside it. */
export function flagFor(def: LabDef, value: number): Flag {
  if (def.high !== undefined && value > def.high) return 'H';
  if (def.low !== undefined && value < def.low) return 'L';
  return 'N';
}

function interpretation(flag: Flag): CodeableConcept[] {
  return [
    {
      coding: [{ system: SYSTEM.interpretation, code: flag, display: FLAG_DISPLAY[flag] }],
      text: FLAG_DISPLAY[flag],
    },
  ];
}

export interface LabInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly def: LabDef;
  readonly value: number;
  /** FHIR dateTime with offset (see `atTime`). */
  readonly effective: string;
  readonly encounter?: Reference<Encounter>;
}

export function buildLab(input: LabInput): WithId<Observation> {
  const { def } = input;
  const quantity = (value: number) => ({ value, unit: def.unit, system: SYSTEM.ucum, code: def.ucum });
  return {
    resourceType: 'Observation',
    id: input.id,
    status: 'final',
    category: [
      {
        coding: [{ system: SYSTEM.observationCategory, code: 'laboratory', display: 'Laboratory' }],
        text: 'Laboratory',
      },
    ],
    code: { coding: [{ system: SYSTEM.loinc, code: def.loinc, display: def.display }], text: def.display },
    subject: input.patient,
    ...(input.encounter === undefined ? {} : { encounter: input.encounter }),
    effectiveDateTime: input.effective,
    issued: input.effective.replace(/T\d{2}:\d{2}/, 'T17:00'),
    valueQuantity: quantity(input.value),
    interpretation: interpretation(flagFor(def, input.value)),
    referenceRange: [
      {
        ...(def.low === undefined ? {} : { low: quantity(def.low) }),
        ...(def.high === undefined ? {} : { high: quantity(def.high) }),
        ...(def.rangeText === undefined ? {} : { text: def.rangeText }),
      },
    ],
  };
}

/** A series of one lab test (draw time default 08:00); ids become `${idPrefix}-${name}-d${daysAgo}`. */
export function labTrend(name: string, def: LabDef, input: TrendInput<number>): WithId<Observation>[] {
  return input.points.map((p) =>
    buildLab({
      id: `${input.idPrefix}-${name}-d${p.daysAgo}`,
      patient: input.patient,
      def,
      value: p.value,
      effective: atTime(daysBefore(input.today, p.daysAgo), input.time ?? '08:00'),
      ...encounterOf(input, p),
    }),
  );
}
