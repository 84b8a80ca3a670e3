/**
 * Reading a launch's `ClinicalContext` from its EHR, and reading it early: the callback starts
 * the first read as soon as the tokens are stored, so the EHR round trips overlap the browser
 * loading the plugin (launch to banner is what a clinician waits for). The plugin's first
 * `/context` call takes that read; later calls (Refresh, Retry) read again. A prefetched read
 * nobody takes is dropped after a short while. Every FHIR read lands in the audit trail under
 * the request that made it.
 *
 * @module
 */
import type { AuditEntry, AuditLog } from '../audit/audit-log.ts';
import { FhirReadError } from '../context/fhir-reader.ts';
import { loadClinicalContext } from '../context/load-clinical-context.ts';
import type { ClinicalContext } from '../contract/clinical-context.ts';
import type { EhrCallObserver } from '../observability/ehr-calls.ts';
import type { Logger } from '../observability/logger.ts';
import { launchFhirReader } from './launch-fhir-reader.ts';
import type { LaunchService } from './launch-service.ts';
import type { LaunchRecord } from './launch-store.ts';
import type { LaunchTokensFactory } from './launch-tokens.ts';

/** How long a prefetched context waits for the plugin to ask for it. */
const PREFETCH_TTL_MS = 30_000;

export interface LaunchContextDeps {
  readonly launches: LaunchService;
  readonly tokens: LaunchTokensFactory;
  readonly audit: AuditLog;
  readonly log: Logger;
  /** Times the launch's FHIR reads (ehr_request_duration_seconds, by the EHR's vendor). */
  readonly observeEhr?: (launch: LaunchRecord) => Promise<EhrCallObserver>;
}

export interface LaunchContextLoader {
  /** Reads the context now; rejects with the reader's FhirReadError when the patient or the session fails. */
  load(launch: LaunchRecord, requestId: string): Promise<ClinicalContext>;
  /** Starts a read for a just-authorized launch, kept for its first `take`. Never rejects. */
  prefetch(launchId: string, requestId: string): void;
  /** The prefetched read for this launch, once; undefined when there is none. */
  take(launchId: string): Promise<ClinicalContext> | undefined;
}

export function createLaunchContextLoader(deps: LaunchContextDeps): LaunchContextLoader {
  const prefetched = new Map<string, Promise<ClinicalContext>>();

  async function load(launch: LaunchRecord, requestId: string): Promise<ClinicalContext> {
    const trail: AuditEntry[] = [];
    const storage = deps.launches.storage(launch.id);
    const reader = launchFhirReader({
      launch,
      storage,
      tokens: deps.tokens(launch, storage),
      requestId,
      audit: trail,
      ...(deps.observeEhr ? { observe: await deps.observeEhr(launch) } : {}),
    });
    try {
      if (!launch.patientId) throw new FhirReadError('not_found', 'The launch has no patient.');
      return await loadClinicalContext(
        reader,
        {
          patientId: launch.patientId,
          ...(launch.encounterId ? { encounterId: launch.encounterId } : {}),
          ...(launch.fhirUser ? { fhirUser: launch.fhirUser } : {}),
        },
        {
          // Which panel failed and how, in codes: never the error's message (it can quote the EHR).
          onPanelFailure: (panel, err) =>
            deps.log.warn('context panel unavailable', {
              requestId,
              panel,
              failure: err instanceof FhirReadError ? err.failure : 'error',
              status: err instanceof FhirReadError ? (err.status ?? null) : null,
            }),
        },
      );
    } finally {
      await deps.audit.recordMany(trail);
    }
  }

  return {
    load,
    prefetch(launchId, requestId) {
      const read = deps.launches.store.get(launchId).then((launch) => {
        if (!launch) throw new FhirReadError('not_found', 'The launch is gone.');
        return load(launch, requestId);
      });
      // Its outcome belongs to whoever takes it; until then a failure must not go unhandled.
      read.catch(() => undefined);
      prefetched.set(launchId, read);
      setTimeout(() => {
        if (prefetched.get(launchId) === read) prefetched.delete(launchId);
      }, PREFETCH_TTL_MS).unref();
    },
    take(launchId) {
      const read = prefetched.get(launchId);
      prefetched.delete(launchId);
      return read;
    },
  };
}
