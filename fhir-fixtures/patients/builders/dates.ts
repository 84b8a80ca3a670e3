/**
 * Date helpers for fixtures built relative to the visit date, so "today's visit" is always today
 * and trends stay the same shape whatever day the sandbox starts.
 *
 * @module
 */

/** Fictional clinic's fixed UTC offset; fixed (no DST) so output is deterministic. */
export const CLINIC_UTC_OFFSET = '-05:00';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Throws unless `day` is a real calendar date written YYYY-MM-DD. */
export function assertDay(day: string): void {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (!DAY_RE.test(day) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new RangeError(`Expected a date as YYYY-MM-DD, got "${day}"`);
  }
}

/** The calendar day `n` days before `today` (negative `n` = after), YYYY-MM-DD. */
export function daysBefore(today: string, n: number): string {
  assertDay(today);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * A birth date that makes the patient `years` old on `today`, `extraDays` past that birthday,
 * so ages in transcripts ("she's 71") stay true on any run date.
 */
export function birthDateForAge(today: string, years: number, extraDays: number): string {
  assertDay(today);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - extraDays);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** FHIR dateTime on `day` at local `time` (HH:MM) with the clinic offset, e.g. 2025-03-04T09:30:00-05:00. */
export function atTime(day: string, time: string, offset: string = CLINIC_UTC_OFFSET): string {
  assertDay(day);
  if (!TIME_RE.test(time)) {
    throw new RangeError(`Expected a time as HH:MM, got "${time}"`);
  }
  return `${day}T${time}:00${offset}`;
}

/** `time` (HH:MM) plus `minutes`, wrapping within the day (fixtures never cross midnight). */
export function addMinutes(time: string, minutes: number): string {
  if (!TIME_RE.test(time)) {
    throw new RangeError(`Expected a time as HH:MM, got "${time}"`);
  }
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
