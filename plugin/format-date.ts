/**
 * Dates as a clinician reads them at a glance ("Mar 12, 2024", "Mar 12, 2024, 9:30 AM").
 * FHIR `date` values (YYYY, YYYY-MM, YYYY-MM-DD) are calendar dates, not instants: they are shown
 * as written, never shifted by the browser's time zone. `dateTime`/`instant` values are shown
 * in the browser's local time.
 *
 * @module
 */

const LOCALE = 'en-US';
const DAY = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const MONTH = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'short', timeZone: 'UTC' });
const LOCAL_DAY = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'short', day: 'numeric' });
const LOCAL_DAY_TIME = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const LOCAL_TIME = new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit' });

const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The date part only. Unparseable input is returned unchanged rather than hidden. */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  const calendar = CALENDAR.exec(value);
  if (calendar) {
    const [, year, month, day] = calendar;
    if (!month) return year ?? value;
    const utc = Date.UTC(Number(year), Number(month) - 1, Number(day ?? '1'));
    return (day ? DAY : MONTH).format(utc);
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : LOCAL_DAY.format(time);
}

/** Date and local time for instants; a calendar date stays a date. */
export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  if (CALENDAR.test(value)) return formatDate(value);
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : LOCAL_DAY_TIME.format(time);
}

/** "9:30 AM": for "updated at" lines. */
export function formatTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : LOCAL_TIME.format(time);
}
