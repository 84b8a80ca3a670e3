/**
 * Current medications with the dosage as written, and the status when it is not active.
 *
 * @module
 */
import type { MedicationItem } from '../../../server/contract/clinical-context.ts';
import { humanise } from '../../format-words.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

function MedicationList({ data }: { data: readonly MedicationItem[] }) {
  if (data.length === 0) return <Empty>No active medications recorded</Empty>;
  return (
    <ul class="rp-list">
      {data.map((item) => (
        <li key={item.ref}>
          <span class="rp-item-title">{item.display}</span>
          {item.status !== 'active' && <span class="rp-tag">{humanise(item.status)}</span>}
          {item.dosage && <span class="rp-item-meta">{item.dosage}</span>}
        </li>
      ))}
    </ul>
  );
}

export function MedicationsPanel(props: PanelProps<readonly MedicationItem[]>) {
  return <PanelFrame name="medications" title="Medications" body={MedicationList} {...props} />;
}
