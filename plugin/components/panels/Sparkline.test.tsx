// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { VitalPoint } from '../../../server/contract/clinical-context.ts';
import { polyline, Sparkline } from './Sparkline.tsx';
import { TrendArrow } from './VitalsPanel.tsx';

afterEach(cleanup);

const points = (...values: number[]): VitalPoint[] =>
  values.map((value, i) => ({ ref: `Observation/${i}`, effective: `2031-01-0${i + 1}`, value }));

describe('Sparkline', () => {
  it('draws one point per reading, the highest at the top, with a text alternative', () => {
    render(<Sparkline label="Heart rate" points={points(70, 90, 80)} />);
    const svg = screen.getByRole('img');
    expect(svg.getAttribute('aria-label')).toBe('Heart rate trend: 3 readings, from 70 to 80');
    const lines = svg.querySelectorAll('polyline');
    expect(lines).toHaveLength(1);
    const ys = (lines[0]?.getAttribute('points') ?? '').split(' ').map((p) => Number(p.split(',')[1]));
    expect(ys).toHaveLength(3);
    expect(ys[1]).toBeLessThan(ys[2] ?? 0);
    expect(ys[2]).toBeLessThan(ys[0] ?? 0);
  });

  it('draws systolic and diastolic lines for blood pressure', () => {
    const bp: VitalPoint[] = [
      { ref: 'Observation/1', effective: '2031-01-01', value: 120, value2: 80 },
      { ref: 'Observation/2', effective: '2031-02-01', value: 140, value2: 90 },
    ];
    render(<Sparkline label="Blood pressure" points={bp} />);
    const svg = screen.getByRole('img');
    expect(svg.querySelectorAll('polyline')).toHaveLength(2);
    expect(svg.getAttribute('aria-label')).toBe('Blood pressure trend: 2 readings, from 120/80 to 140/90');
  });

  it('draws nothing for fewer than two usable readings', () => {
    const { container } = render(
      <Sparkline label="Weight" points={[...points(81), { ref: 'x', effective: 'y', value: Number.NaN }]} />,
    );
    expect(container.querySelector('svg')).toBeNull();
  });

  it('keeps a flat series in the middle of the box', () => {
    expect(polyline([5, 5])).toBe('3.0,12.0 77.0,12.0');
    expect(polyline([1, 2], 0, 10)).toBe('3.0,10.0 77.0,0.0');
  });
});

describe('TrendArrow', () => {
  it('pairs the arrow with words', () => {
    const { container, rerender } = render(<TrendArrow trend="up" />);
    expect(container.textContent).toBe('↑rising');
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('↑');
    rerender(<TrendArrow trend="down" />);
    expect(container.textContent).toBe('↓falling');
    rerender(<TrendArrow trend={null} />);
    expect(container.textContent).toBe('');
  });
});
