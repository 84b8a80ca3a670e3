/**
 * The product on one machine: the sandbox EHR, then the companion server (through
 * server/main.ts), with RevenuePilot registered in the EHR as health-system IT would. `npm start`
 * and the end-to-end specs both start it here, so they run the same wiring.
 *
 * @module
 */
import { main } from '../server/main.ts';
import { withDevSecrets } from './dev-secrets.ts';
import { companionAppRegistration } from './sandbox/companion-app.ts';
import { startSandbox, type RunningSandbox } from './sandbox/create-sandbox.ts';
import type { SandboxOptions } from './sandbox/state.ts';

export interface EmbeddedStack {
  readonly sandbox: RunningSandbox;
  readonly serverUrl: string;
  close(): Promise<void>;
}

export interface EmbeddedStackOptions {
  readonly sandbox: SandboxOptions & { port?: number };
  /**
   * The environment server/main.ts reads (PORT, DATABASE_URL, PGLITE_DATA_DIR, …). Secrets it
   * leaves out come from `.data/dev-secrets.json` (generated on first use).
   */
  readonly serverEnv: NodeJS.ProcessEnv;
  /** Called once the EHR answers, before the server starts (to show its URL first). */
  readonly onSandboxReady?: (sandbox: RunningSandbox) => void;
}

export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const serverEnv = await withDevSecrets(options.serverEnv);
  const sandbox = await startSandbox(options.sandbox);
  options.onSandboxReady?.(sandbox);
  let server: Awaited<ReturnType<typeof main>>;
  try {
    server = await main(serverEnv);
  } catch (err) {
    await sandbox.close();
    throw err;
  }
  const app = companionAppRegistration(server.url);
  sandbox.state.apps.set(app.clientId, app);
  return {
    sandbox,
    serverUrl: server.url,
    close: async () => {
      await Promise.allSettled([server.close(), sandbox.close()]);
    },
  };
}
