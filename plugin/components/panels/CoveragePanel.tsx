/**
 * Insurance on file: payer, kind of payer (Medicare, Medicaid, commercial…), plan, and period.
 *
 * @module
 */
import type { CoverageSummary } from '../../../server/contract/clinical-context.ts';
import { formatDate } from '../../format-date.ts';
import { humanise, payerTypeLabel } from '../../format-words.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

function period(item: CoverageSummary): string {
  if (!item.periodStart && !item.periodEnd) return '';
  if (!item.periodEnd) return `from ${formatDate(item.periodStart)}`;
  if (!item.periodStart) return `until ${formatDate(item.periodEnd)}`;
  return `${formatDate(item.periodStart)} – ${formatDate(item.periodEnd)}`;
}

function CoverageList({ data }: { data: readonly CoverageSummary[] }) {
  if (data.length === 0) return <Empty>No insurance coverage recorded</Empty>;
  return (
    <ul class="rp-list">
      {data.map((item) => (
        <li key={item.ref}>
          <span class="rp-item-title">{item.payerName}</span>
          <span class="rp-tag">{payerTypeLabel(item.payerType)}</span>
          {item.status !== 'active' && <span class="rp-tag">{humanise(item.status)}</span>}
          {(item.planName || period(item)) && (
            <span class="rp-item-meta">{[item.planName, period(item)].filter(Boolean).join(' · ')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CoveragePanel(props: PanelProps<readonly CoverageSummary[]>) {
  return <PanelFrame name="coverage" title="Coverage" body={CoverageList} {...props} />;
}
