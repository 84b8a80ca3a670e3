/**
 * The load benchmark's machinery, run small enough for CI (the real run is `npm run bench:load`,
 * five minutes): the stack in its own processes, real launches, drafted and coded encounters,
 * a few seconds of simulated users on every endpoint of the mix, all answered 2xx, and the
 * server's memory read from outside its process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMix, ENDPOINTS } from './load-mix.ts';
import { openSessions, type LoadSession } from './load-sessions.ts';
import { startLoadStack, type LoadStack } from './load-stack.ts';
import { rssOf } from './process-stats.ts';
import { runLoad } from './run-load.ts';

let stack: LoadStack;
let sessions: LoadSession[];

beforeAll(async () => {
  stack = await startLoadStack(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {});
  sessions = await openSessions({ serverUrl: stack.serverUrl, sandboxUrl: stack.sandboxUrl, launches: 6 });
}, 180_000);
afterAll(() => stack?.close(), 60_000);

describe('the load benchmark, small', () => {
  it('opens a session per launch, on coded and uncoded encounters', () => {
    expect(sessions).toHaveLength(6);
    expect(new Set(sessions.map((s) => s.launchId)).size).toBe(6);
    expect(sessions.some((s) => s.coded)).toBe(true);
    expect(sessions.some((s) => !s.coded)).toBe(true);
    expect(stack.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite (memory)');
  });

  it('runs simulated users against every endpoint, every request answered 2xx', async () => {
    const result = await runLoad({
      url: stack.serverUrl,
      connections: 4,
      durationSeconds: 3,
      timeoutSeconds: 30,
      next: createMix(sessions),
    });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(0);
    const counted = ENDPOINTS.reduce((sum, e) => sum + result.byEndpoint[e].requests, 0);
    expect(counted).toBe(result.requests);
    for (const e of ENDPOINTS.filter((x) => result.byEndpoint[x].requests > 0)) {
      expect(result.byEndpoint[e].p99, e).toBeGreaterThanOrEqual(result.byEndpoint[e].p50);
    }
    expect(stack.log.serverErrors).toBe(0);
    expect(stack.log.lines).toBeGreaterThan(result.requests);
  }, 60_000);

  it('reads the server process memory from outside it', () => {
    expect(stack.serverPid).not.toBe(process.pid);
    expect(rssOf(stack.serverPid)).toBeGreaterThan(10 * 1_048_576);
  });
});
