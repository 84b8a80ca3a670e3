/**
 * `npm run bench:load [-- --duration 300 --connections 200 --launches 200 --json out.json]`: the
 * load benchmark (not part of `npm run bench` or CI: five minutes is too long for either). Starts
 * the sandbox EHR and the companion server in their own processes (load-stack.ts: real PostgreSQL
 * when DATABASE_URL is set), performs real SMART launches, drafts and codes some encounters, warms
 * up, then runs the simulated users against the context and coding endpoints on loopback while
 * sampling the server process's RSS. Prints the numbers for docs/PERFORMANCE.md and exits 1 when
 * any request failed (an error, a timeout or a non-2xx answer).
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { createMix, ENDPOINTS, requestFor, SEARCH_QUERIES } from './load-mix.ts';
import { openSessions, type LoadSession } from './load-sessions.ts';
import { startLoadStack, type LoadStack, type LoopDelay } from './load-stack.ts';
import { cpuSecondsOf, rssOf, sampleRss } from './process-stats.ts';
import { runLoad, type LoadResult } from './run-load.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '300' },
    connections: { type: 'string', default: '200' },
    launches: { type: 'string' },
    // The plugin's API client gives up after 30 s (plugin/api/client.ts): past that a user sees an error.
    timeout: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const positive = (name: string, raw: string | undefined): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of at least 1 (got ${raw})`);
    process.exit(2);
  }
  return n;
};
const durationSeconds = positive('duration', values.duration);
const connections = positive('connections', values.connections);
const launches = positive('launches', values.launches ?? String(connections));
const timeoutSeconds = positive('timeout', values.timeout);
const seed = positive('seed', values.seed);

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const log = (line: string) => console.log(`[load] ${line}`);

/** One request of each kind per session kind, outside the measurement (builds the search index). */
async function warmUp(stack: LoadStack, sessions: readonly LoadSession[]): Promise<void> {
  const coded = sessions.find((s) => s.coded)!;
  const plain = sessions.find((s) => !s.coded) ?? coded;
  for (const endpoint of ENDPOINTS) {
    const session = endpoint === 'codes' || endpoint === 'suggest' ? coded : plain;
    for (const query of SEARCH_QUERIES.slice(0, endpoint === 'search' ? undefined : 1)) {
      const r = requestFor(endpoint, session, query);
      const res = await fetch(`${stack.serverUrl}${r.path}`, {
        method: r.method,
        headers: r.headers,
        ...(r.body === undefined ? {} : { body: r.body }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`warm-up ${endpoint} answered ${res.status}`);
    }
  }
}

/** The server's own count of its EHR calls by outcome, from /metrics (loopback may scrape). */
async function ehrCallOutcomes(stack: LoadStack): Promise<string> {
  const res = await fetch(`${stack.serverUrl}/metrics`).catch(() => undefined);
  if (!res?.ok) return 'n/a (no /metrics)';
  const counts: Record<string, number> = {};
  for (const m of (await res.text()).matchAll(/^ehr_request_duration_seconds_count\{([^}]*)\} (\d+)/gm)) {
    const outcome = /outcome="([^"]+)"/.exec(m[1]!)?.[1] ?? '?';
    counts[outcome] = (counts[outcome] ?? 0) + Number(m[2]);
  }
  return Object.keys(counts).length === 0 ? 'n/a (no ehr_request_duration_seconds)' : JSON.stringify(counts);
}

function report(result: LoadResult, stack: LoadStack, extra: Record<string, string>): void {
  // autocannon counts timeouts among the errors.
  const failed = result.errors + result.non2xx;
  console.log('');
  console.log(
    `requests            ${result.requests} in ${result.durationSeconds} s (${result.requestsPerSecond.toFixed(0)}/s)`,
  );
  console.log(
    `latency             p50 ${ms(result.latency.p50)}, p97.5 ${ms(result.latency.p97_5)}, p99 ${ms(result.latency.p99)}, max ${ms(result.latency.max)}`,
  );
  console.log(`errors              ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}`);
  console.log(`status codes        ${JSON.stringify(result.statusCodes)}`);
  for (const e of ENDPOINTS) {
    const r = result.byEndpoint[e];
    const bad = Object.keys(r.non2xx).length > 0 ? `, non-2xx ${JSON.stringify(r.non2xx)}` : '';
    console.log(
      `  ${e.padEnd(18)}${String(r.requests).padStart(8)}  p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${bad}`,
    );
  }
  console.log(
    `server log          ${stack.log.lines} lines, ${stack.log.errors} errors, ${stack.log.warnings} warnings, ${stack.log.serverErrors} 5xx`,
  );
  for (const [problem, count] of Object.entries(stack.log.problems)) console.log(`  ${count} × ${problem}`);
  for (const [k, v] of Object.entries(extra)) console.log(`${k.padEnd(20)}${v}`);
  console.log(
    failed === 0 ? '\nOK: every request answered 2xx' : `\nFAILED: ${failed} requests did not answer 2xx`,
  );
}

// The callback answers with the plugin's page: build it first, as `npm run bench` does.
execFileSync('npx', ['vite', 'build', '--config', 'plugin/vite.config.ts', '--logLevel', 'error'], {
  stdio: 'inherit',
});

const started = new Date();
const loads: number[][] = [loadavg()];
const stack = await startLoadStack({
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  // The server's CPU profile, written into this directory when it exits.
  ...(values['cpu-prof'] ? { serverNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] } : {}),
});
let exitCode = 1;
try {
  log(`server ${stack.serverUrl} (pid ${stack.serverPid}, ${stack.database}), EHR ${stack.sandboxUrl}`);
  const before = Date.now();
  const sessions = await openSessions({ serverUrl: stack.serverUrl, sandboxUrl: stack.sandboxUrl, launches });
  log(
    `${sessions.length} launches in ${((Date.now() - before) / 1000).toFixed(1)} s; ${sessions.filter((s) => s.coded).length} on coded encounters`,
  );
  await warmUp(stack, sessions);
  const idleRss = rssOf(stack.serverPid) ?? Number.NaN;
  log(`warmed up; server RSS ${mb(idleRss)}; ${connections} users for ${durationSeconds} s`);

  const rss = sampleRss(stack.serverPid);
  const sandboxRss = sampleRss(stack.sandboxPid);
  const sandboxDelays: LoopDelay[] = [];
  const loadTimer = setInterval(() => {
    loads.push(loadavg());
    void stack.sandboxLoopDelay().then(
      (d) => sandboxDelays.push(d),
      () => undefined,
    );
  }, 10_000);
  await stack.sandboxLoopDelay(); // starts the sandbox's first window with the run
  const cpuBefore = [
    cpuSecondsOf(stack.serverPid),
    cpuSecondsOf(stack.sandboxPid),
    process.cpuUsage(),
  ] as const;
  const result = await runLoad({
    url: stack.serverUrl,
    connections,
    durationSeconds,
    timeoutSeconds,
    next: createMix(sessions, undefined, seed),
  });
  clearInterval(loadTimer);
  const cpu = (after: number | undefined, before: number | undefined) =>
    after === undefined || before === undefined ? 'n/a' : `${(after - before).toFixed(0)} s`;
  const driver = process.cpuUsage(cpuBefore[2]);
  loads.push(loadavg());
  const memory = rss.stop();
  const sandboxMemory = sandboxRss.stop();
  const meanLoad = loads.reduce((sum, l) => sum + l[0]!, 0) / loads.length;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${mb(totalmem())}, Node ${process.versions.node}`;
  const worst = (delays: readonly LoopDelay[]) =>
    delays.length === 0
      ? 'n/a'
      : `p99 ${ms(Math.max(...delays.map((d) => d.p99Ms)))}, max ${ms(Math.max(...delays.map((d) => d.maxMs)))} (worst 10 s window)`;
  const extra = {
    'event-loop delay': `server ${worst(stack.log.loopDelay)}; sandbox EHR ${worst(sandboxDelays)}`,
    'EHR calls': await ehrCallOutcomes(stack),
    'non-2xx by 10 s': result.timeline.map((b) => b.non2xx).join(' '),
    'server RSS': `before ${mb(idleRss)}, median ${mb(memory.median)}, peak ${mb(memory.peak)}, end ${mb(memory.end)} (${memory.samples} samples)`,
    'sandbox EHR RSS': `peak ${mb(sandboxMemory.peak)}`,
    'CPU used': `server ${cpu(cpuSecondsOf(stack.serverPid), cpuBefore[0])}, sandbox EHR ${cpu(cpuSecondsOf(stack.sandboxPid), cpuBefore[1])}, load generator ${((driver.user + driver.system) / 1e6).toFixed(0)} s, in ${result.durationSeconds.toFixed(0)} s`,
    'load average': `mean ${meanLoad.toFixed(1)} (1-min, sampled every 10 s), start ${loads[0]![0]!.toFixed(1)}`,
    machine,
    database: stack.database,
    sessions: `${sessions.length} launches`,
  };
  report(result, stack, extra);
  if (values.json) {
    const out = {
      started: started.toISOString(),
      connections,
      durationSeconds,
      result,
      memory,
      sandboxMemory,
      meanLoad,
      machine,
      database: stack.database,
      serverLog: stack.log,
    };
    writeFileSync(values.json, `${JSON.stringify(out, null, 2)}\n`);
  }
  exitCode = result.errors + result.non2xx === 0 ? 0 : 1;
} catch (err) {
  for (const line of stack.log.recentErrors) console.error(`[server] ${line}`);
  throw err;
} finally {
  await stack.close();
}
process.exit(exitCode);
