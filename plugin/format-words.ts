/**
 * FHIR codes as words on screen: `entered-in-error` → "Entered in error", `self-pay` → "Self-pay".
 *
 * @module
 */
import type { PayerType } from '../server/contract/clinical-context.ts';

/** "entered-in-error" → "Entered in error"; empty stays empty. */
export function humanise(code: string | undefined): string {
  if (!code) return '';
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PAYER_TYPES: Readonly<Record<PayerType, string>> = {
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  'self-pay': 'Self-pay',
  other: 'Other',
};

export function payerTypeLabel(type: PayerType): string {
  return PAYER_TYPES[type] ?? humanise(type);
}
