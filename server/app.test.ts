import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../test/support/test-db.ts';
import { testSecretsEnv, type TestSecretsEnv } from '../test/support/test-secrets.ts';
import { createApp, type AppDeps } from './app.ts';
import { loadConfig } from './config/config.ts';
import type { Db } from './db/db.ts';
import { loadClientKeys, type ClientKeyStore } from './keys/client-keys.ts';
import { createHealthState } from './lifecycle/health-state.ts';
import { listen, type HttpListener } from './lifecycle/http-server.ts';
import { createMemoryLog, type MemoryLog } from './observability/memory-log.ts';

let db: TestDb;
let distDir: string;
let emptyDir: string;
let secrets: TestSecretsEnv;
let keys: ClientKeyStore;
const listeners: HttpListener[] = [];

beforeAll(async () => {
  db = await openTestDb();
  secrets = await testSecretsEnv();
  keys = await loadClientKeys(secrets.CLIENT_JWKS);
  distDir = await mkdtemp(join(tmpdir(), 'rp-plugin-'));
  emptyDir = await mkdtemp(join(tmpdir(), 'rp-unbuilt-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>RevenuePilot</title>');
  await writeFile(join(distDir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
  await writeFile(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close(0)));
});

afterAll(async () => {
  await db.close();
  await rm(distDir, { recursive: true });
  await rm(emptyDir, { recursive: true });
});

interface Served {
  readonly url: string;
  readonly memory: MemoryLog;
}

async function serve(options: { dist?: string; db?: Db; env?: NodeJS.ProcessEnv } & Partial<AppDeps> = {}) {
  const memory = createMemoryLog();
  const config = loadConfig({
    PORT: '0',
    PLUGIN_DIST_DIR: options.dist ?? distDir,
    ...secrets,
    ...options.env,
  });
  const app = createApp({ config, db: options.db ?? db, log: memory.log, keys, ...options });
  const listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  listeners.push(listener);
  return { url: `http://127.0.0.1:${listener.port}`, memory } satisfies Served;
}

describe('health', () => {
  it('/healthz answers without touching the database', async () => {
    const calls: string[] = [];
    const untouchable: Db = {
      kind: 'postgres',
      query: (sql) => (calls.push(sql), Promise.reject(new Error('down'))),
      transaction: () => (calls.push('transaction'), Promise.reject(new Error('down'))),
      close: () => Promise.resolve(),
    };
    const { url } = await serve({ db: untouchable });
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(calls).toEqual([]);
  });

  it('/readyz answers 200 when the database does', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 once the database is closed', async () => {
    const closed = await openTestDb({ migrations: [] });
    await closed.close();
    const { url, memory } = await serve({ db: closed });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'not_ready', message: 'The database is not reachable.' });
    expect(memory.lines.find((l) => l.msg === 'The database is not reachable.')).toMatchObject({
      level: 'warn',
    });
  });

  it('/readyz answers 503 while shutting down', async () => {
    const health = createHealthState();
    const { url } = await serve({ health });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    health.markShuttingDown();
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: 'not_ready', message: 'The server is shutting down.' });
  });
});

describe('security headers', () => {
  it('sets nosniff, no-referrer and a CSP, and hides the framework', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/healthz`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // Nothing may frame a response unless its route names the launching EHR.
    expect(res.headers.get('content-security-policy')).toMatch(
      /default-src 'self';.*frame-ancestors 'none'$/,
    );
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('lets any frame show the bare plugin shell (it holds nothing without a launch), and sends HSTS behind an https public URL', async () => {
    const { url } = await serve({ env: { PUBLIC_URL: 'https://rp.example-health.org' } });
    const res = await fetch(`${url}/app/?launch=AAAAAAAAAAAAAAAAAAAAAA`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('/launch', () => {
  it.each([
    ['', 'iss and launch'],
    ['?iss=https%3A%2F%2Fehr.example%2Ffhir', 'launch'],
    ['?launch=abc&iss=', 'iss'],
  ])('refuses %j with a launch_params_missing page', async (query, named) => {
    const { url } = await serve();
    const res = await fetch(`${url}/launch${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('data-error="launch_params_missing"');
    expect(page).toContain(`needs ${named} from`);
  });

  it('answers an unregistered iss with an error page any EHR frame can show', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/launch?iss=https%3A%2F%2Fehr.example%2Ffhir&launch=abc`);
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
    expect(await res.text()).toContain('This EHR is not registered');
  });

  it('keeps query strings (launch values, PHI) out of the log', async () => {
    const { url, memory } = await serve();
    await fetch(`${url}/launch?iss=https%3A%2F%2Fehr.example%2Ffhir&launch=LAUNCH-SECRET-7`);
    await fetch(`${url}/launch?launch=LAUNCH-SECRET-8`);
    await fetch(`${url}/nowhere?patient=Jane%20Doe`);
    const access = memory.lines.filter((l) => l.msg === 'request');
    expect(access.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/launch', 403],
      ['GET', '/launch', 400],
      ['GET', '/nowhere', 404],
    ]);
    expect(access.every((l) => typeof l.durationMs === 'number' && typeof l.requestId === 'string')).toBe(
      true,
    );
    expect(memory.text()).not.toMatch(/LAUNCH-SECRET|Jane|iss=|\?/);
  });
});

describe('plugin files', () => {
  it('redirects / to /app/', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/app/');
  });

  it('serves index.html for revalidation and hashed assets for a year', async () => {
    const { url } = await serve();
    const index = await fetch(`${url}/app/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('RevenuePilot');

    const asset = await fetch(`${url}/app/assets/index-Ab12Cd34.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const icon = await fetch(`${url}/app/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file with 404 not_found', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/app/assets/nope.js`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it.each(['/app/', '/app/assets/index-Ab12Cd34.js'])(
    'answers %s with 503 naming the build command when the plugin is not built',
    async (path) => {
      const { url } = await serve({ dist: emptyDir });
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('plugin_not_built');
      expect(body.message).toContain('npm run build:plugin');
    },
  );
});
