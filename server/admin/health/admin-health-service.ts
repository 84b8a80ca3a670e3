/**
 * The admin health page's answer: recent failures by endpoint (the last 24 hours of failed audit
 * rows, grouped by action, with trace ids to follow into the logs), the write-back outbox's state
 * (not built yet, and said so), and the EHR registrations with their last successful call. Each
 * read is itself audited (`admin.health.read`) with ids and counts only.
 *
 * @module
 */
import type { AuditLog } from '../../audit/audit-log.ts';
import type { AdminHealth, OutboxState } from '../../contract/admin-health.ts';
import type { AdminHealthStore } from './admin-health-store.ts';

export const FAILURE_WINDOW_HOURS = 24;
export const LAST_SUCCESS_LOOKBACK_DAYS = 30;
const MAX_ENDPOINTS = 50;
const TRACES_PER_ENDPOINT = 5;

/** Write-back (and its outbox) does not exist yet; this is what the page shows until it does. */
export const OUTBOX_NOT_BUILT: OutboxState = {
  available: false,
  reason: 'Write-back is not built yet, so there is no outbox to report on.',
};

export interface AdminHealthCaller {
  readonly registrationId: string;
  readonly actor: string | null;
  readonly requestId: string;
}

export interface AdminHealthDeps {
  readonly store: AdminHealthStore;
  readonly audit: AuditLog;
  readonly now: () => Date;
  /** The outbox's state once write-back exists; defaults to {@link OUTBOX_NOT_BUILT}. */
  readonly outbox?: () => Promise<OutboxState>;
}

export interface AdminHealthService {
  health(caller: AdminHealthCaller): Promise<AdminHealth>;
}

export function createAdminHealthService(deps: AdminHealthDeps): AdminHealthService {
  return {
    async health(caller) {
      const now = deps.now();
      const since = new Date(now.getTime() - FAILURE_WINDOW_HOURS * 3_600_000);
      const lookback = new Date(now.getTime() - LAST_SUCCESS_LOOKBACK_DAYS * 86_400_000);
      const [endpoints, registrations, outbox] = await Promise.all([
        deps.store.failuresSince(since, {
          maxEndpoints: MAX_ENDPOINTS,
          tracesPerEndpoint: TRACES_PER_ENDPOINT,
        }),
        deps.store.registrations(lookback),
        deps.outbox ? deps.outbox() : Promise.resolve(OUTBOX_NOT_BUILT),
      ]);
      await deps.audit.record({
        requestId: caller.requestId,
        actor: caller.actor,
        patientRef: null,
        action: 'admin.health.read',
        outcome: 'success',
        detail: {
          registrationId: caller.registrationId,
          endpoints: endpoints.length,
          registrations: registrations.length,
        },
      });
      return {
        generatedAt: now.toISOString(),
        failures: { since: since.toISOString(), endpoints },
        outbox,
        lastSuccessLookbackDays: LAST_SUCCESS_LOOKBACK_DAYS,
        registrations,
      };
    },
  };
}
