/**
 * The frame every context panel shares: a `<section aria-labelledby>` with its heading, and the
 * one way a panel degrades. An unavailable panel shows the server's reason in words and, when the
 * read can be tried again, a Retry button; a panel whose body fails to render says so instead of
 * taking the page down. The other panels keep showing either way.
 *
 * @module
 */
import type { ComponentType } from 'preact';
import { useEffect, useErrorBoundary, useRef } from 'preact/hooks';
import type { Panel, PanelName } from '../../server/contract/clinical-context.ts';

export interface PanelProps<T> {
  readonly panel: Panel<T>;
  readonly onRetry: () => void;
}

interface PanelFrameProps<T> extends PanelProps<T> {
  readonly name: PanelName;
  readonly title: string;
  readonly body: ComponentType<{ data: T }>;
}

function Guarded<T>({
  body: Body,
  data,
  title,
}: {
  body: ComponentType<{ data: T }>;
  data: T;
  title: string;
}) {
  const error: unknown = useErrorBoundary()[0];
  if (error) {
    return (
      <p class="rp-reason" data-testid="panel-reason">
        {title} could not be shown; the rest is current.
      </p>
    );
  }
  return <Body data={data} />;
}

export function PanelFrame<T>({ name, title, panel, onRetry, body }: PanelFrameProps<T>) {
  const headingId = `rp-panel-${name}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const retried = useRef(false);
  // After this panel's own Retry brings it back, its button is gone: put focus on the heading
  // rather than letting it fall to the page.
  useEffect(() => {
    if (retried.current && panel.status === 'ok') {
      retried.current = false;
      heading.current?.focus();
    }
  }, [panel]);
  const retry = () => {
    retried.current = true;
    onRetry();
  };
  return (
    <section
      class="rp-panel"
      data-testid={`panel-${name}`}
      data-status={panel.status}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {panel.status === 'ok' ? (
        <>
          <Guarded body={body} data={panel.data} title={title} />
          {panel.warnings && panel.warnings.length > 0 && (
            <ul class="rp-warnings">
              {panel.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <div class="rp-unavailable">
          <p class="rp-reason" data-testid="panel-reason">
            {panel.reason}
          </p>
          {panel.retryable && (
            <button type="button" class="rp-button-secondary" onClick={retry} aria-label={`Retry ${title}`}>
              Retry
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** The sentence an empty list shows ("No active problems recorded"). */
export function Empty({ children }: { children: string }) {
  return <p class="rp-empty">{children}</p>;
}
