/**
 * Whether the server is shutting down: read by `/readyz` (503 while draining) and by the
 * pipeline (ask keep-alive clients to reconnect elsewhere). Shared by the app and the shutdown.
 *
 * @module
 */

export interface HealthState {
  readonly shuttingDown: boolean;
  markShuttingDown(): void;
}

export function createHealthState(): HealthState {
  let shuttingDown = false;
  return {
    get shuttingDown() {
      return shuttingDown;
    },
    markShuttingDown() {
      shuttingDown = true;
    },
  };
}
