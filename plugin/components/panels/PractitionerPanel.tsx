/**
 * Who is signed in: the clinician the EHR launched the app for (the note's author later on).
 *
 * @module
 */
import type { PractitionerSummary } from '../../../server/contract/clinical-context.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

function PractitionerFacts({ data }: { data: PractitionerSummary | null }) {
  if (!data) return <Empty>The signed-in clinician could not be identified</Empty>;
  return (
    <dl class="rp-facts">
      <dt>Name</dt>
      <dd>{data.name}</dd>
      {data.npi && (
        <>
          <dt>NPI</dt>
          <dd>{data.npi}</dd>
        </>
      )}
    </dl>
  );
}

export function PractitionerPanel(props: PanelProps<PractitionerSummary | null>) {
  return <PanelFrame name="practitioner" title="Signed in as" body={PractitionerFacts} {...props} />;
}
