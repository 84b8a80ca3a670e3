/**
 * Signing key rotation end to end: the sandbox EHR verifies our client assertions against our
 * JWKS URL over HTTP and caches it as Epic does (our max-age of an hour, an unknown kid refetched
 * only once its copy is 5 minutes old). `npm run keys:rotate` runs in process against the same
 * database. Time moves on the key store's clock and the EHR's JWKS cache clock together; nothing
 * sleeps. Launches work before, during and after a rotation; signing with a key before the EHR
 * has fetched it fails, which is what the grace period is for.
 */
import { decodeProtectedHeader } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runKeysRotateCli } from '../../server/cli/keys-rotate-cli.ts';
import { cipherForKeys } from '../../server/crypto/secret-cipher.ts';
import { loadClientKeys } from '../../server/keys/client-keys.ts';
import { startCompanionStack, type CompanionStack } from '../support/companion-stack.ts';
import { chartLaunchUrl, runLaunch } from '../support/launch-client.ts';
import { testSecretsEnv } from '../support/test-secrets.ts';

/** The test's own requests bypass the watch, so only the EHR's JWKS fetches are counted. */
const unwatchedFetch = globalThis.fetch;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const ALG = 'ES384';

interface Clock {
  offset: number;
}

interface Traffic {
  /** The kid of each client assertion sent to the EHR's token endpoint, with the EHR's answer. */
  readonly assertions: { kid: string; status: number; error: string | undefined }[];
  /** How many times the EHR fetched our JWKS. */
  jwksFetches: number;
}

async function startStack(clock: Clock): Promise<CompanionStack> {
  const shifted = () => Date.now() + clock.offset;
  return startCompanionStack({
    assertionAlg: ALG,
    // Whatever fetch the server calls the EHR with, it reaches the watched global one.
    fetch: (input, init) => globalThis.fetch(input, init),
    keysNow: () => new Date(shifted()),
    sandbox: { jwksCache: { now: shifted } },
  });
}

/** Watches the token requests our server sends and the JWKS fetches the EHR makes. */
function watch(traffic: Traffic): void {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/.well-known/jwks.json')) traffic.jwksFetches++;
    const res = await realFetch(input, init);
    if (url.endsWith('/auth/token') && init?.body) {
      const body = new URLSearchParams(init.body as string | URLSearchParams);
      const kid = decodeProtectedHeader(body.get('client_assertion')!).kid!;
      const answer = (await res.clone().json()) as { error?: string };
      traffic.assertions.push({ kid, status: res.status, error: answer.error });
    }
    return res;
  });
}

/** A launch from the chart to a working API call; the kid it signed with. */
async function launch(stack: CompanionStack, traffic: Traffic): Promise<string> {
  const sent = traffic.assertions.length;
  const session = await runLaunch(await chartLaunchUrl(stack.sandbox.url, 'rp-pt-quill'));
  const res = await fetch(`${stack.serverUrl}/api/launches/${session.launchId}/session`, {
    headers: { authorization: `Bearer ${session.sessionToken}` },
  });
  expect(res.status).toBe(200);
  const [assertion, ...more] = traffic.assertions.slice(sent);
  expect(more).toEqual([]);
  expect(assertion).toMatchObject({ status: 200 });
  return assertion!.kid;
}

async function publishedKids(stack: CompanionStack): Promise<string[]> {
  const jwks = (await (await unwatchedFetch(`${stack.serverUrl}/.well-known/jwks.json`)).json()) as {
    keys: { kid: string; alg: string }[];
  };
  return jwks.keys.filter((k) => k.alg === ALG).map((k) => k.kid);
}

async function keysRotate(stack: CompanionStack, argv: string[]): Promise<{ code: number; output: string }> {
  const secrets = await testSecretsEnv();
  const lines: string[] = [];
  const code = await runKeysRotateCli(argv, {
    keys: stack.keys,
    db: stack.db,
    cipher: cipherForKeys(Buffer.from(secrets.TOKEN_ENCRYPTION_KEY, 'base64')),
    previousKeyIds: [],
    graceHours: 48,
    out: (line) => lines.push(line),
  });
  return { code, output: lines.join('\n') };
}

const newKidIn = (output: string): string => new RegExp(`${ALG}  (\\S+)  signs from`).exec(output)![1]!;

let seededKid: string;
beforeAll(async () => {
  const seed = await loadClientKeys((await testSecretsEnv()).CLIENT_JWKS);
  seededKid = seed.keys.find((k) => k.alg === ALG)!.kid;
});
afterEach(() => vi.restoreAllMocks());

describe('a rotation with the default grace: launches keep working before, during and after', () => {
  const clock: Clock = { offset: 0 };
  const traffic: Traffic = { assertions: [], jwksFetches: 0 };
  let stack: CompanionStack;
  let newKid: string;
  beforeAll(async () => {
    stack = await startStack(clock);
  });
  afterAll(() => stack?.close());
  beforeEach(() => watch(traffic));

  it('before: signs with the key seeded from CLIENT_JWKS, which the EHR fetched', async () => {
    expect(await launch(stack, traffic)).toBe(seededKid);
    expect(await publishedKids(stack)).toEqual([seededKid]);
    expect(traffic.jwksFetches).toBe(1);
  });

  it('during the grace: the new key is published at once, the old one still signs', async () => {
    const rotated = await keysRotate(stack, []);
    expect(rotated.code).toBe(0);
    newKid = newKidIn(rotated.output);
    expect(newKid).not.toBe(seededKid);
    expect(await publishedKids(stack)).toEqual([seededKid, newKid]);
    expect(await launch(stack, traffic)).toBe(seededKid);
    expect(traffic.jwksFetches).toBe(1);

    // Hours later the EHR's copy has expired: it refetches and now holds the new key too.
    clock.offset = 2 * HOUR;
    expect(await launch(stack, traffic)).toBe(seededKid);
    expect(traffic.jwksFetches).toBe(2);
    clock.offset = 48 * HOUR - MINUTE;
    expect(await launch(stack, traffic)).toBe(seededKid);
  });

  it('after the grace: every launch signs with the new key, the old one still published', async () => {
    clock.offset = 48 * HOUR + MINUTE;
    expect(await launch(stack, traffic)).toBe(newKid);
    expect(await launch(stack, traffic)).toBe(newKid);
    expect(await publishedKids(stack)).toEqual([newKid, seededKid]);
    expect(traffic.assertions.every((a) => a.status === 200)).toBe(true);
  });

  it('after retirement: the old key is gone from our JWKS and launches still work', async () => {
    clock.offset = 96 * HOUR + MINUTE;
    expect(await launch(stack, traffic)).toBe(newKid);
    expect(await publishedKids(stack)).toEqual([newKid]);
    const status = await keysRotate(stack, ['--status']);
    expect(status.output).toMatch(new RegExp(`current\\s+${ALG}\\s+${newKid}`));
    expect(status.output).toMatch(new RegExp(`retired\\s+${ALG}\\s+${seededKid}`));
    expect(status.output).not.toMatch(/"d"|privateKey/);
  });
});

describe('negative control: a new key that signs before the EHR has fetched it', () => {
  const clock: Clock = { offset: 0 };
  const traffic: Traffic = { assertions: [], jwksFetches: 0 };
  let stack: CompanionStack;
  beforeAll(async () => {
    stack = await startStack(clock);
  });
  afterAll(() => stack?.close());
  beforeEach(() => watch(traffic));

  it('is refused by the EHR holding a fresh copy of our JWKS, until it refetches', async () => {
    expect(await launch(stack, traffic)).toBe(seededKid);
    // No grace: the new key signs at once, although it was published only now.
    const rotated = await keysRotate(stack, ['--grace-hours', '0']);
    expect(rotated.code).toBe(0);
    const newKid = newKidIn(rotated.output);
    expect(await publishedKids(stack)).toEqual([newKid]);

    clock.offset = 4 * MINUTE;
    const failed = await runLaunch(await chartLaunchUrl(stack.sandbox.url, 'rp-pt-quill')).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(String(failed)).toMatch(/callback answered 403:.*data-error="authorization_denied"/s);
    expect(traffic.assertions.at(-1)).toEqual({ kid: newKid, status: 401, error: 'invalid_client' });
    expect(traffic.jwksFetches).toBe(1);

    // Once its copy is old enough, the EHR refetches on the unknown kid and the launch works.
    clock.offset = 5 * MINUTE;
    expect(await launch(stack, traffic)).toBe(newKid);
    expect(traffic.jwksFetches).toBe(2);
  });
});
