/**
 * A tiny inline SVG trend line for one vital sign (two lines for blood pressure), with a text
 * alternative naming the number of readings and the first and last values. No chart library:
 * a polyline scaled into a fixed box is all a glance needs.
 *
 * @module
 */
import type { VitalPoint } from '../../../server/contract/clinical-context.ts';

const WIDTH = 80;
const HEIGHT = 24;
const PAD = 3;

type Reading = { readonly value: number; readonly value2?: number };

function usable(points: readonly VitalPoint[]): Reading[] {
  return points.filter((p) => Number.isFinite(p.value));
}

function show(reading: Reading): string {
  return Number.isFinite(reading.value2) ? `${reading.value}/${reading.value2}` : String(reading.value);
}

/**
 * SVG `points` for one series, scaled between its own min and max into the band from `top` to
 * `bottom` (a flat series sits in the middle of its band).
 */
export function polyline(values: readonly number[], top = PAD, bottom = HEIGHT - PAD): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const span = max - min;
  return values
    .map((v, i) => {
      const x = PAD + i * step;
      const y = span === 0 ? (top + bottom) / 2 : top + ((max - v) / span) * (bottom - top);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

export function Sparkline({ label, points }: { label: string; points: readonly VitalPoint[] }) {
  const readings = usable(points);
  const first = readings[0];
  const last = readings[readings.length - 1];
  if (!first || !last || readings.length < 2) return null;
  // Blood pressure: systolic in the top half, diastolic in the bottom half, each on its own
  // scale, so both trends stay visible in 24 px.
  const pairs = readings.every((r) => Number.isFinite(r.value2));
  const middle = HEIGHT / 2;
  const main = polyline(
    readings.map((r) => r.value),
    PAD,
    pairs ? middle - 1 : HEIGHT - PAD,
  );
  const second = pairs
    ? polyline(
        readings.map((r) => r.value2 as number),
        middle + 1,
        HEIGHT - PAD,
      )
    : null;
  const description = `${label} trend: ${readings.length} readings, from ${show(first)} to ${show(last)}`;
  return (
    <svg
      class="rp-spark"
      role="img"
      aria-label={description}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      data-testid="sparkline"
    >
      <title>{description}</title>
      <polyline points={main} fill="none" stroke="currentColor" stroke-width="1.5" />
      {second && (
        <polyline points={second} fill="none" stroke="currentColor" stroke-width="1.5" opacity="0.55" />
      )}
    </svg>
  );
}
