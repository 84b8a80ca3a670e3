/**
 * How the context builder reads FHIR: one interface, so the builder never sees tokens, HTTP or
 * fhirclient. The launch module implements it over the per-launch fhirclient `Client` (with
 * refresh and audit); tests implement it over the sandbox.
 *
 * @module
 */
import type { Resource, ResourceType } from '@medplum/fhirtypes';

export type FhirReadFailure =
  /** The EHR refused (403) or the grant does not cover the type. */
  | 'forbidden'
  | 'not_found'
  /** 5xx, timeout, dropped connection. */
  | 'unavailable'
  /** The answer was not the FHIR it should be (bad JSON, wrong resourceType, not a Bundle). */
  | 'malformed'
  /** The access token expired and could not be refreshed: the user must relaunch. */
  | 'session_expired';

/** Thrown by a `FhirReader`; its message never carries a FHIR body or a token. */
export class FhirReadError extends Error {
  override readonly name = 'FhirReadError';
  readonly failure: FhirReadFailure;
  readonly status: number | undefined;

  constructor(failure: FhirReadFailure, message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.failure = failure;
    this.status = status;
  }
}

export interface FhirReader {
  /** `GET [base]/{type}/{id}`. */
  read<K extends ResourceType>(resourceType: K, id: string): Promise<Extract<Resource, { resourceType: K }>>;
  /**
   * `GET [base]/{type}?params`, following `next` links up to `maxPages` (default 20).
   * Returns only resources of `resourceType` (included resources and OperationOutcomes are dropped).
   */
  search<K extends ResourceType>(
    resourceType: K,
    params: Readonly<Record<string, string>>,
    options?: { readonly maxPages?: number },
  ): Promise<Extract<Resource, { resourceType: K }>[]>;
  /** Whether the grant allows reading this type for this launch (from the granted scopes). */
  canRead(resourceType: ResourceType): boolean;
}
