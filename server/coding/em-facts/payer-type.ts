/**
 * The payer type the add-on rules need (G2211 and G2212 are Medicare's; 99417 everyone else's):
 * the caller's `--payer` first, then the chart's active Coverage. A Medicare coverage wins over
 * others (Medicare pays first for most people who also hold Medicaid or a supplement). With no
 * coverage on the chart the default is `commercial`: the conservative choice, because it never
 * suggests a Medicare-only add-on the documentation cannot show the patient is entitled to.
 *
 * @module
 */
import type { ClinicalContext, PayerType } from '../../contract/clinical-context.ts';

export interface PayerTypeDecision {
  readonly payerType: PayerType;
  readonly reason: string;
}

/** Decide the payer type, saying where it came from. */
export function decidePayerType(
  context: ClinicalContext | undefined,
  given: PayerType | undefined,
): PayerTypeDecision {
  if (given) return { payerType: given, reason: 'given by the caller' };
  const panel = context?.coverage;
  const coverages = panel?.status === 'ok' ? panel.data : [];
  const active = coverages.filter((c) => c.status === 'active');
  const pool = active.length > 0 ? active : coverages;
  const chosen = pool.find((c) => c.payerType === 'medicare') ?? pool[0];
  if (chosen) return { payerType: chosen.payerType, reason: `coverage on the chart: ${chosen.payerName}` };
  return {
    payerType: 'commercial',
    reason: 'no coverage on the chart; commercial assumed (no Medicare-only add-ons)',
  };
}
