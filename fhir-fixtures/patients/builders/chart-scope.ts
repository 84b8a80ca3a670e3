/**
 * One patient's chart with the ids, patient, clinic and clinician bound once, so a fixture names a
 * condition, medication, note or visit by its key and clinical content only. Ids follow one
 * pattern for every fixture: `${prefix}-cond-${key}`, `${prefix}-med-${key}`, `${prefix}-enc-${key}`
 * and `${prefix}-note-${key}` (or `-doc-`, see `noteSegment`).
 *
 * @module
 */
import type {
  Condition,
  DocumentReference,
  Encounter,
  MedicationRequest,
  Organization,
  Patient,
  Practitioner,
  Reference,
} from '@medplum/fhirtypes';
import { refTo } from './bundle.ts';
import type { WithId } from './bundle.ts';
import { buildCondition } from './condition.ts';
import type { ConditionInput } from './condition.ts';
import { atTime, daysBefore } from './dates.ts';
import { buildNote, NOTE_TYPE } from './document.ts';
import type { NoteInput } from './document.ts';
import { buildPriorVisit, buildTodayVisit } from './encounter.ts';
import { buildMedicationRequest } from './medication.ts';
import type { MedicationInput } from './medication.ts';
import type { Coded } from './systems.ts';

export interface ChartScopeInput {
  /** Id prefix of every resource in this chart, e.g. `rp-quill`. */
  readonly prefix: string;
  readonly patient: Reference<Patient>;
  /**
   * The clinician behind the chart's own entries: default recorder of conditions, requester of
   * medications, author of notes and clinician at prior visits (not always today's doctor).
   */
  readonly practitioner: Reference<Practitioner>;
  /** Where the chart's own visits take place. */
  readonly clinic: Reference<Organization>;
  /** Today's visit date, YYYY-MM-DD. */
  readonly today: string;
  /** Middle segment of note ids; default `note` (some fixtures publish theirs as `doc`). */
  readonly noteSegment?: 'note' | 'doc';
}

export interface ConditionOptions {
  /** Default `problem-list-item`. */
  readonly category?: ConditionInput['category'];
  /** YYYY-MM-DD; a condition with an abatement date is resolved, any other is active. */
  readonly abatement?: string;
  /** Default the scope's clinician; `null` when the chart names none (self-reported history). */
  readonly recorder?: Reference<Practitioner> | null;
  readonly recorded?: string;
  readonly encounter?: Reference<Encounter>;
  readonly note?: string;
}

/** Everything a medication may add; the requester defaults to the scope's clinician. */
export type MedicationOptions = Partial<
  Pick<MedicationInput, 'requester' | 'status' | 'reason' | 'encounter' | 'asNeeded' | 'dispense'>
>;

export interface NoteOptions {
  /** Default the scope's clinician. */
  readonly author?: NoteInput['author'];
  /** Organisation holding the original, for records received from outside. */
  readonly custodian?: Reference<Organization>;
  /** Default a progress note. */
  readonly type?: NoteInput['type'];
  /** YYYY-MM-DD of signing, when not the visit's own day (a letter sent the day after). */
  readonly signedOn?: string;
}

export interface PriorVisitInput {
  readonly daysAgo: number;
  /** HH:MM local. */
  readonly time: string;
  readonly minutes: number;
  readonly typeText: string;
  readonly reasonText: string;
  /** A visit elsewhere: at that organisation, with its clinician only when this chart knows one. */
  readonly outside?: {
    readonly clinic: Reference<Organization>;
    readonly practitioner?: Reference<Practitioner>;
  };
}

export interface TodayVisitInput {
  /** HH:MM local. */
  readonly time: string;
  readonly typeText: string;
  readonly reasonText: string;
  /** Today's doctor, when not the scope's clinician (a new patient seen by a specialist). */
  readonly practitioner?: Reference<Practitioner>;
}

export interface ChartScope {
  /** A coded condition, active unless `options.abatement` is given. */
  condition(
    key: string,
    icd10: Coded,
    snomed: Coded,
    onset: string,
    options?: ConditionOptions,
  ): WithId<Condition>;
  /** An outpatient medication authored on `authoredOn` (YYYY-MM-DD). */
  medication(
    key: string,
    rxnorm: Coded,
    dosageText: string,
    authoredOn: string,
    options?: MedicationOptions,
  ): WithId<MedicationRequest>;
  /** A prior note of `visit`, signed at `signedAt` (HH:MM) on the visit's day. */
  note(
    key: string,
    visit: WithId<Encounter>,
    title: string,
    text: string,
    signedAt: string,
    options?: NoteOptions,
  ): WithId<DocumentReference>;
  /** A finished visit `input.daysAgo` days before today. */
  priorVisit(key: string, input: PriorVisitInput): WithId<Encounter>;
  /** Today's open visit, id `${prefix}-enc-today`. */
  todayVisit(input: TodayVisitInput): WithId<Encounter>;
  /** Looks a visit up by how many days before today it started, for trend points. */
  encounterAt(...visits: readonly WithId<Encounter>[]): (daysAgo: number) => Reference<Encounter> | undefined;
}

/** The calendar day a visit started, YYYY-MM-DD. */
function dayOf(visit: Encounter, fallback: string): string {
  return visit.period?.start?.slice(0, 10) ?? fallback;
}

export function chartScope(scope: ChartScopeInput): ChartScope {
  const { prefix, patient, practitioner, clinic, today } = scope;
  return {
    condition: (key, icd10, snomed, onset, options = {}) => {
      const { category = 'problem-list-item', abatement, recorder, ...rest } = options;
      return buildCondition({
        id: `${prefix}-cond-${key}`,
        patient,
        icd10,
        snomed,
        clinicalStatus: abatement === undefined ? 'active' : 'resolved',
        category,
        onset,
        abatement,
        recorder: recorder === null ? undefined : (recorder ?? practitioner),
        ...rest,
      });
    },
    medication: (key, rxnorm, dosageText, authoredOn, options = {}) =>
      buildMedicationRequest({
        id: `${prefix}-med-${key}`,
        patient,
        rxnorm,
        dosageText,
        authoredOn,
        ...options,
        requester: options.requester ?? practitioner,
      }),
    note: (key, visit, title, text, signedAt, options = {}) =>
      buildNote({
        id: `${prefix}-${scope.noteSegment ?? 'note'}-${key}`,
        patient,
        author: options.author ?? practitioner,
        custodian: options.custodian,
        type: options.type ?? NOTE_TYPE.progressNote,
        title,
        text,
        encounter: refTo(visit),
        date: atTime(options.signedOn ?? dayOf(visit, today), signedAt),
        period: visit.period ?? {},
      }),
    priorVisit: (key, { daysAgo, outside, ...visit }) =>
      buildPriorVisit({
        id: `${prefix}-enc-${key}`,
        patient,
        practitioner: outside === undefined ? practitioner : outside.practitioner,
        clinic: outside?.clinic ?? clinic,
        day: daysBefore(today, daysAgo),
        ...visit,
      }),
    todayVisit: ({ practitioner: doctor, ...visit }) =>
      buildTodayVisit({
        id: `${prefix}-enc-today`,
        patient,
        practitioner: doctor ?? practitioner,
        clinic,
        day: today,
        ...visit,
      }),
    encounterAt: (...visits) => {
      const byDay = new Map(
        visits.map((v) => [
          Math.round((Date.parse(today) - Date.parse(dayOf(v, today))) / 86_400_000),
          refTo(v),
        ]),
      );
      return (daysAgo) => byDay.get(daysAgo);
    },
  };
}
