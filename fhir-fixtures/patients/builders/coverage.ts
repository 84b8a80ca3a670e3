/**
 * Coverage (the patient's payer), typed by the Source of Payment Typology so the coding engine
 * can tell Medicare (G2211, G2212) from commercial payers (99417) and Medicaid.
 *
 * @module
 */
import type { Coverage, Organization, Patient, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { SYSTEM } from './systems.ts';

export type PayerKind = 'medicare' | 'medicaid' | 'commercial';

const PAYER_TYPE: Record<PayerKind, { code: string; display: string }> = {
  medicare: { code: '1', display: 'MEDICARE' },
  medicaid: { code: '2', display: 'MEDICAID' },
  commercial: { code: '5', display: 'PRIVATE HEALTH INSURANCE' },
};

export interface CoverageInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly payer: Reference<Organization>;
  readonly kind: PayerKind;
  /** Fictional member id; must contain `TEST`. */
  readonly subscriberId: string;
  /** The patient's relationship to the subscriber (a child on a parent's plan is `child`). */
  readonly relationship: 'self' | 'spouse' | 'child';
  /** YYYY-MM-DD the coverage began. */
  readonly start: string;
  readonly planName?: string;
  readonly groupId?: string;
}

export function payerKindOf(coverage: Coverage): PayerKind | undefined {
  const code = coverage.type?.coding?.find((c) => c.system === SYSTEM.sopt)?.code;
  return (Object.keys(PAYER_TYPE) as PayerKind[]).find((k) => PAYER_TYPE[k].code === code);
}

export function buildCoverage(input: CoverageInput): WithId<Coverage> {
  if (!input.subscriberId.includes('TEST')) {
    throw new Error('Fixture member ids must contain TEST so they cannot be mistaken for real ones');
  }
  const type = PAYER_TYPE[input.kind];
  return {
    resourceType: 'Coverage',
    id: input.id,
    identifier: [{ system: SYSTEM.memberId, value: input.subscriberId }],
    status: 'active',
    type: { coding: [{ system: SYSTEM.sopt, code: type.code, display: type.display }], text: type.display },
    ...(input.relationship === 'self' ? { subscriber: input.patient } : {}),
    subscriberId: input.subscriberId,
    beneficiary: input.patient,
    relationship: { coding: [{ system: SYSTEM.subscriberRelationship, code: input.relationship }] },
    period: { start: input.start },
    payor: [input.payer],
    ...(input.planName === undefined && input.groupId === undefined
      ? {}
      : {
          class: [
            ...(input.groupId === undefined
              ? []
              : [
                  {
                    type: {
                      coding: [
                        { system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'group' },
                      ],
                    },
                    value: input.groupId,
                  },
                ]),
            ...(input.planName === undefined
              ? []
              : [
                  {
                    type: {
                      coding: [
                        { system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' },
                      ],
                    },
                    value: input.planName.replace(/\W+/g, '-').toUpperCase(),
                    name: input.planName,
                  },
                ]),
          ],
        }),
  };
}
