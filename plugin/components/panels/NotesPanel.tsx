/**
 * Recent notes in the chart: type, date, author, and whether each is final or still preliminary.
 *
 * @module
 */
import type { NoteSummary } from '../../../server/contract/clinical-context.ts';
import { formatDate } from '../../format-date.ts';
import { humanise } from '../../format-words.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';

function NoteList({ data }: { data: readonly NoteSummary[] }) {
  if (data.length === 0) return <Empty>No recent notes</Empty>;
  return (
    <ul class="rp-list">
      {data.map((note) => (
        <li key={note.ref}>
          <span class="rp-item-title">{note.type}</span>
          {note.docStatus && note.docStatus !== 'final' && (
            <span class="rp-tag">{humanise(note.docStatus)}</span>
          )}
          <span class="rp-item-meta">{[formatDate(note.date), note.author].filter(Boolean).join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
}

export function NotesPanel(props: PanelProps<readonly NoteSummary[]>) {
  return <PanelFrame name="notes" title="Recent notes" body={NoteList} {...props} />;
}
