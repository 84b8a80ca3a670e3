/**
 * The shell shown inside the EHR frame: header, skip link, the patient banner when the EHR asks
 * for one, and the Context step. It also decides the full-panel states: no launch, session
 * ended (relaunch from the chart), or a start-up failure with Retry. Draft, Codes and Sign & send
 * join as tabs when those features exist.
 *
 * @module
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ApiClient } from '../api/client.ts';
import { useLaunchData } from '../hooks/use-launch-data.ts';
import { useShortcut } from '../hooks/use-shortcut.ts';
import { applySmartStyle } from '../smart-style.ts';
import { ContextView } from './ContextView.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { NoLaunchScreen, RequestRef, SessionEndedScreen, StatusScreen } from './StatusScreen.tsx';

export interface AppProps {
  /** Null when the page was opened without a launch. */
  readonly client: ApiClient | null;
  /** Where the EHR's style variables go (default: the document's root element). */
  readonly styleRoot?: HTMLElement;
}

function skipToMain(event: MouseEvent) {
  // Focus the main region without putting a #fragment in the address.
  event.preventDefault();
  document.getElementById('rp-main')?.focus();
}

function Shell({ ehrName, children }: { ehrName?: string | undefined; children: ComponentChildren }) {
  return (
    <div class="rp-shell">
      <a class="rp-skip" href="#rp-main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="rp-header">
        <h1>RevenuePilot</h1>
        {ehrName && <span class="rp-muted rp-small">Opened from {ehrName}</span>}
      </header>
      {children}
    </div>
  );
}

function LaunchedApp({ client, styleRoot }: { client: ApiClient; styleRoot: HTMLElement }) {
  const { session, context, ended, refreshContext, retry } = useLaunchData(client);
  const info = session.status === 'ready' ? session.info : null;
  useShortcut('r', refreshContext, !ended && session.status !== 'failed');
  useEffect(() => {
    applySmartStyle(styleRoot, info?.style);
  }, [info, styleRoot]);

  if (ended) {
    return (
      <Shell>
        <SessionEndedScreen />
      </Shell>
    );
  }
  if (session.status === 'failed') {
    return (
      <Shell>
        <StatusScreen
          testId="start-failed"
          title="RevenuePilot could not start"
          message={session.error.message}
        >
          <button type="button" onClick={retry}>
            Retry
          </button>
          <RequestRef requestId={session.error.requestId} />
        </StatusScreen>
      </Shell>
    );
  }
  const chart = context.data;
  return (
    <Shell ehrName={info?.ehr.name}>
      {info?.needPatientBanner && chart && (
        <PatientBanner patient={chart.patient} encounter={chart.encounter} coverage={chart.coverage} />
      )}
      <main id="rp-main" class="rp-main" tabIndex={-1} aria-labelledby="rp-context-title">
        <ContextView context={context} features={info?.features} onRefresh={refreshContext} />
      </main>
    </Shell>
  );
}

export function App({ client, styleRoot }: AppProps) {
  if (!client) {
    return (
      <Shell>
        <NoLaunchScreen />
      </Shell>
    );
  }
  return <LaunchedApp client={client} styleRoot={styleRoot ?? document.documentElement} />;
}
