/**
 * The active problem list: Conditions from the problem list and from visits (EHRs keep chronic
 * problems in either), kept when their clinical status is active, recurrence or relapse and they
 * were not entered in error or refuted. The same problem diagnosed at several visits shows once,
 * preferring the problem-list entry.
 *
 * @module
 */
import type { ProblemItem } from '../contract/clinical-context.ts';
import { capList, collect, LIST_CAPS, skippedWarnings, asList } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import { codingIn, conceptText, firstCode, refOf, resourceOf, str, SYSTEMS } from './fhir-values.ts';
import type { PanelData } from './panel.ts';

const ACTIVE_STATUSES = new Set(['active', 'recurrence', 'relapse']);
const REJECTED_VERIFICATION = new Set(['entered-in-error', 'refuted']);
const PROBLEM_CATEGORIES = new Set(['problem-list-item', 'encounter-diagnosis']);

/** A Condition as a problem-list item; undefined when it has no id or no code or text at all. */
export function normaliseCondition(value: unknown): ProblemItem | undefined {
  const condition = resourceOf(value, 'Condition');
  if (!condition) return undefined;
  const display = conceptText(condition.code);
  if (display === '') return undefined;
  const icd10 = codingIn(condition.code, SYSTEMS.icd10cm);
  const snomed = codingIn(condition.code, SYSTEMS.snomed);
  const clinicalStatus = firstCode(condition.clinicalStatus);
  const verificationStatus = firstCode(condition.verificationStatus);
  const categories = Array.isArray(condition.category) ? condition.category.map(firstCode) : [];
  const category =
    categories.find((c) => c !== undefined && PROBLEM_CATEGORIES.has(c)) ??
    categories.find((c) => c !== undefined);
  const onset =
    str(condition.onsetDateTime) ?? str(condition.onsetPeriod?.start) ?? str(condition.onsetString);
  return {
    ref: refOf(condition),
    display,
    ...(icd10 ? { icd10 } : {}),
    ...(snomed ? { snomed } : {}),
    ...(clinicalStatus ? { clinicalStatus } : {}),
    ...(verificationStatus ? { verificationStatus } : {}),
    ...(category ? { category } : {}),
    ...(onset ? { onset } : {}),
  };
}

/** Whether a problem belongs on the active list. */
export function isActiveProblem(item: ProblemItem): boolean {
  if (!item.clinicalStatus || !ACTIVE_STATUSES.has(item.clinicalStatus)) return false;
  if (item.verificationStatus && REJECTED_VERIFICATION.has(item.verificationStatus)) return false;
  return item.category === undefined || PROBLEM_CATEGORIES.has(item.category);
}

function problemKey(item: ProblemItem): string {
  if (item.icd10) return `icd10|${item.icd10.code}`;
  if (item.snomed) return `snomed|${item.snomed.code}`;
  return `text|${item.display.toLowerCase()}`;
}

/** One item per problem, the problem-list entry winning over visit diagnoses; sorted by display. */
export function activeProblems(items: readonly ProblemItem[]): ProblemItem[] {
  const byKey = new Map<string, ProblemItem>();
  for (const item of items.filter(isActiveProblem)) {
    const key = problemKey(item);
    const kept = byKey.get(key);
    if (!kept || (kept.category !== 'problem-list-item' && item.category === 'problem-list-item'))
      byKey.set(key, item);
  }
  return [...byKey.values()].sort((a, b) =>
    a.display.localeCompare(b.display, 'en', { sensitivity: 'base' }),
  );
}

export async function loadProblems(
  reader: FhirReader,
  patientId: string,
): Promise<PanelData<readonly ProblemItem[]>> {
  const conditions = asList(await reader.search('Condition', { patient: patientId }));
  const { items, skipped } = collect(conditions, normaliseCondition);
  const capped = capList('problems', activeProblems(items), LIST_CAPS.problems);
  return { data: capped.items, warnings: [...skippedWarnings('problems', skipped), ...capped.warnings] };
}
