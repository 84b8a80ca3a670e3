/**
 * `GET /metadata`: the server's CapabilityStatement. `software.name` tells which EHR the sandbox
 * is impersonating (vendor profile), as a real Epic or Oracle Health server's statement does.
 * Lists the resource types an outpatient documentation app touches; the server stores any R4
 * type.
 *
 * @module
 */
import { getSearchParameters } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
  ResourceType,
} from '@medplum/fhirtypes';
import { authEndpoints } from '../auth/discovery.ts';
import type { SandboxState, VendorProfileName } from '../state.ts';

const SOFTWARE: Readonly<Record<VendorProfileName, { name: string; publisher: string }>> = {
  generic: { name: 'RevenuePilot Sandbox EHR (generic FHIR R4)', publisher: 'RevenuePilot sandbox' },
  epic: { name: 'Epic (RevenuePilot sandbox profile)', publisher: 'RevenuePilot sandbox imitating Epic' },
  'oracle-health': {
    name: 'Oracle Health Millennium (RevenuePilot sandbox profile)',
    publisher: 'RevenuePilot sandbox imitating Oracle Health',
  },
};

const LISTED_TYPES: readonly ResourceType[] = [
  'AllergyIntolerance',
  'Binary',
  'CarePlan',
  'CareTeam',
  'ChargeItem',
  'Claim',
  'Condition',
  'Coverage',
  'Device',
  'DiagnosticReport',
  'DocumentReference',
  'Encounter',
  'Goal',
  'Immunization',
  'Location',
  'Medication',
  'MedicationDispense',
  'MedicationRequest',
  'MedicationStatement',
  'Observation',
  'Organization',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Procedure',
  'Provenance',
  'QuestionnaireResponse',
  'RelatedPerson',
  'ServiceRequest',
  'Specimen',
];

const SEARCHABLE_TYPES = new Set(['reference', 'string', 'uri', 'token', 'date']);

export function capabilityStatement(state: SandboxState): CapabilityStatement {
  const software = SOFTWARE[state.vendor];
  const endpoints = authEndpoints(state);
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: `${state.today}T00:00:00Z`,
    publisher: software.publisher,
    kind: 'instance',
    software: { name: software.name, version: '0.1.0' },
    implementation: { description: 'RevenuePilot sandbox EHR (synthetic data only)', url: state.fhirBaseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: false,
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: endpoints.authorization },
                { url: 'token', valueUri: endpoints.token },
              ],
            },
          ],
        },
        resource: LISTED_TYPES.map(resourceEntry),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}

function resourceEntry(type: ResourceType): CapabilityStatementRestResource {
  const searchParam: CapabilityStatementRestResourceSearchParam[] = Object.values(
    getSearchParameters(type) ?? {},
  )
    .filter((p) => SEARCHABLE_TYPES.has(p.type ?? '') && p.code !== '_compartment')
    .map((p) => ({ name: p.code ?? '', type: p.type, ...(p.url ? { definition: p.url } : {}) }));
  return {
    type,
    interaction: (
      ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type'] as const
    ).map((code) => ({ code })),
    versioning: 'versioned',
    searchParam,
  };
}
