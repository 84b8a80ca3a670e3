/**
 * Vital signs: the latest reading of each, its trend as an arrow with words for screen readers,
 * and a sparkline of the recent readings.
 *
 * @module
 */
import type { VitalSeries } from '../../../server/contract/clinical-context.ts';
import { formatDate } from '../../format-date.ts';
import { Empty, PanelFrame, type PanelProps } from '../PanelFrame.tsx';
import { Sparkline } from './Sparkline.tsx';

const TRENDS = {
  up: { arrow: '↑', words: 'rising' },
  down: { arrow: '↓', words: 'falling' },
  flat: { arrow: '→', words: 'steady' },
} as const;

export function TrendArrow({ trend }: { trend: VitalSeries['trend'] }) {
  if (!trend) return null;
  const { arrow, words } = TRENDS[trend];
  return (
    <span class="rp-trend" data-trend={trend} title={words}>
      <span aria-hidden="true">{arrow}</span>
      <span class="rp-sr-only">{words}</span>
    </span>
  );
}

function VitalsTable({ data }: { data: readonly VitalSeries[] }) {
  if (data.length === 0) return <Empty>No vital signs recorded</Empty>;
  return (
    <table class="rp-table">
      <thead>
        <tr>
          <th scope="col">Vital</th>
          <th scope="col">Latest</th>
          <th scope="col">Trend</th>
        </tr>
      </thead>
      <tbody>
        {data.map((series) => {
          const newest = series.points[series.points.length - 1];
          return (
            <tr key={series.code}>
              <th scope="row">
                {series.label}
                {newest && <span class="rp-item-meta">{formatDate(newest.effective)}</span>}
              </th>
              <td>
                <span class="rp-nowrap">
                  {series.latestDisplay} <TrendArrow trend={series.trend} />
                </span>
              </td>
              <td>
                <Sparkline label={series.label} points={series.points} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function VitalsPanel(props: PanelProps<readonly VitalSeries[]>) {
  return <PanelFrame name="vitals" title="Vitals" body={VitalsTable} {...props} />;
}
