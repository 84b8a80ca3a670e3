/**
 * An in-memory `FhirReader` over a list of resources: for reading a bundle file (the command line)
 * and for tests of the context builder and of
 * whatever serves it: a grant (`canRead`), per-type failures, raw junk to slip into a type's
 * search answers, and a log of every call so tests can check which requests were (not) made.
 * Searches understand the few parameters the builder sends: `patient`, `category`, `status`,
 * `_sort=-date`, `_count` (with `maxPages`).
 *
 * @module
 */
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import { FhirReadError, type FhirReader } from './fhir-reader.ts';
import { anyCodes, timeOf } from './fhir-values.ts';

export interface FakeFhirReaderOptions {
  readonly resources: readonly Resource[];
  /** Types the grant covers; default all. */
  readonly canRead?: (type: ResourceType) => boolean;
  /** Thrown by every read and search of that type. */
  readonly failures?: Partial<Record<ResourceType, Error>>;
  /** Appended as they are to every search answer of that type (malformed entries). */
  readonly junk?: Partial<Record<ResourceType, readonly unknown[]>>;
}

export interface FakeCall {
  readonly op: 'read' | 'search';
  readonly type: ResourceType;
  readonly id?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** The `maxPages` a search asked for, when it asked. */
  readonly maxPages?: number;
  /** Pages a search went through. */
  readonly pages?: number;
}

type Loose = Record<string, unknown>;

const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary'] as const;

function belongsTo(resource: Resource, patientId: string): boolean {
  if (resource.resourceType === 'Patient') return resource.id === patientId;
  const r = resource as unknown as Loose;
  return PATIENT_FIELDS.some(
    (f) => (r[f] as { reference?: string } | undefined)?.reference === `Patient/${patientId}`,
  );
}

function dateOf(resource: Resource): number {
  const r = resource as unknown as Loose;
  const period = (r.effectivePeriod ?? r.period) as { start?: string } | undefined;
  const value = (r.effectiveDateTime ?? r.date ?? period?.start ?? r.authoredOn ?? r.recordedDate) as
    string | undefined;
  return timeOf(value) ?? Number.NEGATIVE_INFINITY;
}

function matches(resource: Resource, params: Readonly<Record<string, string>>): boolean {
  const r = resource as unknown as Loose;
  if (params.patient !== undefined && !belongsTo(resource, params.patient)) return false;
  if (params.status !== undefined && r.status !== params.status) return false;
  if (params.category !== undefined) {
    const categories = (Array.isArray(r.category) ? r.category : [r.category]) as Parameters<
      typeof anyCodes
    >[0][];
    if (!categories.some((c) => anyCodes(c).includes(params.category as string))) return false;
  }
  return true;
}

function maxPagesOf(options: { readonly maxPages?: number }): { maxPages?: number } {
  return options.maxPages === undefined ? {} : { maxPages: options.maxPages };
}

export class FakeFhirReader implements FhirReader {
  readonly calls: FakeCall[] = [];
  readonly #options: FakeFhirReaderOptions;

  constructor(options: FakeFhirReaderOptions) {
    this.#options = options;
  }

  canRead(resourceType: ResourceType): boolean {
    return this.#options.canRead?.(resourceType) ?? true;
  }

  read<K extends ResourceType>(resourceType: K, id: string): Promise<Extract<Resource, { resourceType: K }>> {
    this.calls.push({ op: 'read', type: resourceType, id });
    const failure = this.#options.failures?.[resourceType];
    if (failure) return Promise.reject(failure);
    const found = this.#options.resources.find((r) => r.resourceType === resourceType && r.id === id);
    if (!found) return Promise.reject(new FhirReadError('not_found', `${resourceType} not found`, 404));
    return Promise.resolve(found as Extract<Resource, { resourceType: K }>);
  }

  search<K extends ResourceType>(
    resourceType: K,
    params: Readonly<Record<string, string>>,
    options: { readonly maxPages?: number } = {},
  ): Promise<Extract<Resource, { resourceType: K }>[]> {
    const failure = this.#options.failures?.[resourceType];
    if (failure) {
      this.calls.push({ op: 'search', type: resourceType, params, ...maxPagesOf(options), pages: 0 });
      return Promise.reject(failure);
    }
    let found = this.#options.resources.filter((r) => r.resourceType === resourceType && matches(r, params));
    if (params._sort === '-date') found = [...found].sort((a, b) => dateOf(b) - dateOf(a));
    const pageSize = params._count === undefined ? 50 : Number(params._count);
    const maxPages = options.maxPages ?? 20;
    const limited = found.slice(0, pageSize * maxPages);
    const junk = this.#options.junk?.[resourceType] ?? [];
    this.calls.push({
      op: 'search',
      type: resourceType,
      params,
      ...maxPagesOf(options),
      pages: Math.max(1, Math.ceil(limited.length / pageSize)),
    });
    return Promise.resolve([...limited, ...junk] as Extract<Resource, { resourceType: K }>[]);
  }
}
