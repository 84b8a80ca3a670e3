/**
 * The admin health page's three parts as plain tables and text: recent failures by endpoint with
 * their trace ids (to look up in the logs), the write-back outbox (or why there is none yet), and
 * the EHR registrations with when each last answered. Empty states say what they mean.
 *
 * @module
 */
import type {
  EndpointFailures,
  OutboxState,
  RegistrationHealth,
} from '../../../server/contract/admin-health.ts';
import { formatDateTime } from '../../format-date.ts';

const VENDORS: Readonly<Record<RegistrationHealth['vendor'], string>> = {
  epic: 'Epic',
  'oracle-health': 'Oracle Health',
  generic: 'Other FHIR R4',
};

export function FailuresSection({ endpoints }: { readonly endpoints: readonly EndpointFailures[] }) {
  return (
    <section aria-labelledby="rp-admin-failures">
      <h3 id="rp-admin-failures">Failures in the last 24 hours</h3>
      {endpoints.length === 0 ? (
        <p class="rp-empty" data-testid="admin-no-failures">
          Nothing failed in the last 24 hours.
        </p>
      ) : (
        <table class="rp-table" data-testid="admin-failures">
          <caption class="rp-sr-only">Failures by endpoint, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Failures</th>
              <th scope="col">Last failure</th>
              <th scope="col">Recent trace ids</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.action}>
                <th scope="row">
                  <span class="rp-code">{e.action}</span>
                </th>
                <td>{e.count}</td>
                <td>{formatDateTime(e.lastAt)}</td>
                <td>
                  {e.traceIds.length === 0 ? (
                    <span class="rp-muted">None recorded</span>
                  ) : (
                    <ul>
                      {e.traceIds.map((id) => (
                        <li key={id}>
                          <code>{id}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OutboxSection({ outbox }: { readonly outbox: OutboxState }) {
  return (
    <section aria-labelledby="rp-admin-outbox">
      <h3 id="rp-admin-outbox">Write-back outbox</h3>
      {outbox.available ? (
        <dl data-testid="admin-outbox">
          <dt>Waiting</dt>
          <dd>{outbox.pending}</dd>
          <dt>Failed</dt>
          <dd>{outbox.failed}</dd>
          <dt>Oldest waiting since</dt>
          <dd>{outbox.oldestPendingAt ? formatDateTime(outbox.oldestPendingAt) : 'Nothing is waiting'}</dd>
        </dl>
      ) : (
        <p class="rp-muted" data-testid="admin-outbox-unavailable">
          Not available: {outbox.reason}
        </p>
      )}
    </section>
  );
}

export function RegistrationsSection({
  registrations,
  lookbackDays,
}: {
  readonly registrations: readonly RegistrationHealth[];
  readonly lookbackDays: number;
}) {
  return (
    <section aria-labelledby="rp-admin-registrations">
      <h3 id="rp-admin-registrations">EHR registrations</h3>
      {registrations.length === 0 ? (
        <p class="rp-empty">No EHR is registered with this server.</p>
      ) : (
        <table class="rp-table" data-testid="admin-registrations">
          <caption class="rp-sr-only">EHR registrations and their last successful call</caption>
          <thead>
            <tr>
              <th scope="col">EHR</th>
              <th scope="col">Vendor</th>
              <th scope="col">FHIR base (issuer)</th>
              <th scope="col">Last successful call</th>
            </tr>
          </thead>
          <tbody>
            {registrations.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{VENDORS[r.vendor] ?? r.vendor}</td>
                <td>
                  <code>{r.issuer}</code>
                </td>
                <td>
                  {r.lastSuccessAt ? (
                    <>
                      {formatDateTime(r.lastSuccessAt)}{' '}
                      <span class="rp-muted rp-small">({r.lastSuccessAction})</span>
                    </>
                  ) : (
                    <span class="rp-muted">None in the last {lookbackDays} days</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
