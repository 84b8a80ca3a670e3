/**
 * What the admin health page shows: `GET /api/launches/:launchId/admin/health` (admin role only).
 * Types only, so `plugin/` may import them. Ids, counts, action names and trace ids: never a
 * patient reference or anything an audit row's detail holds.
 *
 * @module
 */
/** Failed calls of one kind ("endpoint": the audit action, e.g. `fhir.search`) in the window. */
export interface EndpointFailures {
  readonly action: string;
  readonly count: number;
  /** ISO 8601: the newest failure. */
  readonly lastAt: string;
  /** The newest distinct W3C trace ids among the failures, newest first (rows without one left out). */
  readonly traceIds: readonly string[];
}

export interface RecentFailures {
  /** ISO 8601: the window starts here (24 hours before the answer). */
  readonly since: string;
  /** Newest failure first. */
  readonly endpoints: readonly EndpointFailures[];
}

/**
 * The write-back outbox. Until write-back is built there is no outbox to report on, and the
 * answer says so instead of showing numbers.
 */
export type OutboxState =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true;
      readonly pending: number;
      readonly failed: number;
      /** ISO 8601: the oldest entry still waiting; null when none waits. */
      readonly oldestPendingAt: string | null;
    };

/** One EHR this deployment is registered with, and when it last answered us. */
export interface RegistrationHealth {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly vendor: 'epic' | 'oracle-health' | 'generic';
  /** ISO 8601: the newest successful FHIR read or launch in the look-back; null when none. */
  readonly lastSuccessAt: string | null;
  /** Its audit action (`fhir.search`, `launch.authorize`); null when none. */
  readonly lastSuccessAction: string | null;
}

export interface AdminHealth {
  /** ISO 8601. */
  readonly generatedAt: string;
  readonly failures: RecentFailures;
  readonly outbox: OutboxState;
  /** How far back the last successful call is looked for. */
  readonly lastSuccessLookbackDays: number;
  readonly registrations: readonly RegistrationHealth[];
}
