/**
 * The repository the FHIR router talks to for one request: Medplum's MemoryRepository (the
 * sandbox's database) behind the token's access policy. Because the router runs every
 * interaction, including each entry of a batch or transaction, through these methods, scope and
 * compartment checks happen here once. It also does what MemoryRepository leaves out: R4
 * validation (422), server-assigned ids on create, all-or-nothing transactions and exact search.
 *
 * @module
 */
import {
  isResourceType,
  normalizeOperationOutcome,
  OperationOutcomeError,
  validateResource,
  type SearchRequest,
  type WithId,
} from '@medplum/core';
import type { Bundle, Meta, Reference, Resource } from '@medplum/fhirtypes';
import {
  FhirRepository,
  type CreateResourceOptions,
  type MemoryRepository,
  type UpdateResourceOptions,
} from '@medplum/fhir-router';
import type { ScopeInteraction } from '../../../launch/scopes.ts';
import { permits, type Access, type AccessPolicy } from './access-policy.ts';
import { searchWithAccess } from './guarded-search.ts';
import {
  badRequestOutcome,
  fail,
  forbiddenOutcome,
  unknownTypeOutcome,
  unprocessableOutcome,
} from './outcomes.ts';
import { readOrUndefined, WriteJournal } from './write-journal.ts';

type PatchOperations = Parameters<FhirRepository['patchResource']>[2];

export interface GuardedRepositoryOptions {
  readonly policy: AccessPolicy;
  /** Validate resources against the R4 definitions on write (off for trusted fixture loads). */
  readonly validate: boolean;
  /** Absolute FHIR base for search `fullUrl`s and paging links; unknown before the server listens. */
  readonly fhirBaseUrl: string | undefined;
  /** Largest search page (`_count` above it is lowered); default MAX_PAGE_SIZE (search-request.ts). */
  readonly maxPageSize?: number;
}

export class GuardedRepository extends FhirRepository<undefined> {
  readonly #repo: MemoryRepository;
  readonly #options: GuardedRepositoryOptions;
  readonly #journal: WriteJournal;

  constructor(repo: MemoryRepository, options: GuardedRepositoryOptions) {
    super();
    this.#repo = repo;
    this.#options = options;
    this.#journal = new WriteJournal(repo);
  }

  setMode(): void {
    // One store; no reader/writer split.
  }

  generateId(): string {
    return this.#repo.generateId();
  }

  async createResource<T extends Resource>(resource: T, options?: CreateResourceOptions): Promise<WithId<T>> {
    const access = this.#require(resource.resourceType, 'c');
    // A client's id is ignored on create; batch entries arrive with the id the router assigned.
    const id = options?.assignedId && resource.id ? resource.id : this.generateId();
    const meta = withoutVersion(resource.meta);
    const toStore: T = { ...resource, id, meta };
    if (!meta) delete toStore.meta;
    this.#validate(toStore);
    this.#fence(access, toStore, 'create');
    await this.#journal.remember(toStore.resourceType, id);
    return this.#repo.createResource<T>(toStore);
  }

  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    const access = this.#require(resourceType, 'r');
    const resource = await this.#repo.readResource<WithId<T>>(resourceType, id);
    this.#fence(access, resource, 'read');
    return resource;
  }

  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    const [resourceType, id, extra] = reference.reference?.split('/') ?? [];
    if (!resourceType || !id || extra !== undefined) fail(badRequestOutcome('Invalid reference'));
    return this.readResource<T>(resourceType, id);
  }

  async readReferences<T extends Resource>(references: readonly Reference<T>[]): Promise<(T | Error)[]> {
    return Promise.all(
      references.map((ref) =>
        this.readReference(ref).catch(
          (err: unknown) => new OperationOutcomeError(normalizeOperationOutcome(err)),
        ),
      ),
    );
  }

  async readHistory<T extends Resource>(resourceType: string, id: string): Promise<Bundle<WithId<T>>> {
    await this.readResource(resourceType, id); // checks scope and compartment on the current version
    return (await this.#repo.readHistory<T>(resourceType, id)) as Bundle<WithId<T>>;
  }

  async readVersion<T extends Resource>(resourceType: string, id: string, vid: string): Promise<WithId<T>> {
    const access = this.#require(resourceType, 'r');
    const version = await this.#repo.readVersion<WithId<T>>(resourceType, id, vid);
    this.#fence(access, version, 'read');
    return version;
  }

  async updateResource<T extends Resource>(resource: T, options?: UpdateResourceOptions): Promise<WithId<T>> {
    const access = this.#require(resource.resourceType, 'u');
    const existing = resource.id
      ? await readOrUndefined(this.#repo, resource.resourceType, resource.id)
      : undefined;
    if (existing) this.#fence(access, existing, 'update');
    else this.#require(resource.resourceType, 'c'); // PUT to a new id creates
    this.#validate(resource);
    this.#fence(access, resource, 'update');
    await this.#journal.remember(resource.resourceType, resource.id ?? '');
    return this.#repo.updateResource<T>(resource, options);
  }

  async patchResource<T extends Resource>(
    resourceType: T['resourceType'],
    id: string,
    patch: PatchOperations,
  ): Promise<WithId<T>> {
    const access = this.#require(resourceType, 'u');
    const existing = await this.#repo.readResource<WithId<T>>(resourceType, id);
    this.#fence(access, existing, 'update');
    await this.#journal.remember(resourceType, id);
    const patched = await this.#repo.patchResource<T>(resourceType, id, patch);
    try {
      this.#validate(patched);
      this.#fence(access, patched, 'update');
    } catch (err) {
      await this.#repo.createResource(existing); // undo: the patch broke the rules
      throw err;
    }
    return patched;
  }

  async deleteResource(resourceType: string, id: string): Promise<void> {
    const access = this.#require(resourceType, 'd');
    const existing = await this.#repo.readResource(resourceType, id);
    this.#fence(access, existing, 'delete');
    await this.#journal.remember(resourceType, id);
    await this.#repo.deleteResource(resourceType, id);
  }

  async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const access = this.#require(searchRequest.resourceType, 's');
    const { fhirBaseUrl, maxPageSize } = this.#options;
    return searchWithAccess(this.#repo, searchRequest, access, fhirBaseUrl, { maxPageSize });
  }

  async searchByReference<T extends Resource>(
    searchRequest: SearchRequest<T>,
    referenceField: string,
    references: string[],
  ): Promise<Record<string, WithId<T>[]>> {
    const results: Record<string, WithId<T>[]> = {};
    for (const reference of references) {
      const filters = [
        ...(searchRequest.filters ?? []),
        { code: referenceField, operator: 'eq' as const, value: reference },
      ];
      results[reference] = await this.searchResources({ ...searchRequest, filters });
    }
    return results;
  }

  withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    return this.#journal.run(() => callback(undefined));
  }

  #require(resourceType: string, interaction: ScopeInteraction): Access & { allowed: true } {
    if (!isResourceType(resourceType)) fail(unknownTypeOutcome(resourceType));
    const access = this.#options.policy(resourceType, interaction);
    if (!access.allowed) fail(forbiddenOutcome(access.reason));
    return access;
  }

  #fence(access: Access & { allowed: true }, resource: Resource, verb: string): void {
    if (permits(access, resource)) return;
    fail(
      forbiddenOutcome(
        `This token may not ${verb} ${resource.resourceType}/${resource.id ?? '(new)'}: it is outside the launch patient's compartment or the scope's filter`,
      ),
    );
  }

  #validate(resource: Resource): void {
    if (!this.#options.validate) return;
    try {
      validateResource(resource);
    } catch (err) {
      if (err instanceof OperationOutcomeError) fail(unprocessableOutcome(err.outcome.issue ?? []));
      throw err;
    }
  }
}

/** The server, not the client, decides a new resource's version and timestamp. */
function withoutVersion(meta: Meta | undefined): Meta | undefined {
  if (!meta) return undefined;
  const rest: Meta = { ...meta };
  delete rest.versionId;
  delete rest.lastUpdated;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
