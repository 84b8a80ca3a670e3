/**
 * The admin health page (admin role only): recent failures by endpoint with trace ids, the
 * write-back outbox's state, and the EHR registrations with their last successful call. Loads
 * when first shown; Refresh reads again and says when; failures say what happened, with Retry.
 *
 * @module
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AdminHealth } from '../../../server/contract/admin-health.ts';
import { createAdminHealthApi } from '../../api/admin-health-api.ts';
import { ApiError, isSessionOver, type ApiClient } from '../../api/client.ts';
import { formatTime } from '../../format-date.ts';
import { RequestRef } from '../StatusScreen.tsx';
import { FailuresSection, OutboxSection, RegistrationsSection } from './HealthSections.tsx';

export interface AdminHealthViewProps {
  readonly client: ApiClient;
  /** The tab is showing: the page loads on first show. */
  readonly active: boolean;
  readonly onSessionOver: () => void;
}

type Load =
  | { readonly kind: 'idle' | 'loading' }
  | { readonly kind: 'ready'; readonly health: AdminHealth }
  | { readonly kind: 'failed'; readonly message: string; readonly requestId: string | undefined };

function failureMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong in the app. Try again.';
  if (error.code === 'forbidden') return error.message;
  return `The health page could not be loaded: ${error.message}`;
}

export function AdminHealthView({ client, active, onSessionOver }: AdminHealthViewProps) {
  const api = useMemo(() => createAdminHealthApi(client), [client]);
  const [load, setLoad] = useState<Load>({ kind: 'idle' });
  const [last, setLast] = useState<AdminHealth | null>(null);
  const latest = useRef(0);
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (active) setShown(true);
  }, [active]);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    setLoad({ kind: 'loading' });
    api.health().then(
      (health) => {
        if (request !== latest.current) return;
        setLast(health);
        setLoad({ kind: 'ready', health });
      },
      (error: unknown) => {
        if (isSessionOver(error)) onSessionOver();
        if (request !== latest.current) return;
        setLoad({
          kind: 'failed',
          message: failureMessage(error),
          requestId: error instanceof ApiError ? error.requestId : undefined,
        });
      },
    );
  }, [api, onSessionOver]);

  useEffect(() => {
    if (shown) refresh();
  }, [shown, refresh]);

  // While reading again, the last answer stays on screen.
  const health = load.kind === 'ready' ? load.health : load.kind === 'loading' ? last : null;

  return (
    <div class="rp-admin" data-testid="admin-health-view">
      <div class="rp-context-head">
        <h2>Service health</h2>
        <button type="button" onClick={refresh} disabled={load.kind === 'loading'}>
          Refresh
        </button>
      </div>
      <p class="rp-muted rp-small" role="status" aria-live="polite">
        {load.kind === 'loading'
          ? 'Reading the health of this server…'
          : load.kind === 'ready'
            ? `Updated at ${formatTime(load.health.generatedAt)}.`
            : ''}
      </p>
      {load.kind === 'failed' && (
        <div class="rp-error" role="alert">
          <p>{load.message}</p>
          <RequestRef requestId={load.requestId} />
          <button type="button" onClick={refresh}>
            Retry
          </button>
        </div>
      )}
      {health && (
        <>
          <FailuresSection endpoints={health.failures.endpoints} />
          <OutboxSection outbox={health.outbox} />
          <RegistrationsSection
            registrations={health.registrations}
            lookbackDays={health.lastSuccessLookbackDays}
          />
        </>
      )}
    </div>
  );
}
