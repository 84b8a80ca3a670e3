/**
 * Pure checks the fixture tests share: reference walking, the E/M level arithmetic from the coding
 * rules (MDM = the highest level at least two of the three elements reach; time thresholds), and
 * the FY2026 ICD-10-CM code table read from `../shared/data` (never copied into the repo).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { GoldAnswer, MdmLevel } from './types.ts';

type EmCode = GoldAnswer['em']['code'];

const LEVELS: readonly MdmLevel[] = ['straightforward', 'low', 'moderate', 'high'];

/** Overall MDM: the highest level met or exceeded by at least two of the three elements. */
export function overallMdm(problems: MdmLevel, data: MdmLevel, risk: MdmLevel): MdmLevel {
  const ranks = [problems, data, risk].map((l) => LEVELS.indexOf(l)).sort((a, b) => b - a);
  return LEVELS[ranks[1] ?? 0] ?? 'straightforward';
}

const MDM_CODE: Record<'new' | 'established', Record<MdmLevel, EmCode>> = {
  new: { straightforward: '99202', low: '99203', moderate: '99204', high: '99205' },
  established: { straightforward: '99212', low: '99213', moderate: '99214', high: '99215' },
};

/** Minimum total minutes per code (2024 onward), highest first. */
const TIME_CODE: Record<'new' | 'established', readonly (readonly [number, EmCode])[]> = {
  new: [
    [60, '99205'],
    [45, '99204'],
    [30, '99203'],
    [15, '99202'],
  ],
  established: [
    [40, '99215'],
    [30, '99214'],
    [20, '99213'],
    [10, '99212'],
  ],
};

export function codeForMdm(status: 'new' | 'established', level: MdmLevel): EmCode {
  return MDM_CODE[status][level];
}

/** The code total time supports, or undefined below the lowest threshold. */
export function codeForTime(status: 'new' | 'established', minutes: number): EmCode | undefined {
  return TIME_CODE[status].find(([min]) => minutes >= min)?.[1];
}

/** Every `reference` string anywhere inside a resource. */
export function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'reference' && typeof child === 'string') out.push(child);
    else out.push(...referencesIn(child));
  }
  return out;
}

export function bundleResources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

export function keyOf(resource: Resource): string {
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

export interface IcdRow {
  readonly billable: boolean;
  readonly description: string;
}

/** The FY2026 ICD-10-CM table (`code,code_nodot,billable,description`), keyed by dotted code. */
export function loadIcd10cm(path: string): Map<string, IcdRow> {
  const rows = new Map<string, IcdRow>();
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const match = /^([^,]+),([^,]+),([01]),(.*)$/.exec(line);
    if (!match) continue;
    const [, code = '', , billable, rawDescription = ''] = match;
    const description = rawDescription.startsWith('"')
      ? rawDescription.slice(1, -1).replaceAll('""', '"')
      : rawDescription;
    rows.set(code, { billable: billable === '1', description });
  }
  return rows;
}

/** Word count as a reader would count it (speaker labels included). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
