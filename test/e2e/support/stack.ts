/**
 * The product as a clinician meets it: the sandbox EHR and the companion server, each on a
 * free port, with RevenuePilot registered in the EHR. Uses DATABASE_URL when set (CI's real
 * Postgres), otherwise in-memory PGlite.
 *
 * @module
 */
import { companionAppRegistration } from '../../../fhir-fixtures/sandbox/companion-app.ts';
import { startSandbox, type RunningSandbox } from '../../../fhir-fixtures/sandbox/create-sandbox.ts';
import { main } from '../../../server/main.ts';

export interface RunningStack {
  readonly sandbox: RunningSandbox;
  readonly serverUrl: string;
  close(): Promise<void>;
}

export async function startStack(): Promise<RunningStack> {
  const sandbox = await startSandbox({ port: 0 });
  const server = await main({
    PORT: '0',
    PGLITE_DATA_DIR: 'memory',
    LOG_LEVEL: 'warn',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
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
