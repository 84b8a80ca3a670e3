/**
 * Office-visit Encounters: today's open visit and finished prior visits.
 *
 * Today's visit is `in-progress`: the companion app is launched from the open encounter while the
 * clinician is with the patient or finishing the note, which is the state an EHR reports then.
 * Visit types are plain text on purpose (no CPT descriptors in fixtures).
 *
 * @module
 */
import type { Encounter, Organization, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { addMinutes, atTime } from './dates.ts';
import { SYSTEM } from './systems.ts';

export interface VisitInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  /** Omitted for outside visits whose clinician is not in this EHR. */
  readonly practitioner?: Reference<Practitioner>;
  readonly clinic: Reference<Organization>;
  /** YYYY-MM-DD. */
  readonly day: string;
  /** HH:MM local. */
  readonly time: string;
  /** Plain-text visit type, e.g. "Office visit, established patient, follow-up". */
  readonly typeText: string;
  /** Why the patient came, in the scheduler's words. */
  readonly reasonText: string;
}

function baseVisit(input: VisitInput, status: Encounter['status']): WithId<Encounter> {
  return {
    resourceType: 'Encounter',
    id: input.id,
    status,
    class: { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ text: input.typeText }],
    subject: input.patient,
    ...(input.practitioner === undefined
      ? {}
      : {
          participant: [
            {
              type: [
                {
                  coding: [{ system: SYSTEM.participationType, code: 'PPRF', display: 'primary performer' }],
                },
              ],
              individual: input.practitioner,
            },
          ],
        }),
    period: { start: atTime(input.day, input.time) },
    reasonCode: [{ text: input.reasonText }],
    serviceProvider: input.clinic,
  };
}

/** Today's visit: open (`in-progress`), started at the appointment time, no end yet. */
export function buildTodayVisit(input: VisitInput): WithId<Encounter> {
  return baseVisit(input, 'in-progress');
}

/** A finished prior visit lasting `minutes`. */
export function buildPriorVisit(input: VisitInput & { readonly minutes: number }): WithId<Encounter> {
  const visit = baseVisit(input, 'finished');
  return {
    ...visit,
    period: {
      start: atTime(input.day, input.time),
      end: atTime(input.day, addMinutes(input.time, input.minutes)),
    },
  };
}
