// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LabResult } from '../../../server/contract/clinical-context.ts';
import { sampleContext } from '../../test-support/sample-chart.ts';
import { LabsPanel } from './LabsPanel.tsx';

afterEach(cleanup);

const labs = sampleContext().labs;

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('LabsPanel', () => {
  it('writes each flag out in words and marks it for colour', () => {
    render(<LabsPanel panel={labs} onRetry={() => undefined} />);
    const expectations: [string, string, string][] = [
      ['Hemoglobin A1c', 'High', 'high'],
      ['Potassium', 'Critical', 'critical'],
      ['eGFR', 'Low', 'low'],
      ['Urine protein', 'Abnormal', 'abnormal'],
    ];
    for (const [test, word, flag] of expectations) {
      const badge = within(rowOf(test)).getByTestId('lab-flag');
      expect(badge.textContent).toBe(word);
      expect(badge.getAttribute('data-flag')).toBe(flag);
    }
    expect(within(rowOf('Sodium')).queryByTestId('lab-flag')).toBeNull();
    expect(rowOf('Hemoglobin A1c').textContent).toContain('8.1 %');
    expect(rowOf('Hemoglobin A1c').textContent).toContain('4.0–5.6 %');
    expect(rowOf('Hemoglobin A1c').textContent).toContain('Mar 1, 2031');
  });

  it('says when there are no results', () => {
    render(<LabsPanel panel={{ status: 'ok', data: [] as LabResult[] }} onRetry={() => undefined} />);
    expect(screen.getByText('No recent lab results')).toBeTruthy();
  });
});
