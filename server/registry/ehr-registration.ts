/**
 * What an EHR registration is, as the rest of the server sees it: the FHIR server (`iss`) we
 * accept launches from, our client id there, how we authenticate, and who may frame the app.
 * The client secret itself never appears here: only whether one is stored.
 *
 * @module
 */
import type { EhrRegistrationInput, EhrRegistrationPatch } from './ehr-registration-input.ts';

export const AUTH_METHODS = ['private_key_jwt', 'client_secret_basic', 'none'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const EHR_VENDORS = ['epic', 'oracle-health', 'generic'] as const;
export type EhrVendor = (typeof EHR_VENDORS)[number];

export interface EhrRegistration {
  readonly id: string;
  readonly name: string;
  /** Normalised FHIR base URL: lower-case scheme and host, no default port, no trailing slash. */
  readonly issuer: string;
  readonly clientId: string;
  readonly authMethod: AuthMethod;
  readonly vendor: EhrVendor;
  /** Bare origins (`https://ehr.example.org`) allowed to frame the app for this EHR. */
  readonly frameOrigins: readonly string[];
  /** Space-separated SMART scopes we ask this EHR for. */
  readonly scopes: string;
  /** The `iss` its id_tokens carry, when it differs from the FHIR base. */
  readonly idTokenIssuer: string | null;
  readonly hasClientSecret: boolean;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface EhrRegistry {
  /** The registration whose issuer equals `iss` once both are normalised; undefined when none. */
  findByIssuer(iss: string): Promise<EhrRegistration | undefined>;
  /** Undefined for an unknown id. */
  get(id: string): Promise<EhrRegistration | undefined>;
  /** Every registration, by name. */
  list(): Promise<EhrRegistration[]>;
  /** Validates (AppError `bad_request`); a second registration for an issuer is `conflict`. */
  create(input: EhrRegistrationInput): Promise<EhrRegistration>;
  /** Changes the given fields; `not_found` for an unknown id, `bad_request`, `conflict`. */
  update(id: string, patch: EhrRegistrationPatch): Promise<EhrRegistration>;
  /** `not_found` for an unknown id. */
  remove(id: string): Promise<void>;
  /** The decrypted client secret; undefined when none is stored; `not_found` for an unknown id. */
  clientSecret(id: string): Promise<string | undefined>;
  /** The registered frame origins for `iss`; empty when the issuer is not registered. */
  frameOriginsForIssuer(iss: string): Promise<readonly string[]>;
}
