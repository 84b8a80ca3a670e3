/**
 * All-or-nothing transactions over Medplum's MemoryRepository, whose `withTransaction` just runs
 * the callback. While a transaction runs, the journal remembers each touched resource as it was
 * before the first write; if the transaction throws, those states are put back (newest first).
 * Writes from other requests that interleave with a failing transaction are not isolated from
 * it: good enough for a single-user sandbox, not for a production EHR.
 *
 * @module
 */
import { isNotFound, normalizeOperationOutcome } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import type { MemoryRepository } from '@medplum/fhir-router';

export class WriteJournal {
  readonly #repo: MemoryRepository;
  #before: Map<string, Resource | undefined> | undefined;

  constructor(repo: MemoryRepository) {
    this.#repo = repo;
  }

  /** Call before writing `resourceType/id`; a no-op outside a transaction. */
  async remember(resourceType: string, id: string): Promise<void> {
    const before = this.#before;
    const key = `${resourceType}/${id}`;
    if (!before || before.has(key)) return;
    before.set(key, await readOrUndefined(this.#repo, resourceType, id));
  }

  /** Runs `work` as one transaction; nested calls join the outer one. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#before) return work();
    const before = new Map<string, Resource | undefined>();
    this.#before = before;
    try {
      return await work();
    } catch (err) {
      await this.#restore(before);
      throw err;
    } finally {
      this.#before = undefined;
    }
  }

  async #restore(before: Map<string, Resource | undefined>): Promise<void> {
    for (const [key, resource] of [...before].reverse()) {
      const [resourceType = '', id = ''] = key.split('/');
      if (resource) {
        // createResource keeps meta.versionId and lastUpdated, so the old version comes back as it was.
        await this.#repo.createResource(resource);
      } else if (await readOrUndefined(this.#repo, resourceType, id)) {
        await this.#repo.deleteResource(resourceType, id);
      }
    }
  }
}

export async function readOrUndefined(
  repo: MemoryRepository,
  resourceType: string,
  id: string,
): Promise<Resource | undefined> {
  try {
    return await repo.readResource(resourceType, id);
  } catch (err) {
    if (isNotFound(normalizeOperationOutcome(err))) return undefined;
    throw err;
  }
}
