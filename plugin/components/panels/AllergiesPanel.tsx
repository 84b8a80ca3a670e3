/**
 * Allergies and intolerances, with criticality spelled out (a high-criticality allergy is marked
 * in words and colour, never colour alone) and the recorded reactions.
 *
 * @module
 */
import type { AllergyItem } from '../../../server/contract/clinical-context.ts';
import { humanise } from '../../format-words.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

function Criticality({ value }: { value: string | undefined }) {
  if (!value) return null;
  const label = value === 'unable-to-assess' ? 'Criticality unknown' : `${humanise(value)} criticality`;
  return (
    <span class="rp-flag" data-flag={value === 'high' ? 'critical' : 'info'}>
      {label}
    </span>
  );
}

function AllergyList({ data }: { data: readonly AllergyItem[] }) {
  if (data.length === 0) return <Empty>No allergies recorded</Empty>;
  return (
    <ul class="rp-list">
      {data.map((item) => (
        <li key={item.ref}>
          <span class="rp-item-title">{item.display}</span>
          <Criticality value={item.criticality} />
          {item.clinicalStatus && item.clinicalStatus !== 'active' && (
            <span class="rp-tag">{humanise(item.clinicalStatus)}</span>
          )}
          {item.reactions.length > 0 && (
            <span class="rp-item-meta">Reaction: {item.reactions.join(', ')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AllergiesPanel(props: PanelProps<readonly AllergyItem[]>) {
  return <PanelFrame name="allergies" title="Allergies" body={AllergyList} {...props} />;
}
