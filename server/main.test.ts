import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSecretsEnv, type TestSecretsEnv } from '../test/support/test-secrets.ts';
import { ConfigError } from './errors/app-error.ts';
import { main } from './main.ts';

const mainPath = fileURLToPath(new URL('./main.ts', import.meta.url));
let distDir: string;
let secrets: TestSecretsEnv;

beforeAll(async () => {
  secrets = await testSecretsEnv();
  distDir = await mkdtemp(join(tmpdir(), 'rp-main-'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>RevenuePilot</title>');
});
afterAll(() => rm(distDir, { recursive: true }));

/** Runs `server/main.ts` as its own process, the way an operator would, with exactly `env`. */
function runMain(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      raw.push(line);
      const parsed = JSON.parse(line) as Record<string, unknown>;
      lines.push(parsed);
      if (parsed.msg === 'listening') resolve(String(parsed.url));
    });
    child.once('exit', () => reject(new Error(`exited before listening:\n${raw.join('\n')}`)));
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, lines, raw, listening, exited };
}

describe('main(env)', () => {
  it('starts on port 0 with in-memory PGlite, serves, and close() ends everything', async () => {
    const before = process.listenerCount('SIGTERM');
    const server = await main({
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      PLUGIN_DIST_DIR: distDir,
      LOG_LEVEL: 'error',
      ...secrets,
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);

    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${server.url}/app/`)).status).toBe(200);
    // Nothing is registered in a fresh database: a launch from any EHR is refused.
    expect((await fetch(`${server.url}/launch?iss=https%3A%2F%2Fehr.example&launch=x`)).status).toBe(403);

    await Promise.all([server.close(), server.close()]);
    expect(process.listenerCount('SIGTERM')).toBe(before);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('rejects with every configuration problem before opening anything', async () => {
    const failure = main({ PORT: 'eighty', LOG_LEVEL: 'loud', ...secrets });
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toMatchObject({
      problems: [expect.objectContaining({ key: 'PORT' }), expect.objectContaining({ key: 'LOG_LEVEL' })],
    });
  });
});

describe('server/main.ts run directly', () => {
  it('logs its URL as JSON, drains on SIGTERM and exits by itself, with no query strings logged', async () => {
    const run = runMain({ PORT: '0', PGLITE_DATA_DIR: 'memory', PLUGIN_DIST_DIR: distDir, ...secrets });
    const url = await run.listening;
    expect((await fetch(`${url}/healthz?launch=SECRET-LAUNCH-VALUE`)).status).toBe(200);

    run.child.kill('SIGTERM');
    const [code, signal] = await run.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const messages = run.lines.map((l) => l.msg);
    expect(messages).toEqual(
      expect.arrayContaining(['migration applied', 'listening', 'request', 'signal received', 'stopped']),
    );
    // It exited because nothing was left open, not because the fail-safe forced it.
    expect(messages).not.toContain('forcing exit: something still holds the process open');
    expect(run.lines.find((l) => l.msg === 'request')).toMatchObject({ path: '/healthz', status: 200 });
    expect(run.raw.join('\n')).not.toContain('SECRET-LAUNCH-VALUE');
  });

  it('exits 1 with one JSON line listing the configuration problems', async () => {
    const run = runMain({ PORT: '99999', DATABASE_URL: 'mysql://root:hunter2@db/rp', ...secrets });
    await expect(run.listening).rejects.toThrow('exited before listening');
    const [code] = await run.exited;
    expect(code).toBe(1);
    expect(run.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'invalid configuration',
        problems: ['PORT: must be at most 65535', 'DATABASE_URL: must be a postgres:// or postgresql:// URL'],
      }),
    ]);
    expect(run.raw.join('\n')).not.toContain('hunter2');
  });
});
