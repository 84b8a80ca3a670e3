/**
 * One spelling for a user's identity at an EHR: the `fhirUser` claim is an absolute URL
 * (`https://ehr.example/fhir/r4/Practitioner/123`) in id_tokens and a relative reference
 * (`Practitioner/123`) in admin input; both become `Practitioner/123`. The id_token that carried
 * it was verified against the registration's issuer, so within one registration the reference
 * alone names the user. Anything that is not a FHIR reference is kept as given, trimmed.
 *
 * @module
 */

const REFERENCE_TAIL =
  /(?:^|\/)((?:Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/[A-Za-z0-9\-.]{1,64})\/?$/;

export function userKey(fhirUser: string): string {
  const trimmed = fhirUser.trim();
  const withoutHistory = trimmed.replace(/\/_history\/[^/]+$/, '');
  return REFERENCE_TAIL.exec(withoutHistory)?.[1] ?? trimmed;
}
