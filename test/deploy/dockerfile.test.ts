/**
 * The image's rules, checked on the Dockerfile itself (Docker is not needed to run this): a
 * Node 20 slim base, the plugin built in its own stage, runtime dependencies only, a non-root
 * numeric user, nothing secret, settings the server's own config loader accepts, the start
 * command `npm run start:server` runs, a HEALTHCHECK that really passes against the server's
 * health route (and fails without one), and every file and package the server's commands import
 * present in the image.
 */
import { execFile } from 'node:child_process';
import { posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV_KEYS } from '../../server/config/config-schema.ts';
import { loadConfig } from '../../server/config/config.ts';
import { testSecretsEnv } from '../support/test-secrets.ts';
import {
  loadDockerfile,
  loadDockerIgnore,
  loadPackageJson,
  ROOT,
  startEmptyServer,
  startHealthServer,
  type HealthServer,
} from './deploy-files.ts';
import { parseDockerIgnore } from './docker-ignore.ts';
import {
  copiesOf,
  envOf,
  healthcheckOf,
  lastOf,
  parseDockerfile,
  workdirOf,
  type Stage,
} from './dockerfile.ts';
import { importGraph } from './import-graph.ts';

const dockerfile = loadDockerfile();
const ignore = loadDockerIgnore();
const pkg = loadPackageJson();
const runtime = dockerfile.stages.at(-1)!;
const stageNamed = (name: string): Stage => {
  const stage = dockerfile.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage named ${name}`);
  return stage;
};

/** The commands operators run in the image (docs/deploy.md), by package.json script. */
const RUNTIME_SCRIPTS = [
  'start:server',
  'db:migrate',
  'db:backup',
  'db:restore',
  'ehr',
  'keys:generate',
  'keys:rotate',
  'codes:import',
  'roles',
];
const SECRET_KEYS = [
  'DATABASE_URL',
  'BACKUP_DATABASE_URL',
  'TOKEN_ENCRYPTION_KEY',
  'TOKEN_ENCRYPTION_PREVIOUS_KEYS',
  'CLIENT_JWKS',
  'ADMIN_API_TOKEN',
  'OPENAI_API_KEY',
];
/** Set for tools, not read by the server. */
const TOOL_ENV = /^(NODE_ENV|PATH|NPM_CONFIG_[A-Z_]+)$/;

/** A long mixed-case run of base64 characters: what a key or token looks like, unlike a path. */
const looksLikeKey = (value: string): boolean =>
  /^[A-Za-z0-9+/_-]{24,}={0,2}$/.test(value) &&
  /[A-Z]/.test(value) &&
  /[a-z]/.test(value) &&
  /\d/.test(value);

/** Where a path (relative to the repository) lands in a stage, when one of its COPYs takes it. */
function copiedTo(stage: Stage, path: string): string | undefined {
  for (const copy of copiesOf(stage).filter((c) => c.from === undefined)) {
    for (const source of copy.sources) {
      const src = source.replace(/^\.\//, '').replace(/\/$/, '');
      if (path === src || path.startsWith(`${src}/`)) {
        const dest = posix.resolve(workdirOf(stage), copy.dest);
        return copy.dest.endsWith('/') && path === src ? posix.join(dest, posix.basename(src)) : dest;
      }
    }
  }
  return undefined;
}

describe('Dockerfile parsing', () => {
  it('reads stages, continuation lines, exec form and ENV pairs as Docker does', () => {
    const parsed = parseDockerfile(
      [
        'ARG BASE=node:20-slim',
        'FROM ${BASE} AS one',
        'ENV A=1 \\',
        '  # a comment inside the instruction',
        '  B="two words"',
        'FROM one',
        'COPY --from=one /x ./y',
        'HEALTHCHECK --interval=5s CMD ["node", "-e", "1"]',
        'CMD ["node", "main.js"]',
      ].join('\n'),
    );
    expect(parsed.stages.map((s) => [s.name, s.image])).toEqual([
      ['one', 'node:20-slim'],
      [undefined, 'one'],
    ]);
    expect(envOf(parsed.stages[0]!)).toEqual({ A: '1', B: 'two words' });
    expect(copiesOf(parsed.stages[1]!)).toEqual([{ from: 'one', sources: ['/x'], dest: './y' }]);
    expect(healthcheckOf(parsed.stages[1]!)).toEqual({
      options: { interval: '5s' },
      command: ['node', '-e', '1'],
    });
    expect(lastOf(parsed.stages[1]!, 'CMD')?.exec).toEqual(['node', 'main.js']);
  });

  it('tells a key-like value from a path or a setting', () => {
    expect(looksLikeKey('q3Jx9m2ZP0v8Yt4LkA1sN7wE5rB6cH2dF0gU9iO3pQ=')).toBe(true);
    for (const value of ['/usr/lib/postgresql/18/bin:$PATH', '/app/dist/plugin', 'production', '8080']) {
      expect(looksLikeKey(value), value).toBe(false);
    }
  });

  it('applies .dockerignore patterns to paths and their parents, last match winning', () => {
    const rules = parseDockerIgnore('.env.*\n!.env.example\nnode_modules\n**/*.test.ts\n');
    expect(rules.excludes('.env.production')).toBe(true);
    expect(rules.excludes('.env.example')).toBe(false);
    expect(rules.excludes('node_modules/pg/index.js')).toBe(true);
    expect(rules.excludes('server/a/b.test.ts')).toBe(true);
    expect(rules.excludes('server/a/b.ts')).toBe(false);
  });
});

describe('the image', () => {
  it('runs on a Node 20 slim base, the Node major package.json supports', () => {
    const major = /(\d+)/.exec(pkg.engines.node)?.[1];
    expect(runtime.image).toMatch(new RegExp(`^node:${major}(\\.[\\d.]+)?-([a-z]+-)?slim(@sha256:.+)?$`));
  });

  it('builds the plugin in a build stage and serves the result from PLUGIN_DIST_DIR', () => {
    const build = stageNamed('build');
    expect(
      build.instructions.some((i) => i.keyword === 'RUN' && i.args.includes('npm run build:plugin')),
    ).toBe(true);
    expect(pkg.scripts['build:plugin']).toMatch(/^vite build/);
    const plugin = copiesOf(runtime).find((c) => c.from === 'build');
    expect(plugin?.sources).toEqual([posix.join(workdirOf(build), 'dist/plugin')]);
    const env = envOf(runtime);
    expect(posix.resolve(workdirOf(runtime), plugin!.dest)).toBe(env.PLUGIN_DIST_DIR);
  });

  it('installs runtime dependencies only, with tsx among them (the server runs TypeScript)', () => {
    const modules = copiesOf(runtime).find((c) => c.sources.some((s) => s.endsWith('/node_modules')));
    expect(modules?.from).toBeDefined();
    const deps = stageNamed(modules!.from!);
    expect(deps.instructions.some((i) => i.keyword === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args))).toBe(
      true,
    );
    expect(pkg.dependencies).toHaveProperty('tsx');
    expect(pkg.devDependencies).not.toHaveProperty('tsx');
  });

  it('runs as a numeric non-root user, which owns only the data directory', () => {
    const user = lastOf(runtime, 'USER')?.args ?? 'root';
    const [uid] = user.split(':');
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    const chowns = runtime.instructions.filter((i) => i.keyword === 'RUN' && i.args.includes('chown'));
    expect(chowns.map((i) => /chown\s+(\S+)\s+(\S+)/.exec(i.args)?.slice(1))).toEqual([[user, '/data']]);
    // The application itself is copied without --chown: root owns it and the server cannot change it.
    expect(runtime.instructions.filter((i) => i.keyword === 'COPY' && i.args.includes('--chown'))).toEqual(
      [],
    );
  });

  it('starts with the command of npm run start:server', () => {
    expect(lastOf(runtime, 'CMD')?.exec?.join(' ')).toBe(pkg.scripts['start:server']);
    expect(lastOf(runtime, 'ENTRYPOINT')).toBeUndefined();
  });

  it('bakes in no secret: no secret key, nothing credential-like, no local secrets copied', () => {
    for (const stage of dockerfile.stages) {
      for (const i of stage.instructions.filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG')) {
        for (const key of SECRET_KEYS) expect(i.args).not.toMatch(new RegExp(`\\b${key}(_FILE)?\\b`));
        expect(i.args).not.toMatch(/SECRET|PASSWORD|TOKEN|JWKS|API_KEY/);
        expect(i.args).not.toMatch(/postgres(ql)?:\/\/[^\s@]*:[^\s@]*@/);
      }
      const values = [...Object.values(envOf(stage)), ...Object.values(dockerfile.globalArgs)];
      expect(values.filter(looksLikeKey)).toEqual([]);
      for (const copy of copiesOf(stage).filter((c) => c.from === undefined)) {
        for (const source of copy.sources) expect(source).not.toMatch(/^\.?\/?(\.env|\.data)|\*/);
      }
    }
    for (const path of [
      '.env',
      '.env.production',
      '.data/dev-secrets.json',
      'client-jwks.json',
      'tls/server.key',
    ]) {
      expect(ignore.excludes(path), path).toBe(true);
    }
    for (const path of ['.git/config', 'node_modules/pg/package.json', 'dist/plugin/index.html']) {
      expect(ignore.excludes(path), path).toBe(true);
    }
  });

  it('sets only keys the server reads, which its config loader accepts: listening where EXPOSE says', async () => {
    const env = envOf(runtime);
    for (const key of Object.keys(env)) {
      expect(TOOL_ENV.test(key) || (ENV_KEYS as string[]).includes(key), key).toBe(true);
    }
    const config = loadConfig({ ...(await testSecretsEnv()), ...env }, { cwd: workdirOf(runtime) });
    expect(config.host).toBe('0.0.0.0');
    expect(lastOf(runtime, 'EXPOSE')?.args).toBe(String(config.port));
    // Everything the server may write lives under the one directory its user owns.
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/data/pglite' });
    for (const dir of [config.backup.dir, config.drafting.recordingsDir]) expect(dir).toMatch(/^\/data\//);
  });

  it('copies in everything the runtime commands import, and the packages are runtime dependencies', () => {
    const entries = RUNTIME_SCRIPTS.map((script) => {
      const command = pkg.scripts[script];
      const entry = /^node --import tsx (\S+\.ts)$/.exec(command ?? '')?.[1];
      expect(entry, `${script}: ${command}`).toBeDefined();
      return entry!;
    });
    const graph = importGraph(ROOT, entries);
    expect(graph.unresolved).toEqual([]);
    expect(graph.files.size).toBeGreaterThan(entries.length);
    const missing = [...graph.files].filter((f) => ignore.excludes(f) || copiedTo(runtime, f) === undefined);
    expect(missing).toEqual([]);
    const notRuntime = [...graph.packages].filter((p) => !(p in pkg.dependencies));
    expect(notRuntime).toEqual([]);
    // Files the server reads beside its code: migrations and the launch page's assets.
    for (const dir of ['server/db/migrations', 'server/launch/assets']) {
      expect(ignore.excludes(dir)).toBe(false);
      expect(copiedTo(runtime, dir)).toBeDefined();
    }
  });

  it('gives the plugin build everything the plugin imports', () => {
    const graph = importGraph(ROOT, ['plugin/main.tsx', 'plugin/vite.config.ts']);
    expect(graph.unresolved).toEqual([]);
    const build = stageNamed('build');
    const missing = [...graph.files, 'plugin/index.html'].filter(
      (f) => ignore.excludes(f) || copiedTo(build, f) === undefined,
    );
    expect(missing).toEqual([]);
    const known = { ...pkg.dependencies, ...pkg.devDependencies };
    expect([...graph.packages].filter((p) => !(p in known))).toEqual([]);
  });
});

describe('the HEALTHCHECK', () => {
  let health: HealthServer;
  let empty: HealthServer;
  beforeAll(async () => {
    [health, empty] = await Promise.all([startHealthServer(), startEmptyServer()]);
  });
  afterAll(() => Promise.all([health?.close(), empty?.close()]));

  const check = healthcheckOf(runtime)!;
  const run = (port: number) =>
    new Promise<number>((resolve) => {
      const [program, ...args] = check.command;
      // `node` in the image is this same Node; the check reads PORT as the server does.
      execFile(program === 'node' ? process.execPath : program!, args, {
        env: { PORT: String(port) },
        timeout: 15_000,
      }).on('exit', (code) => resolve(code ?? -1));
    });

  it('is declared in exec form with a timeout and a start period for migrations', () => {
    expect(check.command[0]).toBe('node');
    expect(check.options).toHaveProperty('timeout');
    expect(check.options).toHaveProperty('start-period');
  });

  it('passes against the server health route', async () => {
    expect(await run(health.port)).toBe(0);
  });

  it('fails where the route is missing or nothing listens', async () => {
    expect(await run(empty.port)).not.toBe(0);
    const port = empty.port;
    await empty.close();
    expect(await run(port)).not.toBe(0);
  });
});
