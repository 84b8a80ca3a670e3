/**
 * Must show (part): two server processes started at the same moment against one fresh
 * PostgreSQL database both come up ready, and every migration is applied exactly once between
 * them (the transaction-scoped advisory lock in server/db/migrate.ts). Real processes, as a
 * deployment runs them: `node --import tsx server/main.ts`. PostgreSQL only: embedded PGlite
 * serves one process per data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/db/migration-files.ts';
import { openPostgresDb } from '../../server/db/postgres.ts';
import { createLogger } from '../../server/observability/logger.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/test-db.ts';
import { testSecretsEnv } from '../support/test-secrets.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface ServerProcess {
  readonly child: ChildProcess;
  readonly lines: Record<string, unknown>[];
  /** Resolves with the URL from the `listening` line; rejects if the process exits first. */
  readonly listening: Promise<string>;
  readonly exited: Promise<number | null>;
}

function startServer(env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          lines.push(parsed);
          if (parsed.msg === 'listening') resolve(String(parsed.url));
        } catch {
          stderr += `${line}\n`;
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) =>
      reject(
        new Error(`server exited (${code}) before listening: ${JSON.stringify(lines.slice(-3))} ${stderr}`),
      ),
    );
  });
  listening.catch(() => undefined);
  return { child, lines, listening, exited };
}

describe.runIf(process.env.DATABASE_URL)('two server processes against one fresh PostgreSQL', () => {
  let scratch: ScratchDatabase | undefined;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await scratch?.drop();
  });

  it('both come up ready and migrate once between them', async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'rp_two_servers');
    const env = {
      ...process.env,
      ...(await testSecretsEnv()),
      DATABASE_URL: scratch.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    servers.push(startServer(env), startServer(env));
    const urls = await Promise.all(servers.map((s) => s.listening));
    expect(new Set(urls).size).toBe(2);

    for (const url of urls) {
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready' });
    }

    const versions = (await loadMigrations()).map((m) => m.version);
    const log = createLogger({ level: 'error', write: () => undefined });
    const db = openPostgresDb({ url: scratch.url, statementTimeoutMs: 10_000, log });
    try {
      const { rows } = await db.query<{ version: number; n: number }>(
        'select version, count(*)::int as n from schema_migrations group by version order by version',
      );
      expect(rows.map((r) => r.version)).toEqual(versions);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await db.close();
    }
    const applied = servers.flatMap((s) =>
      s.lines.filter((l) => l.msg === 'migration applied').map((l) => l.migration),
    );
    expect(applied).toHaveLength(versions.length);
    expect(new Set(applied).size).toBe(versions.length);

    for (const s of servers) s.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);
    for (const s of servers) expect(s.lines.some((l) => l.msg === 'stopped')).toBe(true);
  }, 120_000);
});
