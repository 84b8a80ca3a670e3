/**
 * Recent lab results with their flags: High, Low, Abnormal and Critical are written out and
 * coloured, so the flag never depends on colour alone.
 *
 * @module
 */
import type { LabFlag, LabResult } from '../../../server/contract/clinical-context.ts';
import { formatDate } from '../../format-date.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

const FLAG_LABELS: Readonly<Record<LabFlag, string>> = {
  high: 'High',
  low: 'Low',
  abnormal: 'Abnormal',
  critical: 'Critical',
};

export function LabFlagBadge({ flag }: { flag: LabFlag | null }) {
  if (!flag) return null;
  return (
    <span class="rp-flag" data-flag={flag} data-testid="lab-flag">
      {FLAG_LABELS[flag] ?? flag}
    </span>
  );
}

function LabsTable({ data }: { data: readonly LabResult[] }) {
  if (data.length === 0) return <Empty>No recent lab results</Empty>;
  return (
    <table class="rp-table">
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Result</th>
          <th scope="col">Range</th>
        </tr>
      </thead>
      <tbody>
        {data.map((lab) => (
          <tr key={lab.ref} data-flag={lab.flag ?? undefined}>
            <th scope="row">
              {lab.display}
              {lab.effective && <span class="rp-item-meta">{formatDate(lab.effective)}</span>}
            </th>
            <td class="rp-value">
              {lab.value} <LabFlagBadge flag={lab.flag} />
            </td>
            <td class="rp-muted">{lab.referenceRange ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LabsPanel(props: PanelProps<readonly LabResult[]>) {
  return <PanelFrame name="labs" title="Labs" body={LabsTable} {...props} />;
}
