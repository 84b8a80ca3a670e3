/**
 * What the simulated users ask for, and how often: the patient context, ICD-10-CM search, the
 * stored code suggestions, and (rarely) a fresh suggestion run, each with its own launch's session
 * token. Codes requests go only to sessions whose encounter has been drafted and coded; the others
 * would rightly answer 404. Seeded, so two runs send the same sequence.
 *
 * @module
 */
import type { LoadSession } from './load-sessions.ts';

export const ENDPOINTS = ['context', 'search', 'codes', 'suggest'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** Shares of all requests; they need not add up to 1. */
export type Mix = Readonly<Record<Endpoint, number>>;

export const DEFAULT_MIX: Mix = { context: 0.3, search: 0.45, codes: 0.2, suggest: 0.05 };

/** Typeahead as a coder types it: code prefixes, words, phrases, abbreviations. */
export const SEARCH_QUERIES = [
  'E11',
  'E11.65',
  'I10',
  'HTN',
  'I50',
  'heart failure',
  'diabetes with',
  'hyperlip',
  'asthma',
  'J45',
  'copd',
  'knee pain right',
  'M17',
  'low back',
  'depress',
  'F32',
  'anxiety',
  'otitis media',
  'Z00.1',
  'well child',
  'sprain ankle',
  'CKD',
  'N18',
  'obesity',
];

export interface LoadRequest {
  readonly endpoint: Endpoint;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** mulberry32: a small, fast, seeded generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function requestFor(endpoint: Endpoint, session: LoadSession, query: string): LoadRequest {
  const base = `/api/launches/${session.launchId}`;
  const auth = { authorization: `Bearer ${session.sessionToken}` };
  switch (endpoint) {
    case 'context':
      return { endpoint, method: 'GET', path: `${base}/context`, headers: auth };
    case 'search':
      return {
        endpoint,
        method: 'GET',
        path: `${base}/codes/search?q=${encodeURIComponent(query)}`,
        headers: auth,
      };
    case 'codes':
      return { endpoint, method: 'GET', path: `${base}/codes`, headers: auth };
    case 'suggest':
      return {
        endpoint,
        method: 'POST',
        path: `${base}/codes/suggest`,
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{}',
      };
  }
}

/** A source of requests in the given proportions, over the given sessions. */
export function createMix(
  sessions: readonly LoadSession[],
  mix: Mix = DEFAULT_MIX,
  seed = 1,
): () => LoadRequest {
  const coded = sessions.filter((s) => s.coded);
  if (sessions.length === 0) throw new Error('no sessions to send requests with');
  const active = ENDPOINTS.filter(
    (e) => mix[e] > 0 && (coded.length > 0 || (e !== 'codes' && e !== 'suggest')),
  );
  const total = active.reduce((sum, e) => sum + mix[e], 0);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return () => {
    let roll = random() * total;
    const endpoint = active.find((e) => (roll -= mix[e]) < 0) ?? active.at(-1)!;
    const pool = endpoint === 'codes' || endpoint === 'suggest' ? coded : sessions;
    return requestFor(endpoint, pick(pool), pick(SEARCH_QUERIES));
  };
}
