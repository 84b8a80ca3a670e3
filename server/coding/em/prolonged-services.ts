/**
 * Prolonged office time, only when 99205 or 99215 is chosen by time: CPT 99417 for commercial,
 * Medicaid, self-pay and other payers, starting 15 minutes past the 99205/99215 minimum; HCPCS
 * G2212 for Medicare, which counts from the top of the time range instead, so its first unit starts
 * 14 minutes later. Each further full 15 minutes adds a unit.
 *
 * @module
 */
import type { PayerType } from '../../contract/clinical-context.ts';
import type { EmCode } from '../../contract/coding.ts';
import type { Evidence } from '../../contract/note-draft.ts';
import type { AddOnDecision } from './add-on-decision.ts';
import { isTopLevel } from './em-codes.ts';

/** Minutes at which the first unit starts, by code and by payer rule. */
const FIRST_UNIT: Readonly<Record<'99417' | 'G2212', Partial<Record<EmCode, number>>>> = {
  '99417': { '99205': 75, '99215': 55 },
  G2212: { '99205': 89, '99215': 69 },
};

const UNIT_MINUTES = 15;

const PAYER_WORDS: Readonly<Record<PayerType, string>> = {
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  commercial: 'commercial payers',
  'self-pay': 'self-pay patients',
  other: 'this payer',
};

export interface ProlongedInput {
  readonly code: EmCode;
  readonly basis: 'mdm' | 'time';
  readonly minutes: number | undefined;
  readonly payerType: PayerType;
  readonly timeEvidence: readonly Evidence[];
}

/** Which prolonged code this payer takes. */
export function prolongedCodeFor(payerType: PayerType): '99417' | 'G2212' {
  return payerType === 'medicare' ? 'G2212' : '99417';
}

/** Full units at `minutes` when the first starts at `first`; 0 below it. */
export function prolongedUnits(minutes: number, first: number): number {
  return minutes < first ? 0 : Math.floor((minutes - first) / UNIT_MINUTES) + 1;
}

/** Prolonged add-on units, or why none is suggested when a reviewer might expect one. */
export function prolongedServices(input: ProlongedInput): AddOnDecision {
  const { code, basis, minutes, payerType } = input;
  const addOn = prolongedCodeFor(payerType);
  // Prolonged time only extends the top level; below it more time means a higher level instead.
  if (!isTopLevel(code) || minutes === undefined) return { addOns: [], notSuggested: [] };
  const first = FIRST_UNIT[addOn][code] ?? Number.POSITIVE_INFINITY;
  const units = prolongedUnits(minutes, first);
  if (basis !== 'time') {
    const short = units === 0 ? `, and ${minutes} minutes is short of the ${first}-minute start anyway` : '';
    return {
      addOns: [],
      notSuggested: [
        {
          code: addOn,
          reason: `Prolonged services are reported only when ${code} is chosen by time; here MDM chose it${short}.`,
        },
      ],
    };
  }
  const who = PAYER_WORDS[payerType];
  if (units === 0) {
    return {
      addOns: [],
      notSuggested: [
        {
          code: addOn,
          reason: `Prolonged time (${addOn}) starts at ${first} minutes with ${code} for ${who}; ${minutes} minutes is ${first - minutes} short of it.`,
        },
      ],
    };
  }
  const further = units > 1 ? ` and each further full ${UNIT_MINUTES} minutes adds one` : '';
  return {
    addOns: [
      {
        code: addOn,
        units,
        reasoning: `${minutes} minutes with ${code} chosen by time: for ${who} the first unit of ${addOn} starts at ${first} minutes${further}, so ${units} unit${units > 1 ? 's' : ''}.`,
        evidence: input.timeEvidence,
      },
    ],
    // A reviewer used to the CPT code should see why Medicare gets the HCPCS one instead.
    notSuggested:
      addOn === 'G2212'
        ? [
            {
              code: '99417',
              reason: 'Medicare does not pay 99417; it takes G2212 for prolonged office time.',
            },
          ]
        : [],
  };
}
