/**
 * Starts the companion server: reads configuration from the environment (the only module that
 * does), opens and migrates the database, listens, and shuts down gracefully on SIGTERM/SIGINT.
 * Run directly (`tsx server/main.ts`) or import `main` and pass an environment object.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { createApp } from './app.ts';
import { describeDatabase, loadConfig, withBoundPort } from './config/config.ts';
import type { Db } from './db/db.ts';
import { loadMigrations } from './db/migration-files.ts';
import { migrate } from './db/migrate.ts';
import { openDbWithBackup } from './db/open-db.ts';
import { checkStatementTimeout } from './db/postgres.ts';
import type { BackupSource } from './db/backup/backup.ts';
import { ConfigError } from './errors/app-error.ts';
import { loadClientKeys, type ClientKeyStore } from './keys/client-keys.ts';
import { openClientKeyStore } from './keys/open-key-store.ts';
import { createHealthState } from './lifecycle/health-state.ts';
import { listen, type HttpListener } from './lifecycle/http-server.ts';
import { createShutdown } from './lifecycle/shutdown.ts';
import { startScheduledBackups } from './jobs/scheduled-backups.ts';
import { createLogger, errorFields, type Logger, type LogLevel } from './observability/logger.ts';

export interface RunningServer {
  /** Where the server answers (PUBLIC_URL, or the address it bound). */
  readonly url: string;
  /** Stops accepting, drains requests, closes the database. Idempotent. */
  close(): Promise<void>;
}

/** How long a signal-triggered shutdown may leave the process running before it is forced out. */
const EXIT_FAILSAFE_MS = 5_000;
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

function stdoutLogger(level: LogLevel): Logger {
  return createLogger({ level, write: (line) => process.stdout.write(`${line}\n`) });
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const config = loadConfig(env);
  const log = stdoutLogger(config.logLevel);
  // Checked before anything opens; it seeds the signing key table (server/keys).
  const seedKeys = await loadClientKeys(config.clientJwks);

  let db: Db | undefined;
  let backupSource: BackupSource;
  let keys: ClientKeyStore;
  let listener: HttpListener | undefined;
  try {
    ({ db, backupSource } = await openDbWithBackup(config, log));
    await migrate(db, await loadMigrations(), log);
    // Behind PgBouncer the role's default applies: say so when it is not the configured one.
    await checkStatementTimeout(db, config.dbPool.statementTimeoutMs, log);
    keys = await openClientKeyStore({ config, db, seed: seedKeys, log });
    listener = await listen(config.port, config.host);
  } catch (err) {
    await db?.close().catch(() => undefined);
    throw err;
  }

  const bound = withBoundPort(config, listener.port);
  const health = createHealthState();
  listener.server.on('request', createApp({ config: bound, db, log, health, keys }));
  const drain = createShutdown({ health, listener, db, graceMs: config.shutdownGraceMs, log });
  const backups = startScheduledBackups({ settings: config, db, source: backupSource, log });
  // The backup job stops first (cancelling a backup in flight), then requests drain, then the db closes.
  const shutdown = async (): Promise<void> => {
    await backups?.stop();
    await drain();
  };

  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      log.warn('second signal: exiting now', { signal });
      process.exit(1);
    }
    signalled = true;
    log.info('signal received', { signal });
    void shutdown().then(() => {
      // Everything is closed, so the event loop should empty and the process exit by itself.
      setTimeout(() => {
        log.warn('forcing exit: something still holds the process open');
        process.exit(process.exitCode ?? 0);
      }, EXIT_FAILSAFE_MS).unref();
    });
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);

  log.info('listening', {
    url: bound.publicUrl,
    host: config.host,
    port: listener.port,
    database: describeDatabase(config.database),
  });

  return {
    url: bound.publicUrl,
    close: async () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      await shutdown();
    },
  };
}

function reportStartupFailure(err: unknown): void {
  const log = stdoutLogger('info');
  if (err instanceof ConfigError) {
    log.error('invalid configuration', { problems: err.problems.map((p) => `${p.key}: ${p.problem}`) });
  } else {
    const message = err instanceof Error ? err.message : String(err);
    log.error('start-up failed', { message, ...errorFields(err) });
  }
  process.exitCode = 1;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  // A crash still leaves one JSON line (with the stack) rather than unstructured stderr.
  const crash = (err: unknown): never => {
    stdoutLogger('error').error('crashed', errorFields(err));
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  main().catch(reportStartupFailure);
}
