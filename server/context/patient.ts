/**
 * The patient banner's facts: name, birth date, age at the visit, sex and MRN. The Patient is the
 * one read the context cannot do without, so a Patient that cannot be read fails the whole
 * context (as a `malformed` FhirReadError) rather than degrading a panel.
 *
 * @module
 */
import { calculateAge, formatHumanName } from '@medplum/core';
import type { HumanName, Identifier } from '@medplum/fhirtypes';
import type { PatientSummary } from '../contract/clinical-context.ts';
import { anyCodes, refOf, resourceOf, str } from './fhir-values.ts';

/** "67 y" from two years on, "18 m" from one month, "12 d" before that. */
export function formatAge(birthDate: string, atDate: string): string | undefined {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate)) return undefined;
  const at = atDate.slice(0, 10);
  if (at < birthDate) return undefined;
  const { years, months, days } = calculateAge(birthDate, at);
  if (years >= 2) return `${years} y`;
  if (months >= 1) return `${months} m`;
  return `${days} d`;
}

function preferredName(names: unknown): HumanName | undefined {
  if (!Array.isArray(names)) return undefined;
  const list = names.filter((n): n is HumanName => typeof n === 'object' && n !== null);
  return list.find((n) => n.use === 'official') ?? list.find((n) => n.use === 'usual') ?? list[0];
}

/** The value of the identifier typed MR (v2-0203), the EHR's medical record number. */
function mrnOf(identifiers: unknown): string | undefined {
  if (!Array.isArray(identifiers)) return undefined;
  const mr = identifiers.find(
    (i): i is Identifier =>
      typeof i === 'object' &&
      i !== null &&
      anyCodes((i as Identifier).type).includes('MR') &&
      !!str((i as Identifier).value),
  );
  return mr?.value;
}

/**
 * A Patient as the banner shows it; undefined when `value` is not a Patient with an id.
 * `atDate` is the visit date (YYYY-MM-DD or a dateTime) the age is computed at.
 */
export function normalisePatient(value: unknown, atDate: string): PatientSummary | undefined {
  const patient = resourceOf(value, 'Patient');
  if (!patient) return undefined;
  const name = preferredName(patient.name);
  const formatted = name ? formatHumanName(name).trim() : '';
  const birthDate = str(patient.birthDate);
  const age = birthDate ? formatAge(birthDate, atDate) : undefined;
  const gender = str(patient.gender);
  const mrn = mrnOf(patient.identifier);
  return {
    ref: refOf(patient),
    name: formatted || 'Name not recorded',
    ...(birthDate ? { birthDate } : {}),
    ...(age ? { age } : {}),
    ...(gender ? { gender } : {}),
    ...(mrn ? { mrn } : {}),
  };
}
