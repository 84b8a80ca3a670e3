/**
 * The visit this launch is for: type, when, where, why, and its status.
 *
 * @module
 */
import type { EncounterSummary } from '../../../server/contract/clinical-context.ts';
import { formatDateTime } from '../../format-date.ts';
import { humanise } from '../../format-words.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

function EncounterFacts({ data }: { data: EncounterSummary | null }) {
  if (!data) return <Empty>No visit is linked to this launch</Empty>;
  const when = [formatDateTime(data.start), data.end ? formatDateTime(data.end) : '']
    .filter(Boolean)
    .join(' – ');
  return (
    <dl class="rp-facts">
      <dt>Visit</dt>
      <dd>{[data.type, humanise(data.class)].filter(Boolean).join(' · ') || 'Visit'}</dd>
      {when && (
        <>
          <dt>When</dt>
          <dd>{when}</dd>
        </>
      )}
      {data.location && (
        <>
          <dt>Where</dt>
          <dd>{data.location}</dd>
        </>
      )}
      {data.reasons.length > 0 && (
        <>
          <dt>Reason</dt>
          <dd>{data.reasons.join('; ')}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>{humanise(data.status)}</dd>
    </dl>
  );
}

export function EncounterPanel(props: PanelProps<EncounterSummary | null>) {
  return <PanelFrame name="encounter" title="Visit" body={EncounterFacts} {...props} />;
}
