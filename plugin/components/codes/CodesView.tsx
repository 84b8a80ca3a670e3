/**
 * The Codes step: "Suggest codes" with its overrides, then the suggestions made from the saved
 * draft (when, from which draft version, and a notice once the draft has changed since):
 * diagnoses, conditions not coded, the E/M level with its MDM grid and time, HCC flags, findings
 * to fix, and the billing decisions. Every code opens its evidence in place. Failures say what
 * happened and that the draft is safe, with Retry; the suggestions on screen stay.
 *
 * @module
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClinicalContext } from '../../../server/contract/clinical-context.ts';
import type { SuggestCodesRequest } from '../../../server/contract/coding.ts';
import type { ApiClient } from '../../api/client.ts';
import { BillingDecisions } from '../review/BillingDecisions.tsx';
import { useCodeSuggestions } from '../../hooks/use-code-suggestions.ts';
import { INPUT_KINDS } from '../draft/DraftInputForm.tsx';
import { RequestRef } from '../StatusScreen.tsx';
import { CodesKeys, SuggestionsMeta } from './CodesMeta.tsx';
import { EvidenceContext } from './CodeEvidence.tsx';
import { DiagnosisList, WithheldList } from './DiagnosisList.tsx';
import { EmLevel } from './EmLevel.tsx';
import { FindingsList } from './FindingsList.tsx';
import { HccFlags } from './HccFlags.tsx';
import { SuggestForm } from './SuggestForm.tsx';

interface CodesViewProps {
  readonly client: ApiClient;
  /** The Codes tab is showing: it loads on first show, and Alt+C is live. */
  readonly active: boolean;
  /** The chart, for the payer its Coverage names. */
  readonly chart: ClinicalContext | null;
  readonly onSessionOver: () => void;
}

function chartPayerOf(chart: ClinicalContext | null) {
  return chart?.coverage.status === 'ok' ? chart.coverage.data[0]?.payerType : undefined;
}

export function CodesView({ client, active, chart, onSessionOver }: CodesViewProps) {
  const [codes, actions] = useCodeSuggestions(client, active, onSessionOver);
  const [openId, setOpenId] = useState<string | null>(null);
  const lastRequest = useRef<SuggestCodesRequest>({});
  const results = useRef<HTMLHeadingElement>(null);
  const { suggestions, draft, error } = codes;
  const toggle = useCallback((id: string) => setOpenId((open) => (open === id ? null : id)), []);
  const inputName = (INPUT_KINDS.find((k) => k.kind === draft?.input.kind) ?? INPUT_KINDS[0]!).name;
  const [landOnResults, setLandOnResults] = useState(false);

  useEffect(() => {
    if (!landOnResults) return;
    results.current?.focus();
    setLandOnResults(false);
  }, [landOnResults]);

  const run = async (request: SuggestCodesRequest) => {
    lastRequest.current = request;
    if (await actions.suggest(request)) {
      setOpenId(null);
      setLandOnResults(true);
    }
  };

  return (
    <section class="rp-codes" aria-labelledby="rp-codes-title">
      <div class="rp-context-head">
        <h2 id="rp-codes-title">Codes</h2>
      </div>
      {codes.phase === 'loading' && (
        <p class="rp-muted" role="status" data-testid="codes-loading">
          Loading codes…
        </p>
      )}
      {codes.phase === 'failed' && codes.loadError && (
        <div class="rp-error" role="alert" data-testid="codes-load-error">
          <p>
            The codes could not be loaded: {codes.loadError.message} Your draft is safe. Retry to load them
            again.
          </p>
          <button type="button" onClick={() => void actions.load()}>
            Retry
          </button>
          <RequestRef requestId={codes.loadError.requestId} />
        </div>
      )}
      {codes.phase === 'ready' && (
        <>
          <SuggestForm
            canSuggest={draft !== null && draft.input.text.trim() !== ''}
            running={codes.running}
            again={suggestions !== null}
            chartPayer={chartPayerOf(chart)}
            active={active}
            onSuggest={(request) => void run(request)}
          />
          {codes.running && (
            <p class="rp-muted" role="status" data-testid="codes-running">
              Suggesting codes from the saved draft…
            </p>
          )}
          {error && !codes.running && (
            <div class="rp-error" role="alert" data-testid="codes-error">
              <p>
                {error.code === 'not_found'
                  ? 'There is no saved draft to code yet. Draft the note first (Draft step, Alt+2), then suggest codes.'
                  : `Codes could not be suggested: ${error.message} Your draft is safe.`}
                {suggestions && ' The codes below are from the last run.'}
              </p>
              {error.code !== 'not_found' && (
                <button type="button" onClick={() => void run(lastRequest.current)}>
                  Retry
                </button>
              )}
              <RequestRef requestId={error.requestId} />
            </div>
          )}
          {suggestions ? (
            <EvidenceContext.Provider
              value={{ inputText: draft?.input.text ?? '', inputName, openId, toggle }}
            >
              <SuggestionsMeta suggestions={suggestions} draft={draft} headingRef={results} />
              <DiagnosisList diagnoses={suggestions.diagnoses} />
              <WithheldList withheld={suggestions.withheld} />
              <EmLevel em={suggestions.em} services={suggestions.services} />
              <HccFlags flags={suggestions.hcc} />
              <FindingsList findings={suggestions.findings} />
              <BillingDecisions
                client={client}
                refreshKey={suggestions.createdAt}
                onSessionOver={onSessionOver}
              />
            </EvidenceContext.Provider>
          ) : (
            <p class="rp-empty" data-testid="codes-empty">
              No codes suggested for this visit yet.
            </p>
          )}
        </>
      )}
      <CodesKeys />
    </section>
  );
}
