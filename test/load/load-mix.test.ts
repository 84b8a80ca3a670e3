import { describe, expect, it } from 'vitest';
import { createMix, DEFAULT_MIX, ENDPOINTS, seededRandom, type Endpoint } from './load-mix.ts';
import type { LoadSession } from './load-sessions.ts';

const session = (n: number, coded: boolean): LoadSession => ({
  launchId: `launch-${n}`,
  sessionToken: `token-${n}-${'x'.repeat(24)}`,
  patientKey: coded ? 'coded' : 'plain',
  coded,
});
const sessions = [session(1, true), session(2, true), session(3, false), session(4, false)];

function draw(n: number, next: ReturnType<typeof createMix>) {
  return Array.from({ length: n }, () => next());
}

describe('the load mix', () => {
  it('sends each endpoint its share of the requests', () => {
    const requests = draw(20_000, createMix(sessions));
    const total = ENDPOINTS.reduce((sum, e) => sum + DEFAULT_MIX[e], 0);
    for (const endpoint of ENDPOINTS) {
      const share = requests.filter((r) => r.endpoint === endpoint).length / requests.length;
      expect(share, endpoint).toBeCloseTo(DEFAULT_MIX[endpoint] / total, 1);
    }
  });

  it('asks for codes only on coded encounters, and spreads the rest over every session', () => {
    const requests = draw(5_000, createMix(sessions));
    const codes = requests.filter((r) => r.endpoint === 'codes' || r.endpoint === 'suggest');
    expect(codes.length).toBeGreaterThan(0);
    for (const r of codes) expect(r.path).toMatch(/^\/api\/launches\/launch-[12]\//);
    const contextLaunches = new Set(
      requests.filter((r) => r.endpoint === 'context').map((r) => r.path.split('/')[3]),
    );
    expect(contextLaunches).toEqual(new Set(['launch-1', 'launch-2', 'launch-3', 'launch-4']));
  });

  it('names the launch in the path and proves it with that launch token', () => {
    for (const r of draw(500, createMix(sessions))) {
      const launchId = r.path.split('/')[3]!;
      const owner = sessions.find((s) => s.launchId === launchId)!;
      expect(r.headers.authorization).toBe(`Bearer ${owner.sessionToken}`);
      const expected: Record<Endpoint, RegExp> = {
        context: /\/context$/,
        search: /\/codes\/search\?q=[^&]+$/,
        codes: /\/codes$/,
        suggest: /\/codes\/suggest$/,
      };
      expect(r.path).toMatch(expected[r.endpoint]);
      expect(r.method).toBe(r.endpoint === 'suggest' ? 'POST' : 'GET');
      if (r.method === 'POST') expect(r.headers['content-type']).toBe('application/json');
    }
  });

  it('leaves the codes endpoints out when no encounter is coded', () => {
    const requests = draw(2_000, createMix(sessions.filter((s) => !s.coded)));
    expect(new Set(requests.map((r) => r.endpoint))).toEqual(new Set(['context', 'search']));
  });

  it('sends the same sequence for the same seed, another for another', () => {
    const paths = (seed: number) => draw(200, createMix(sessions, DEFAULT_MIX, seed)).map((r) => r.path);
    expect(paths(7)).toEqual(paths(7));
    expect(paths(7)).not.toEqual(paths(8));
    const random = seededRandom(3);
    const values = Array.from({ length: 1_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it('refuses to run without sessions', () => {
    expect(() => createMix([])).toThrow(/no sessions/);
  });
});
