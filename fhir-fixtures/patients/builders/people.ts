/**
 * Patient, Practitioner and Organization factories. Everything they produce is fictional: MRNs
 * start `RP-TEST-`, NPIs start `99999`, addresses are on Example Street, phones are 555-01xx.
 *
 * @module
 */
import type { Address, ContactPoint, Organization, Patient, Practitioner } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { SYSTEM } from './systems.ts';
import type { Coded } from './systems.ts';

/** A fictional street address on Example Street. */
export function exampleAddress(houseNumber: number, city = 'Example Valley', postalCode = '00501'): Address {
  return {
    use: 'home',
    line: [`${houseNumber} Example Street`],
    city,
    state: 'EX',
    postalCode,
    country: 'US',
  };
}

/** A fictional 555-01xx phone number (the range reserved for fiction). */
export function examplePhone(last2: number, use: ContactPoint['use'] = 'mobile'): ContactPoint {
  if (!Number.isInteger(last2) || last2 < 0 || last2 > 99) {
    throw new RangeError('Fictional phone numbers use 555-0100 to 555-0199');
  }
  return { system: 'phone', value: `555-555-01${String(last2).padStart(2, '0')}`, use };
}

export interface PatientInput {
  readonly id: string;
  /** Must start `RP-TEST-`. */
  readonly mrn: string;
  readonly given: readonly string[];
  readonly family: string;
  readonly gender: 'male' | 'female' | 'other' | 'unknown';
  readonly birthDate: string;
  readonly houseNumber: number;
  readonly phoneLast2: number;
  /** A parent or guardian, for children. */
  readonly contact?: {
    readonly given: string;
    readonly family: string;
    readonly relationship: 'MTH' | 'FTH' | 'GRD';
    readonly phoneLast2: number;
  };
}

const RELATIONSHIP_DISPLAY = { MTH: 'mother', FTH: 'father', GRD: 'guardian' } as const;

export function buildPatient(input: PatientInput): WithId<Patient> {
  if (!input.mrn.startsWith('RP-TEST-')) {
    throw new Error('Fixture MRNs must start RP-TEST- so they cannot be mistaken for real ones');
  }
  const patient: WithId<Patient> = {
    resourceType: 'Patient',
    id: input.id,
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: SYSTEM.v2_0203, code: 'MR', display: 'Medical record number' }] },
        system: SYSTEM.mrn,
        value: input.mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family: input.family, given: [...input.given] }],
    telecom: [examplePhone(input.phoneLast2)],
    gender: input.gender,
    birthDate: input.birthDate,
    address: [exampleAddress(input.houseNumber)],
    communication: [
      {
        language: {
          coding: [{ system: 'urn:ietf:bcp:47', code: 'en-US', display: 'English (United States)' }],
        },
        preferred: true,
      },
    ],
  };
  if (input.contact) {
    const c = input.contact;
    patient.contact = [
      {
        relationship: [
          {
            coding: [
              {
                system: SYSTEM.roleCode,
                code: c.relationship,
                display: RELATIONSHIP_DISPLAY[c.relationship],
              },
            ],
          },
        ],
        name: { family: c.family, given: [c.given] },
        telecom: [examplePhone(c.phoneLast2)],
      },
    ];
  }
  return patient;
}

export interface PractitionerInput {
  readonly id: string;
  /** Ten digits starting 99999 (never a real NPI). */
  readonly npi: string;
  readonly given: string;
  readonly family: string;
  readonly degree: Coded;
  /** NUCC provider taxonomy code for the specialty. */
  readonly taxonomy: Coded;
  readonly phoneLast2: number;
}

export function buildPractitioner(input: PractitionerInput): WithId<Practitioner> {
  if (!/^99999\d{5}$/.test(input.npi)) {
    throw new Error('Fixture NPIs are ten digits starting 99999');
  }
  return {
    resourceType: 'Practitioner',
    id: input.id,
    identifier: [{ system: SYSTEM.npi, value: input.npi }],
    active: true,
    name: [{ use: 'official', family: input.family, given: [input.given], suffix: [input.degree.code] }],
    telecom: [examplePhone(input.phoneLast2, 'work')],
    address: [{ ...exampleAddress(100), use: 'work' }],
    qualification: [
      {
        code: {
          coding: [{ system: SYSTEM.v2_0360, code: input.degree.code, display: input.degree.display }],
        },
      },
      {
        code: {
          coding: [{ system: SYSTEM.nucc, code: input.taxonomy.code, display: input.taxonomy.display }],
        },
      },
    ],
  };
}

export interface OrganizationInput {
  readonly id: string;
  readonly name: string;
  readonly kind: 'prov' | 'pay' | 'other';
  readonly npi?: string;
  readonly houseNumber: number;
  readonly phoneLast2: number;
}

const ORG_KIND_DISPLAY = { prov: 'Healthcare Provider', pay: 'Payer', other: 'Other' } as const;

export function buildOrganization(input: OrganizationInput): WithId<Organization> {
  if (input.npi !== undefined && !/^99999\d{5}$/.test(input.npi)) {
    throw new Error('Fixture NPIs are ten digits starting 99999');
  }
  return {
    resourceType: 'Organization',
    id: input.id,
    ...(input.npi === undefined ? {} : { identifier: [{ system: SYSTEM.npi, value: input.npi }] }),
    active: true,
    type: [
      {
        coding: [
          { system: SYSTEM.organizationType, code: input.kind, display: ORG_KIND_DISPLAY[input.kind] },
        ],
      },
    ],
    name: input.name,
    telecom: [examplePhone(input.phoneLast2, 'work')],
    address: [{ ...exampleAddress(input.houseNumber), use: 'work' }],
  };
}
