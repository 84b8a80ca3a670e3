/**
 * The product as a clinician meets it, on free ports: the same wiring as `npm start`, with an
 * in-memory database (or CI's real Postgres when DATABASE_URL is set), and a known admin token
 * so specs can change the EHR registration as IT would.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { startEmbeddedStack, type EmbeddedStack } from '../../../fhir-fixtures/embedded-stack.ts';
import type { SandboxOptions } from '../../../fhir-fixtures/sandbox/state.ts';

export interface RunningStack extends EmbeddedStack {
  readonly adminToken: string;
  /** Calls the admin API with the stack's token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
}

export async function startStack(sandbox: SandboxOptions = {}): Promise<RunningStack> {
  const adminToken = randomBytes(32).toString('base64url');
  const stack = await startEmbeddedStack({
    sandbox: { port: 0, ...sandbox },
    serverEnv: {
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      LOG_LEVEL: 'warn',
      ADMIN_API_TOKEN: adminToken,
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  });
  return {
    ...stack,
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
