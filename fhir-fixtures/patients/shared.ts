/**
 * Resources every fixture shares: the fictional clinic, an outside hospital, the four payers and
 * one practitioner per specialty. Each patient bundle includes the ones it references (PUT is
 * idempotent, and `transactionBundle` drops repeats).
 *
 * @module
 */
import type { Organization, Practitioner } from '@medplum/fhirtypes';
import type { WithId } from './builders/index.ts';
import { buildOrganization, buildPractitioner } from './builders/index.ts';
import type { Specialty } from './types.ts';

export const CLINIC: WithId<Organization> = buildOrganization({
  id: 'rp-org-example-valley',
  name: 'Example Valley Health (Fictional)',
  kind: 'prov',
  npi: '9999900100',
  houseNumber: 100,
  phoneLast2: 0,
});

/** Where outside records (echo reports, ED visits) come from. */
export const OUTSIDE_HOSPITAL: WithId<Organization> = buildOrganization({
  id: 'rp-org-riverbend-hospital',
  name: 'Riverbend Regional Hospital (Fictional)',
  kind: 'prov',
  npi: '9999900200',
  houseNumber: 900,
  phoneLast2: 90,
});

export const PAYER = {
  medicare: buildOrganization({
    id: 'rp-org-payer-medicare',
    name: 'Medicare Part B (Fictional)',
    kind: 'pay',
    houseNumber: 10,
    phoneLast2: 10,
  }),
  medicaid: buildOrganization({
    id: 'rp-org-payer-medicaid',
    name: 'State Medicaid (Fictional)',
    kind: 'pay',
    houseNumber: 20,
    phoneLast2: 20,
  }),
  evergreen: buildOrganization({
    id: 'rp-org-payer-evergreen',
    name: 'Evergreen Health Plan (Fictional)',
    kind: 'pay',
    houseNumber: 30,
    phoneLast2: 30,
  }),
  summit: buildOrganization({
    id: 'rp-org-payer-summit',
    name: 'Summit Mutual Insurance (Fictional)',
    kind: 'pay',
    houseNumber: 40,
    phoneLast2: 40,
  }),
} as const satisfies Record<string, WithId<Organization>>;

const MD = { code: 'MD', display: 'Doctor of Medicine' };

/** One practitioner per specialty; ids are stable and used as `practitionerRef`. */
export const PRACTITIONER = {
  'primary-care': buildPractitioner({
    id: 'rp-dr-okafor',
    npi: '9999900001',
    given: 'Riley',
    family: 'Okafor-Testdoc',
    degree: MD,
    taxonomy: { code: '207Q00000X', display: 'Family Medicine' },
    phoneLast2: 1,
  }),
  cardiology: buildPractitioner({
    id: 'rp-dr-lindqvist',
    npi: '9999900002',
    given: 'Sam',
    family: 'Lindqvist-Testdoc',
    degree: MD,
    taxonomy: { code: '207RC0000X', display: 'Cardiovascular Disease Physician' },
    phoneLast2: 2,
  }),
  endocrinology: buildPractitioner({
    id: 'rp-dr-haddad',
    npi: '9999900003',
    given: 'Noor',
    family: 'Haddad-Testdoc',
    degree: MD,
    taxonomy: { code: '207RE0101X', display: 'Endocrinology, Diabetes & Metabolism Physician' },
    phoneLast2: 3,
  }),
  paediatrics: buildPractitioner({
    id: 'rp-dr-moreno',
    npi: '9999900004',
    given: 'Casey',
    family: 'Moreno-Testdoc',
    degree: MD,
    taxonomy: { code: '208000000X', display: 'Pediatrics Physician' },
    phoneLast2: 4,
  }),
  orthopaedics: buildPractitioner({
    id: 'rp-dr-tanaka',
    npi: '9999900005',
    given: 'Kai',
    family: 'Tanaka-Testdoc',
    degree: MD,
    taxonomy: { code: '207X00000X', display: 'Orthopaedic Surgery Physician' },
    phoneLast2: 5,
  }),
  'behavioural-health': buildPractitioner({
    id: 'rp-dr-brennan',
    npi: '9999900006',
    given: 'Alex',
    family: 'Brennan-Testdoc',
    degree: MD,
    taxonomy: { code: '2084P0800X', display: 'Psychiatry Physician' },
    phoneLast2: 6,
  }),
} as const satisfies Record<Specialty, WithId<Practitioner>>;

/** `Practitioner/<id>` for a specialty, the form `PatientFixture.practitionerRef` takes. */
export function practitionerRefFor(specialty: Specialty): string {
  return `Practitioner/${PRACTITIONER[specialty].id}`;
}
