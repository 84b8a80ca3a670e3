/**
 * The admin health page's reads, straight from `audit_event` and `ehr_registration`: failures in
 * a window grouped by action with their newest distinct trace ids, and each registration's newest
 * successful EHR call (`fhir.*` reads, `launch.*`), linked by the `registrationId` those audit rows
 * carry in `detail`. Both range-scan `audit_event` by `occurred_at` (indexed); the per-registration
 * look-up walks that index backwards and stops at its first match or the look-back's start.
 *
 * @module
 */
import type { Queryable } from '../../db/db.ts';
import type { EndpointFailures, RegistrationHealth } from '../../contract/admin-health.ts';

export interface AdminHealthStore {
  /** Failures since `since`, newest first: at most `maxEndpoints` actions, `tracesPerEndpoint` trace ids each. */
  failuresSince(
    since: Date,
    limits: { readonly maxEndpoints: number; readonly tracesPerEndpoint: number },
  ): Promise<EndpointFailures[]>;
  /** Every registration, by name, with its newest successful EHR call since `since`. */
  registrations(since: Date): Promise<RegistrationHealth[]>;
}

interface FailureRow {
  action: string;
  count: number;
  last_at: Date | string;
  trace_ids: string[] | null;
}

interface RegistrationRow {
  id: string;
  name: string;
  issuer: string;
  vendor: RegistrationHealth['vendor'];
  last_success_at: Date | string | null;
  last_success_action: string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

const FAILURES_SQL = `
with failed as (
  select action, trace_id, occurred_at from audit_event
  where occurred_at >= $1 and outcome = 'failure'
), totals as (
  select action, count(*)::int as count, max(occurred_at) as last_at from failed group by action
), traces as (
  select action, trace_id,
    row_number() over (partition by action order by last_at desc, trace_id) as n
  from (
    select action, trace_id, max(occurred_at) as last_at from failed
    where trace_id is not null group by action, trace_id
  ) per_trace
)
select t.action, t.count, t.last_at,
  array_agg(x.trace_id order by x.n) filter (where x.trace_id is not null) as trace_ids
from totals t left join traces x on x.action = t.action and x.n <= $2
group by t.action, t.count, t.last_at
order by t.last_at desc, t.action
limit $3`;

const REGISTRATIONS_SQL = `
select r.id, r.name, r.issuer, r.vendor,
  s.occurred_at as last_success_at, s.action as last_success_action
from ehr_registration r
left join lateral (
  select a.occurred_at, a.action from audit_event a
  where a.occurred_at >= $1 and a.outcome = 'success'
    and (a.action like 'fhir.%' or a.action like 'launch.%')
    and a.detail ->> 'registrationId' = r.id
  order by a.occurred_at desc, a.id desc
  limit 1
) s on true
order by r.name, r.id`;

export function createAdminHealthStore(db: Queryable): AdminHealthStore {
  return {
    async failuresSince(since, { maxEndpoints, tracesPerEndpoint }) {
      const { rows } = await db.query<FailureRow>(FAILURES_SQL, [since, tracesPerEndpoint, maxEndpoints]);
      return rows.map((r) => ({
        action: r.action,
        count: Number(r.count),
        lastAt: iso(r.last_at),
        traceIds: r.trace_ids ?? [],
      }));
    },
    async registrations(since) {
      const { rows } = await db.query<RegistrationRow>(REGISTRATIONS_SQL, [since]);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        issuer: r.issuer,
        vendor: r.vendor,
        lastSuccessAt: r.last_success_at === null ? null : iso(r.last_success_at),
        lastSuccessAction: r.last_success_action,
      }));
    },
  };
}
