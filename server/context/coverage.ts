/**
 * The patient's current coverage: payer name, payer type, plan and period. Coverages that are
 * not active, or whose period has ended or not begun, are left out. When the payor reference
 * carries no display name, the payer Organization is read (one more round trip for this panel
 * only, and only when the grant covers Organization); a failed payer read falls back to the plan
 * name rather than failing the panel.
 *
 * @module
 */
import type { Coverage, Organization, Reference } from '@medplum/fhirtypes';
import type { CoverageSummary } from '../contract/clinical-context.ts';
import { asList, capList, collect, LIST_CAPS, skippedWarnings } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import { anyCodes, conceptText, refOf, resourceOf, str, timeOf } from './fhir-values.ts';
import { isSessionExpired, type PanelData } from './panel.ts';
import { classifyPayer } from './payer-type.ts';

const PAYOR_ORGANIZATION = /^(?:.*\/)?Organization\/([^/]+)$/;

function firstPayor(coverage: Coverage): Reference | undefined {
  const payors: unknown = coverage.payor;
  return Array.isArray(payors) ? (payors[0] as Reference | undefined) : undefined;
}

/** The bare id of the payer Organization when the payor names none in words. */
export function payorOrganizationToRead(coverage: Coverage): string | undefined {
  const payor = firstPayor(coverage);
  if (!payor || str(payor.display)) return undefined;
  return PAYOR_ORGANIZATION.exec(str(payor.reference) ?? '')?.[1];
}

function planNameOf(coverage: Coverage): string | undefined {
  const classes: unknown = coverage.class;
  if (!Array.isArray(classes)) return undefined;
  const typed = (code: string) =>
    (classes as NonNullable<Coverage['class']>).find((c) => anyCodes(c?.type).includes(code));
  const plan = typed('plan') ?? typed('group');
  return str(plan?.name) ?? str(plan?.value);
}

/** Whether `coverage` is active and its period includes `now`. */
export function isCurrentCoverage(coverage: Coverage, now: Date): boolean {
  if (coverage.status !== 'active') return false;
  const start = timeOf(coverage.period?.start);
  const end = timeOf(coverage.period?.end);
  const t = now.getTime();
  return (start === undefined || start <= t) && (end === undefined || end >= t);
}

/**
 * A Coverage as the payer line shows it; `payerNames` maps payer Organization ids to names read
 * separately. Undefined when `value` is not a Coverage with an id and a status.
 */
export function normaliseCoverage(
  value: unknown,
  payerNames: ReadonlyMap<string, string> = new Map(),
): CoverageSummary | undefined {
  const coverage = resourceOf(value, 'Coverage');
  const status = str(coverage?.status);
  if (!coverage || !status) return undefined;
  const payor = firstPayor(coverage);
  const orgId = PAYOR_ORGANIZATION.exec(str(payor?.reference) ?? '')?.[1];
  const payorIsPatient = /(?:^|\/)(Patient|RelatedPerson)\//.test(str(payor?.reference) ?? '');
  const planName = planNameOf(coverage);
  const knownName = str(payor?.display) ?? (orgId ? payerNames.get(orgId) : undefined);
  const payerType = payorIsPatient
    ? 'self-pay'
    : classifyPayer(coverage, [knownName, planName].filter((n) => !!n) as string[]);
  const payerName =
    knownName ??
    planName ??
    (payerType === 'self-pay' ? 'Self-pay' : conceptText(coverage.type) || 'Payer not named');
  const periodStart = str(coverage.period?.start);
  const periodEnd = str(coverage.period?.end);
  return {
    ref: refOf(coverage),
    payerName,
    payerType,
    ...(planName ? { planName } : {}),
    status,
    ...(periodStart ? { periodStart } : {}),
    ...(periodEnd ? { periodEnd } : {}),
  };
}

/** Names of payer Organizations, read at once; a failed read leaves a name out (never the panel). */
async function readPayerNames(reader: FhirReader, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0 || !reader.canRead('Organization')) return names;
  const reads = await Promise.allSettled(ids.map((id) => reader.read('Organization', id)));
  reads.forEach((result, i) => {
    if (result.status === 'rejected') {
      if (isSessionExpired(result.reason)) throw result.reason;
      return;
    }
    const org: Organization | undefined = resourceOf(result.value, 'Organization');
    const id = ids[i];
    const name = str(org?.name);
    if (id !== undefined && name) names.set(id, name);
  });
  return names;
}

export async function loadCoverage(
  reader: FhirReader,
  patientId: string,
  now: Date,
): Promise<PanelData<readonly CoverageSummary[]>> {
  const found = asList(await reader.search('Coverage', { patient: patientId }));
  const checked = collect(found, (v) => (normaliseCoverage(v) ? (v as Coverage) : undefined));
  // Coverage.order ranks a patient's plans (1 = primary); unranked ones follow.
  const current = checked.items
    .filter((c) => isCurrentCoverage(c, now))
    .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
  const orgIds = [...new Set(current.map(payorOrganizationToRead).filter((id): id is string => !!id))];
  const names = await readPayerNames(reader, orgIds);
  const { items, skipped } = collect(current, (c) => normaliseCoverage(c, names));
  const capped = capList('coverage', items, LIST_CAPS.coverage);
  return {
    data: capped.items,
    warnings: [...skippedWarnings('coverage', checked.skipped + skipped), ...capped.warnings],
  };
}
