/**
 * The shell shown inside the EHR frame: header, skip link, the patient banner when the EHR asks
 * for one, and the steps the user's roles give as tabs: the clinician's (Context, Draft, Codes;
 * Sign & send joins when it exists), for billing staff the review queue, for admins the health
 * page. The steps stay mounted, so switching keeps what was typed. It also decides the full-panel
 * states: no launch, session ended (relaunch from the chart), or a start-up failure with Retry.
 *
 * @module
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client.ts';
import { useAltShortcut } from '../hooks/use-alt-shortcut.ts';
import type { DraftEditorOptions } from '../hooks/use-draft-editor.ts';
import { useLaunchData } from '../hooks/use-launch-data.ts';
import { useShortcut } from '../hooks/use-shortcut.ts';
import { applySmartStyle } from '../smart-style.ts';
import { AdminHealthView } from './admin/AdminHealthView.tsx';
import { ADMIN_STEP, withAdminStep } from './admin/admin-step.ts';
import { CodesView } from './codes/CodesView.tsx';
import { ContextView } from './ContextView.tsx';
import { DraftView } from './draft/DraftView.tsx';
import { PatientBanner } from './PatientBanner.tsx';
import { ReviewQueueView } from './review/ReviewQueueView.tsx';
import { REVIEW_STEP, stepsFor } from './review/role-steps.ts';
import { NoLaunchScreen, RequestRef, SessionEndedScreen, StatusScreen } from './StatusScreen.tsx';
import { StepTabs, tabId, tabPanelProps, type StepTab } from './StepTabs.tsx';

export interface AppProps {
  /** Null when the page was opened without a launch. */
  readonly client: ApiClient | null;
  /** Where the EHR's style variables go (default: the document's root element). */
  readonly styleRoot?: HTMLElement;
  /** Autosave timing for tests. */
  readonly draftOptions?: DraftEditorOptions;
}

const STEPS: readonly StepTab[] = [
  { id: 'context', label: 'Context', key: '1' },
  { id: 'draft', label: 'Draft', key: '2' },
  { id: 'codes', label: 'Codes', key: '3' },
];

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

interface LaunchedAppProps {
  readonly client: ApiClient;
  readonly styleRoot: HTMLElement;
  readonly draftOptions: DraftEditorOptions | undefined;
}

function LaunchedApp({ client, styleRoot, draftOptions }: LaunchedAppProps) {
  const { session, context, ended, refreshContext, retry, endSession } = useLaunchData(client);
  const info = session.status === 'ready' ? session.info : null;
  const [chosen, setStep] = useState('context');
  const live = !ended && session.status !== 'failed';
  const steps = withAdminStep(info?.roles, stepsFor(info?.roles, STEPS));
  const clinician = steps.some((s) => s.id === 'context');
  const step = steps.some((s) => s.id === chosen) ? chosen : steps[0]!.id;
  // Jumping by shortcut moves focus to the step's tab, never into a panel that just hid.
  const jumpTo = useCallback((id: string) => {
    setStep(id);
    document.getElementById(tabId(id))?.focus();
  }, []);
  useShortcut('r', refreshContext, live && step === 'context');
  useAltShortcut('Digit1', () => jumpTo('context'), live && clinician);
  useAltShortcut('Digit2', () => jumpTo('draft'), live && clinician);
  useAltShortcut('Digit3', () => jumpTo('codes'), live && clinician);
  useAltShortcut(
    `Digit${REVIEW_STEP.key}`,
    () => jumpTo(REVIEW_STEP.id),
    live && steps.includes(REVIEW_STEP),
  );
  useAltShortcut(`Digit${ADMIN_STEP.key}`, () => jumpTo(ADMIN_STEP.id), live && steps.includes(ADMIN_STEP));
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
      <main id="rp-main" class="rp-main" tabIndex={-1} aria-label="RevenuePilot">
        <StepTabs tabs={steps} selected={step} onSelect={setStep} />
        {steps.includes(REVIEW_STEP) && (
          <div {...tabPanelProps(REVIEW_STEP.id, step)}>
            <ReviewQueueView client={client} active={step === REVIEW_STEP.id} onSessionOver={endSession} />
          </div>
        )}
        {steps.includes(ADMIN_STEP) && (
          <div {...tabPanelProps(ADMIN_STEP.id, step)}>
            <AdminHealthView client={client} active={step === ADMIN_STEP.id} onSessionOver={endSession} />
          </div>
        )}
        {clinician && (
          <div {...tabPanelProps('context', step)}>
            <ContextView context={context} features={info?.features} onRefresh={refreshContext} />
          </div>
        )}
        {/* Only once the roles are known: a billing user's launch never loads the draft or codes. */}
        {clinician && info && (
          <>
            <div {...tabPanelProps('draft', step)}>
              <DraftView
                client={client}
                active={step === 'draft'}
                onSessionOver={endSession}
                {...(draftOptions ? { editorOptions: draftOptions } : {})}
              />
            </div>
            <div {...tabPanelProps('codes', step)}>
              <CodesView client={client} active={step === 'codes'} chart={chart} onSessionOver={endSession} />
            </div>
          </>
        )}
      </main>
    </Shell>
  );
}

export function App({ client, styleRoot, draftOptions }: AppProps) {
  if (!client) {
    return (
      <Shell>
        <NoLaunchScreen />
      </Shell>
    );
  }
  return (
    <LaunchedApp
      client={client}
      styleRoot={styleRoot ?? document.documentElement}
      draftOptions={draftOptions}
    />
  );
}
