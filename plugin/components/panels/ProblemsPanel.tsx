/**
 * The problem list: each condition with its ICD-10-CM code, onset, and its status when it is not
 * simply active and confirmed (a provisional diagnosis must read as provisional).
 *
 * @module
 */
import type { ProblemItem } from '../../../server/contract/clinical-context.ts';
import { formatDate } from '../../format-date.ts';
import { humanise } from '../../format-words.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

function qualifiers(item: ProblemItem): string[] {
  const parts: string[] = [];
  if (item.clinicalStatus && item.clinicalStatus !== 'active') parts.push(humanise(item.clinicalStatus));
  if (item.verificationStatus && item.verificationStatus !== 'confirmed')
    parts.push(humanise(item.verificationStatus));
  if (item.onset) parts.push(`since ${formatDate(item.onset)}`);
  return parts;
}

function ProblemList({ data }: { data: readonly ProblemItem[] }) {
  if (data.length === 0) return <Empty>No active problems recorded</Empty>;
  return (
    <ul class="rp-list">
      {data.map((item) => (
        <li key={item.ref}>
          <span class="rp-item-title">{item.display}</span>
          {item.icd10 && (
            <span class="rp-code" title="ICD-10-CM">
              {item.icd10.code}
            </span>
          )}
          {qualifiers(item).length > 0 && <span class="rp-item-meta">{qualifiers(item).join(' · ')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function ProblemsPanel(props: PanelProps<readonly ProblemItem[]>) {
  return <PanelFrame name="problems" title="Problems" body={ProblemList} {...props} />;
}
