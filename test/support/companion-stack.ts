/**
 * The companion server against the sandbox EHR for integration tests, built from `createApp` so a
 * test can pick what `main` cannot (the client assertion algorithm, a fetch with latency): a
 * migrated test database, our keys, the sandbox registered as an EHR and RevenuePilot registered
 * in the sandbox, each on its own port (two sites: 127.0.0.1 and localhost).
 *
 * @module
 */
import type { FetchLike } from '../../launch/discovery.ts';
import {
  companionAppRegistration,
  sandboxEhrRegistration,
} from '../../fhir-fixtures/sandbox/companion-app.ts';
import { startSandbox, type RunningSandbox } from '../../fhir-fixtures/sandbox/create-sandbox.ts';
import type { SandboxOptions } from '../../fhir-fixtures/sandbox/state.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig, withBoundPort } from '../../server/config/config.ts';
import { cipherForKeys } from '../../server/crypto/secret-cipher.ts';
import { loadClientKeys } from '../../server/keys/client-keys.ts';
import { openClientKeyStore } from '../../server/keys/open-key-store.ts';
import type { RotatingKeyStore } from '../../server/keys/rotating-key-store.ts';
import type { AssertionAlg } from '../../server/launch/token-client.ts';
import { listen } from '../../server/lifecycle/http-server.ts';
import { createMemoryLog, type MemoryLog } from '../../server/observability/memory-log.ts';
import { createEhrRegistry, type EhrRegistry } from '../../server/registry/ehr-registry.ts';
import { openTestDb, type TestDb } from './test-db.ts';
import { testSecretsEnv } from './test-secrets.ts';

export interface CompanionStack {
  readonly sandbox: RunningSandbox;
  readonly serverUrl: string;
  readonly db: TestDb;
  readonly registry: EhrRegistry;
  readonly log: MemoryLog;
  /** Our signing keys, in the test database as in production (seeded from CLIENT_JWKS). */
  readonly keys: RotatingKeyStore;
  close(): Promise<void>;
}

export interface CompanionStackOptions {
  readonly sandbox?: SandboxOptions;
  readonly assertionAlg?: AssertionAlg;
  readonly fetch?: FetchLike;
  /** More server settings, e.g. the drafting provider's. */
  readonly env?: Readonly<Record<string, string>>;
  /** The signing key store's clock (key rotation tests move it). */
  readonly keysNow?: () => Date;
}

export async function startCompanionStack(options: CompanionStackOptions = {}): Promise<CompanionStack> {
  const sandbox = await startSandbox({ port: 0, ...options.sandbox });
  const db = await openTestDb();
  const env = {
    ...(await testSecretsEnv()),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    ...options.env,
  };
  const config = loadConfig(env);
  const log = createMemoryLog();
  const keys = await openClientKeyStore({
    config,
    db,
    seed: await loadClientKeys(config.clientJwks),
    log: log.log,
    ...(options.keysNow ? { now: options.keysNow } : {}),
  });
  const listener = await listen(0, '127.0.0.1');
  const bound = withBoundPort(config, listener.port);
  const app = createApp({
    config: bound,
    db,
    log: log.log,
    keys,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.assertionAlg ? { assertionAlg: options.assertionAlg } : {}),
  });
  listener.server.on('request', app);

  const registry = createEhrRegistry(db, cipherForKeys(config.tokenEncryptionKey));
  await registry.create(sandboxEhrRegistration(sandbox.state));
  const companion = companionAppRegistration(bound.publicUrl);
  sandbox.state.apps.set(companion.clientId, companion);

  return {
    sandbox,
    serverUrl: bound.publicUrl,
    db,
    registry,
    log,
    keys,
    close: async () => {
      await listener.close(1_000);
      await Promise.allSettled([sandbox.close(), db.close()]);
    },
  };
}
