/**
 * The product as a clinician meets it, on free ports: the same wiring as `npm start`, with an
 * in-memory database (or CI's real Postgres when DATABASE_URL is set).
 *
 * @module
 */
import { startEmbeddedStack, type EmbeddedStack } from '../../../fhir-fixtures/embedded-stack.ts';

export type RunningStack = EmbeddedStack;

export function startStack(): Promise<RunningStack> {
  return startEmbeddedStack({
    sandbox: { port: 0 },
    serverEnv: {
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      LOG_LEVEL: 'warn',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  });
}
