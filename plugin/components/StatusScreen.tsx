/**
 * Full-panel messages for when there is no chart to show: opened outside the EHR, the session
 * has ended, or the app could not start. Plain words, what to do next, never a stack trace.
 *
 * @module
 */
import type { ComponentChildren } from 'preact';

interface StatusScreenProps {
  readonly title: string;
  readonly message: string;
  readonly testId: string;
  readonly children?: ComponentChildren;
}

export function StatusScreen({ title, message, testId, children }: StatusScreenProps) {
  return (
    <main id="rp-main" class="rp-screen" tabIndex={-1} data-testid={testId}>
      <div role="alert" class="rp-screen-box">
        <h2>{title}</h2>
        <p>{message}</p>
        {children}
      </div>
    </main>
  );
}

export function NoLaunchScreen() {
  return (
    <StatusScreen
      testId="no-launch"
      title="Not opened from a chart"
      message="Open RevenuePilot from the patient's chart in the EHR"
    />
  );
}

export function SessionEndedScreen() {
  return (
    <StatusScreen
      testId="session-ended"
      title="Session ended"
      message="Your session with the EHR has ended. Relaunch RevenuePilot from the patient's chart."
    />
  );
}

/** A reference the support desk can look up in the server's logs; never anything about the patient. */
export function RequestRef({ requestId }: { requestId: string | undefined }) {
  if (!requestId) return null;
  return <p class="rp-muted rp-small">Reference: {requestId}</p>;
}
