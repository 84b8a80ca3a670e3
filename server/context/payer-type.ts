/**
 * What kind of payer a Coverage is, because coding rules differ by payer (Medicare takes G2211,
 * commercial plans 99417). The most specific evidence wins: the Source of Payment Typology code
 * (US Core's Coverage.type), then the self-pay code, then words in the payer's or plan's name
 * ("Medicare", "Medicaid"), then a v3 ActCode naming a private policy type.
 *
 * @module
 */
import type { CodeableConcept, Coverage } from '@medplum/fhirtypes';
import type { PayerType } from '../contract/clinical-context.ts';
import { codesIn, conceptText } from './fhir-values.ts';

/** PHDSC Source of Payment Typology, under its URL and its PHIN VADS OID. */
const SOPT = ['https://nahdo.org/sopt', 'http://nahdo.org/sopt', 'urn:oid:2.16.840.1.113883.3.221.5'];
const ACT_CODE = ['http://terminology.hl7.org/CodeSystem/v3-ActCode', 'urn:oid:2.16.840.1.113883.5.4'];
const SELF_PAY = ['http://terminology.hl7.org/CodeSystem/coverage-selfpay'];

/** v3 ActCode policy types that only private insurers write. */
const PRIVATE_ACT_CODES = new Set([
  'EHCPOL',
  'HSAPOL',
  'HIP',
  'MCPOL',
  'HMO',
  'PPO',
  'POS',
  'DENTAL',
  'MENTPOL',
  'DRUGPOL',
]);

/**
 * SOPT codes are hierarchical: the first digit is the family. 1 Medicare, 2 Medicaid, 3 other
 * government, 4 corrections, 5 private insurance, 6 Blue Cross/Blue Shield, 7 managed care
 * (unspecified), 8 no payment from an organisation (81 self-pay), 9 miscellaneous.
 */
export function payerTypeFromSopt(code: string): PayerType {
  if (code.startsWith('81')) return 'self-pay';
  switch (code.charAt(0)) {
    case '1':
      return 'medicare';
    case '2':
      return 'medicaid';
    case '5':
    case '6':
      return 'commercial';
    default:
      return 'other';
  }
}

/** Payer type from names alone; undefined when the words say nothing. */
export function payerTypeFromText(text: string): PayerType | undefined {
  const t = text.toLowerCase();
  if (/\bmedicare\b/.test(t)) return 'medicare';
  if (/\bmedicaid\b|\bmedi-cal\b|\bchip\b/.test(t)) return 'medicaid';
  if (/\bself[\s-]?pay\b|\bselfpay\b|\buninsured\b/.test(t)) return 'self-pay';
  return undefined;
}

/** The payer type of `coverage`; `names` are the payer's and plan's names when known. */
export function classifyPayer(coverage: Coverage, names: readonly string[]): PayerType {
  const type: CodeableConcept | undefined = coverage.type;
  const sopt = codesIn(type, SOPT)[0];
  if (sopt) return payerTypeFromSopt(sopt);
  if (codesIn(type, SELF_PAY).includes('pay')) return 'self-pay';
  const fromText = payerTypeFromText([conceptText(type), ...names].join(' | '));
  if (fromText) return fromText;
  if (codesIn(type, ACT_CODE).some((code) => PRIVATE_ACT_CODES.has(code))) return 'commercial';
  return 'other';
}
