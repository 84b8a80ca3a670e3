import { useEffect, useState } from 'preact/hooks';
import { getJson, type ApiProblem } from '../api/client.ts';
import { readLaunchInfo } from '../launch-info.ts';

type ServerState = { kind: 'checking' } | { kind: 'ready' } | { kind: 'unavailable'; problem: ApiProblem };

/**
 * The shell shown inside the EHR frame. For now it confirms the app is connected to its
 * companion server; patient context arrives with the SMART launch.
 */
export function App() {
  const [server, setServer] = useState<ServerState>({ kind: 'checking' });
  const launch = readLaunchInfo(window.location.search);

  const check = async () => {
    setServer({ kind: 'checking' });
    const result = await getJson<{ status: string }>('/readyz');
    setServer(result.ok ? { kind: 'ready' } : { kind: 'unavailable', problem: result.error });
  };

  useEffect(() => {
    void check();
  }, []);

  return (
    <main class="rp-shell">
      <header class="rp-header">
        <h1>RevenuePilot</h1>
        <span class="rp-muted">
          {launch.ehrHost ? `Opened from ${launch.ehrHost}` : 'Opened outside an EHR'}
        </span>
      </header>
      <section class="rp-status" role="status" aria-live="polite" data-tone={toneOf(server)}>
        {server.kind === 'checking' && <p>Connecting to the RevenuePilot server…</p>}
        {server.kind === 'ready' && <p>Connected to the RevenuePilot server.</p>}
        {server.kind === 'unavailable' && (
          <>
            <p>
              The RevenuePilot server is not ready: {server.problem.message} Your EHR is unaffected; try again
              in a moment.
            </p>
            <button type="button" onClick={() => void check()}>
              Retry
            </button>
          </>
        )}
      </section>
    </main>
  );
}

function toneOf(server: ServerState): 'ok' | 'error' | undefined {
  if (server.kind === 'ready') return 'ok';
  if (server.kind === 'unavailable') return 'error';
  return undefined;
}
