/**
 * The stack the load benchmark drives, each part in its own process as in production: the sandbox
 * EHR (sandbox-process.ts), and the companion server started exactly as `npm run start:server`
 * starts it (`node --import tsx server/main.ts`, its log on stdout) against a scratch PostgreSQL
 * database when `databaseUrl` is given, else embedded PGlite in memory. The server registers the
 * sandbox through its admin API and the sandbox registers the server, as IT would.
 *
 * @module
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase, type ScratchDatabase } from '../support/test-db.ts';
import { testSecretsEnv } from '../support/test-secrets.ts';
import { LOOP_DELAY_MSG, type SandboxMessage, type SandboxRequest } from './process-messages.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface ServerLogCounts {
  lines: number;
  warnings: number;
  errors: number;
  /** Access-log lines with a 5xx status. */
  serverErrors: number;
  /** Warning and error lines by message (and error code, when the line has one). */
  problems: Record<string, number>;
  /** The last few error lines as logged (they carry ids, codes and stacks, never PHI). */
  recentErrors: string[];
  /** The server's event-loop delay per 10 s window (loop-delay-probe.ts), ms. */
  loopDelay: { p99Ms: number; maxMs: number }[];
}

export interface LoopDelay {
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface LoadStack {
  readonly serverUrl: string;
  readonly sandboxUrl: string;
  readonly serverPid: number;
  readonly sandboxPid: number;
  readonly database: 'postgres' | 'pglite (memory)';
  /** Counted from the server's stdout as it runs. */
  readonly log: ServerLogCounts;
  /** The sandbox EHR's event-loop delay since the last call. */
  sandboxLoopDelay(): Promise<LoopDelay>;
  close(): Promise<void>;
}

export interface LoadStackOptions {
  /** A PostgreSQL server to create a scratch database on; PGlite in memory without it. */
  readonly databaseUrl?: string;
  /** More server settings (e.g. DB_POOL_MAX). */
  readonly serverEnv?: Readonly<Record<string, string>>;
  /** Node flags for the server process, e.g. `--cpu-prof`. */
  readonly serverNodeArgs?: readonly string[];
}

/** pino's numeric levels or our names: 40 and up warn, 50 and up error. */
function levelOf(line: Record<string, unknown>): 'warn' | 'error' | 'other' {
  const level = line.level;
  if (level === 'error' || level === 'fatal' || (typeof level === 'number' && level >= 50)) return 'error';
  if (level === 'warn' || (typeof level === 'number' && level >= 40)) return 'warn';
  return 'other';
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function nextMessage<T extends SandboxMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<SandboxMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`sandbox exited (${code}) before ${type}`));
    };
    const onMessage = (message: SandboxMessage) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<SandboxMessage, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts the server process; resolves with its URL once it logs `listening`. */
function startServer(
  env: NodeJS.ProcessEnv,
  nodeArgs: readonly string[],
  log: ServerLogCounts,
): { child: ChildProcess; url: Promise<string> } {
  // The event-loop probe rides along; the server itself starts as `npm run start:server` starts it.
  const probe = fileURLToPath(new URL('./loop-delay-probe.ts', import.meta.url));
  const args = [...nodeArgs, '--import', 'tsx', '--import', probe, 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const text = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        log.lines++;
        let line: Record<string, unknown>;
        try {
          line = JSON.parse(text) as Record<string, unknown>;
        } catch {
          stderr += `${text}\n`;
          continue;
        }
        const level = levelOf(line);
        if (level === 'error') {
          log.errors++;
          log.recentErrors = [...log.recentErrors.slice(-4), text.slice(0, 2_000)];
        }
        if (level === 'warn') log.warnings++;
        if (level !== 'other') {
          const code = line.code ?? line.failure ?? line.error;
          const panel = typeof line.panel === 'string' ? ` ${line.panel}` : '';
          const key = `${level}: ${String(line.msg)}${panel}${typeof code === 'string' ? ` (${code})` : ''}`;
          log.problems[key] = (log.problems[key] ?? 0) + 1;
        }
        if (typeof line.status === 'number' && line.status >= 500) log.serverErrors++;
        if (line.msg === 'listening' && typeof line.url === 'string') resolve(line.url);
        if (line.msg === LOOP_DELAY_MSG)
          log.loopDelay.push({ p99Ms: Number(line.p99Ms), maxMs: Number(line.maxMs) });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening: ${stderr.slice(-2000)}`)),
    );
  });
  url.catch(() => undefined);
  return { child, url };
}

function stopped(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startLoadStack(options: LoadStackOptions = {}): Promise<LoadStack> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  };
  try {
    const sandbox = fork(fileURLToPath(new URL('./sandbox-process.ts', import.meta.url)), {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    cleanups.push(async () => {
      if (sandbox.connected) sandbox.send({ type: 'close' } satisfies SandboxRequest);
      await stopped(sandbox, 5_000);
    });
    const ready = await withTimeout(nextMessage(sandbox, 'ready'), 'sandbox start');

    let scratch: ScratchDatabase | undefined;
    if (options.databaseUrl) {
      scratch = await createScratchDatabase(options.databaseUrl, 'rp_load');
      cleanups.push(() => scratch!.drop());
    }
    const adminToken = randomBytes(32).toString('base64url');
    const log: ServerLogCounts = {
      lines: 0,
      warnings: 0,
      errors: 0,
      serverErrors: 0,
      problems: {},
      recentErrors: [],
      loopDelay: [],
    };
    const server = startServer(
      {
        PATH: process.env.PATH,
        ...(await testSecretsEnv()),
        ADMIN_API_TOKEN: adminToken,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...(scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DATA_DIR: 'memory' }),
        ...options.serverEnv,
      },
      options.serverNodeArgs ?? [],
      log,
    );
    cleanups.push(async () => {
      server.child.kill('SIGTERM');
      await stopped(server.child, 20_000);
    });
    const serverUrl = await withTimeout(server.url, 'server start');

    const registered = await fetch(`${serverUrl}/admin/api/ehr-registrations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(ready.registration),
    });
    if (!registered.ok) throw new Error(`registering the sandbox answered ${registered.status}`);
    const appRegistered = nextMessage(sandbox, 'registered');
    sandbox.send({ type: 'register-app', companionUrl: serverUrl } satisfies SandboxRequest);
    await withTimeout(appRegistered, 'sandbox registration');

    return {
      serverUrl,
      sandboxUrl: ready.url,
      serverPid: server.child.pid!,
      sandboxPid: sandbox.pid!,
      database: scratch ? 'postgres' : 'pglite (memory)',
      log,
      sandboxLoopDelay: async () => {
        const answer = nextMessage(sandbox, 'loop-delay');
        sandbox.send({ type: 'loop-delay' } satisfies SandboxRequest);
        const { p99Ms, maxMs } = await withTimeout(answer, 'sandbox loop delay');
        return { p99Ms, maxMs };
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
