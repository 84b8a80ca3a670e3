import type { Coverage } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { classifyPayer, payerTypeFromSopt, payerTypeFromText } from './payer-type.ts';

const coverage = (type?: Coverage['type']): Coverage => ({
  resourceType: 'Coverage',
  status: 'active',
  beneficiary: { reference: 'Patient/p1' },
  payor: [{ reference: 'Organization/o1' }],
  ...(type ? { type } : {}),
});

describe('payerTypeFromSopt', () => {
  it('reads the typology family from the first digit', () => {
    expect(payerTypeFromSopt('1')).toBe('medicare');
    expect(payerTypeFromSopt('111')).toBe('medicare');
    expect(payerTypeFromSopt('2')).toBe('medicaid');
    expect(payerTypeFromSopt('21')).toBe('medicaid');
    expect(payerTypeFromSopt('5')).toBe('commercial');
    expect(payerTypeFromSopt('6')).toBe('commercial');
    expect(payerTypeFromSopt('81')).toBe('self-pay');
    expect(payerTypeFromSopt('82')).toBe('other');
    expect(payerTypeFromSopt('3')).toBe('other');
  });
});

describe('payerTypeFromText', () => {
  it('finds Medicare, Medicaid and self-pay in names, and nothing in other names', () => {
    expect(payerTypeFromText('MEDICARE PART B')).toBe('medicare');
    expect(payerTypeFromText('State Medicaid (Fictional)')).toBe('medicaid');
    expect(payerTypeFromText('Self Pay')).toBe('self-pay');
    expect(payerTypeFromText('Evergreen Health Plan')).toBeUndefined();
  });
});

describe('classifyPayer', () => {
  it('trusts the SOPT code under its URL or its OID over any name', () => {
    const sopt = (code: string, system = 'https://nahdo.org/sopt') =>
      coverage({ coding: [{ system, code }] });
    expect(classifyPayer(sopt('5'), ['Medicare Advantage by Summit'])).toBe('commercial');
    expect(classifyPayer(sopt('2', 'urn:oid:2.16.840.1.113883.3.221.5'), [])).toBe('medicaid');
  });

  it('knows the self-pay code, then names, then private ActCode policy types', () => {
    expect(
      classifyPayer(
        coverage({
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-selfpay', code: 'pay' }],
        }),
        [],
      ),
    ).toBe('self-pay');
    expect(classifyPayer(coverage({ text: 'Medicaid managed care' }), [])).toBe('medicaid');
    expect(classifyPayer(coverage(), ['MEDICARE'])).toBe('medicare');
    const ppo = coverage({
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PPO' }],
    });
    expect(classifyPayer(ppo, ['Summit Mutual'])).toBe('commercial');
    const publicPolicy = coverage({
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'SUBSIDIZ' }],
    });
    expect(classifyPayer(publicPolicy, ['County program'])).toBe('other');
    expect(classifyPayer(coverage(), [])).toBe('other');
  });
});
