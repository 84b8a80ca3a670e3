/**
 * Units of vital signs: one spelling per unit (EHRs send `lb`, `lbs` or `[lb_av]`), conversion
 * between the units a series may mix (kg and lb, cm and in, °C and °F), and the unit as a
 * clinician reads it. A series is drawn in the unit of its newest reading.
 *
 * @module
 */

/** Spellings seen in the wild, mapped to UCUM. */
const ALIASES: Readonly<Record<string, string>> = {
  lb: '[lb_av]',
  lbs: '[lb_av]',
  '[lb_us]': '[lb_av]',
  in: '[in_i]',
  inch: '[in_i]',
  C: 'Cel',
  '°C': 'Cel',
  degC: 'Cel',
  F: '[degF]',
  '°F': '[degF]',
  degF: '[degF]',
  mmHg: 'mm[Hg]',
  'beats/minute': '/min',
  'breaths/minute': '/min',
  bpm: '/min',
  'kg/m^2': 'kg/m2',
};

/** How each UCUM unit reads on screen. */
const DISPLAY: Readonly<Record<string, string>> = {
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  'mm[Hg]': 'mmHg',
  'kg/m2': 'kg/m²',
};

/** Linear conversions to a base unit per dimension. */
const LINEAR: Readonly<Record<string, { readonly base: string; readonly factor: number }>> = {
  kg: { base: 'kg', factor: 1 },
  g: { base: 'kg', factor: 0.001 },
  '[lb_av]': { base: 'kg', factor: 0.45359237 },
  cm: { base: 'cm', factor: 1 },
  m: { base: 'cm', factor: 100 },
  '[in_i]': { base: 'cm', factor: 2.54 },
};

/** UCUM spelling of a quantity's unit (its `code`, else its `unit`). */
export function canonicalUnit(code: string | undefined, unit: string | undefined): string {
  const raw = (code ?? unit ?? '').trim();
  return ALIASES[raw] ?? raw;
}

export function displayUnit(ucum: string, fallback?: string): string {
  return DISPLAY[ucum] ?? (ucum || (fallback ?? ''));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `value` in `from` expressed in `to`; undefined when the two cannot be converted. */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  if (from === 'Cel' && to === '[degF]') return round((value * 9) / 5 + 32, 1);
  if (from === '[degF]' && to === 'Cel') return round(((value - 32) * 5) / 9, 1);
  const a = LINEAR[from];
  const b = LINEAR[to];
  if (!a || !b || a.base !== b.base) return undefined;
  return round((value * a.factor) / b.factor, 1);
}
