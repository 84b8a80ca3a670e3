/**
 * The Context step: the chart's problems, medications, allergies, vitals, labs, payer, the
 * signed-in clinician and recent notes, in a grid that is one column in a 400 px side panel and
 * up to three on a wide screen. Loading, refreshing and failure are announced; a failed refresh
 * keeps the chart that was already loaded on screen.
 *
 * @module
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ClinicalContext } from '../../server/contract/clinical-context.ts';
import type { FeatureState } from '../../server/contract/launch-session.ts';
import type { ApiError } from '../api/client.ts';
import { formatTime } from '../format-date.ts';
import type { ContextState } from '../hooks/use-launch-data.ts';
import { FeatureNotice } from './FeatureNotice.tsx';
import { AllergiesPanel } from './panels/AllergiesPanel.tsx';
import { CoveragePanel } from './panels/CoveragePanel.tsx';
import { EncounterPanel } from './panels/EncounterPanel.tsx';
import { LabsPanel } from './panels/LabsPanel.tsx';
import { MedicationsPanel } from './panels/MedicationsPanel.tsx';
import { NotesPanel } from './panels/NotesPanel.tsx';
import { PractitionerPanel } from './panels/PractitionerPanel.tsx';
import { ProblemsPanel } from './panels/ProblemsPanel.tsx';
import { VitalsPanel } from './panels/VitalsPanel.tsx';
import { RequestRef } from './StatusScreen.tsx';

interface ContextViewProps {
  readonly context: ContextState;
  readonly features: readonly FeatureState[] | undefined;
  readonly onRefresh: () => void;
}

function Panels({ chart, onRetry }: { chart: ClinicalContext; onRetry: () => void }) {
  return (
    <div class="rp-grid">
      <EncounterPanel panel={chart.encounter} onRetry={onRetry} />
      <ProblemsPanel panel={chart.problems} onRetry={onRetry} />
      <MedicationsPanel panel={chart.medications} onRetry={onRetry} />
      <AllergiesPanel panel={chart.allergies} onRetry={onRetry} />
      <VitalsPanel panel={chart.vitals} onRetry={onRetry} />
      <LabsPanel panel={chart.labs} onRetry={onRetry} />
      <CoveragePanel panel={chart.coverage} onRetry={onRetry} />
      <PractitionerPanel panel={chart.practitioner} onRetry={onRetry} />
      <NotesPanel panel={chart.notes} onRetry={onRetry} />
    </div>
  );
}

function Loading() {
  return (
    <div class="rp-loading" data-testid="context-loading" role="status">
      <p>Loading chart…</p>
      <div class="rp-grid" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <div key={i} class="rp-skeleton" />
        ))}
      </div>
    </div>
  );
}

function ContextError({ error, stale, onRetry }: { error: ApiError; stale: boolean; onRetry: () => void }) {
  return (
    <div class="rp-error" role="alert" data-testid="context-error">
      <p>
        {stale ? 'The chart could not be refreshed: ' : 'The chart could not be loaded: '}
        {error.message}
        {stale ? ' What you see below was loaded earlier.' : ''}
      </p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
      <RequestRef requestId={error.requestId} />
    </div>
  );
}

export function ContextView({ context, features, onRefresh }: ContextViewProps) {
  const { data, loading, error } = context;
  const heading = useRef<HTMLHeadingElement>(null);
  const retried = useRef(false);
  // When Retry clears the error, its button goes away with it: move focus to the heading.
  useEffect(() => {
    if (retried.current && !loading && !error) {
      retried.current = false;
      heading.current?.focus();
    }
  }, [loading, error]);
  const retry = () => {
    retried.current = true;
    onRefresh();
  };
  let status = '';
  if (loading && data) status = 'Refreshing chart…';
  else if (!loading && data) status = `Updated ${formatTime(data.fetchedAt)}`;
  return (
    <>
      <div class="rp-context-head">
        <h2 id="rp-context-title" ref={heading} tabIndex={-1}>
          Chart context
        </h2>
        <p class="rp-muted rp-small" role="status" data-testid="context-status">
          {status}
        </p>
        <button
          type="button"
          class="rp-button-secondary"
          onClick={onRefresh}
          aria-keyshortcuts="r"
          title="Refresh the chart (R)"
        >
          Refresh{' '}
          <kbd aria-hidden="true" class="rp-kbd">
            R
          </kbd>
        </button>
      </div>
      {error && <ContextError error={error} stale={data !== null} onRetry={retry} />}
      {features && <FeatureNotice features={features} />}
      {data ? <Panels chart={data} onRetry={onRefresh} /> : loading && <Loading />}
    </>
  );
}
