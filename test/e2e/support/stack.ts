/**
 * The product as a clinician meets it, on free ports: the same wiring as `npm start`, with an
 * in-memory database (or, when DATABASE_URL is set as in CI, a scratch database of its own on that
 * server, dropped at close), and a known admin token so specs can change the EHR registration as
 * IT would.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { startEmbeddedStack, type EmbeddedStack } from '../../../fhir-fixtures/embedded-stack.ts';
import type { SandboxOptions } from '../../../fhir-fixtures/sandbox/state.ts';
import { createScratchDatabase } from '../../support/test-db.ts';

export interface RunningStack extends EmbeddedStack {
  readonly adminToken: string;
  /** Calls the admin API with the stack's token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
}

export async function startStack(sandbox: SandboxOptions = {}): Promise<RunningStack> {
  const adminToken = randomBytes(32).toString('base64url');
  const baseUrl = process.env.DATABASE_URL;
  const scratch = baseUrl ? await createScratchDatabase(baseUrl, 'rp_e2e') : undefined;
  const stack = await startEmbeddedStack({
    sandbox: { port: 0, ...sandbox },
    serverEnv: {
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      LOG_LEVEL: 'warn',
      ADMIN_API_TOKEN: adminToken,
      ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    },
  });
  return {
    ...stack,
    close: async () => {
      await stack.close();
      await scratch?.drop();
    },
    adminToken,
    admin: (path, init = {}) =>
      fetch(`${stack.serverUrl}/admin/api${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${adminToken}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
  };
}
