// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelFrame } from './PanelFrame.tsx';

afterEach(cleanup);

function Broken(): never {
  throw new Error('bad data');
}

describe('PanelFrame', () => {
  it('a body that fails to render degrades its own panel only', () => {
    render(
      <div>
        <PanelFrame
          name="labs"
          title="Labs"
          panel={{ status: 'ok', data: [] }}
          onRetry={() => undefined}
          body={Broken}
        />
        <PanelFrame
          name="notes"
          title="Recent notes"
          panel={{ status: 'ok', data: 'fine' }}
          onRetry={() => undefined}
          body={({ data }: { data: string }) => <p>{data}</p>}
        />
      </div>,
    );
    expect(screen.getByTestId('panel-labs').textContent).toContain(
      'Labs could not be shown; the rest is current.',
    );
    expect(screen.getByTestId('panel-notes').textContent).toContain('fine');
  });
});
