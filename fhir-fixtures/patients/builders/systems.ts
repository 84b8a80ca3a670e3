/**
 * Code system and identifier system URIs used by the fixtures, in one place so every builder
 * spells them the same way.
 *
 * @module
 */

export const SYSTEM = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  nucc: 'http://nucc.org/provider-taxonomy',
  v2_0203: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  v2_0360: 'http://terminology.hl7.org/CodeSystem/v2-0360/2.7',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  medicationRequestCategory: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  /** PHDSC Source of Payment Typology, the value set US Core uses for Coverage.type. */
  sopt: 'https://nahdo.org/sopt',
  usCoreDocumentCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  /** Fictional MRN namespace for the sandbox EHR. */
  mrn: 'urn:oid:2.16.840.1.113883.3.9999.1',
  /** Fictional member-id namespace for payer subscriber ids. */
  memberId: 'urn:oid:2.16.840.1.113883.3.9999.2',
} as const;

/** A code with its display text, as the builders take them. */
export interface Coded {
  readonly code: string;
  readonly display: string;
}
