// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { launchUrl, readBoot } from './boot.ts';

function addBoot(text: string) {
  const script = document.createElement('script');
  script.id = 'rp-boot';
  script.type = 'application/json';
  script.textContent = text;
  document.head.appendChild(script);
}

describe('readBoot', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/callback?code=secret-code&state=s1');
  });
  afterEach(() => {
    document.getElementById('rp-boot')?.remove();
    vi.restoreAllMocks();
  });

  it('reads the launch id and token, removes the element and rewrites the address', () => {
    addBoot('{"launchId":"L-123_abc","sessionToken":"tok-secret"}');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    expect(readBoot(document, window.history)).toEqual({ launchId: 'L-123_abc', sessionToken: 'tok-secret' });
    expect(document.getElementById('rp-boot')).toBeNull();
    expect(document.documentElement.outerHTML).not.toContain('tok-secret');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/app/?launch=L-123_abc');
    expect(window.location.pathname + window.location.search).toBe('/app/?launch=L-123_abc');
  });

  it('keeps no token that is empty or not a string', () => {
    addBoot('{"launchId":"L1","sessionToken":42}');
    expect(readBoot(document, window.history)).toEqual({ launchId: 'L1' });
  });

  it('removes a malformed boot element and falls back to the address', () => {
    addBoot('{not json');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    expect(readBoot(document, window.history)).toBeNull();
    expect(document.getElementById('rp-boot')).toBeNull();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('rejects a launch id that is not URL-safe', () => {
    addBoot('{"launchId":"../../admin?x=1","sessionToken":"t"}');
    expect(readBoot(document, window.history)).toBeNull();
  });

  it('on a reload of /app/?launch=<id> takes the id from the address, with no token', () => {
    window.history.replaceState(null, '', '/app/?launch=L-777');
    expect(readBoot(document, window.history)).toEqual({ launchId: 'L-777' });
  });

  it("never mistakes the EHR's launch parameter on /launch for a launch id", () => {
    window.history.replaceState(null, '', '/launch?iss=https%3A%2F%2Fehr.example&launch=ehr-launch-token');
    expect(readBoot(document, window.history)).toBeNull();
  });

  it('returns null when opened with no launch at all', () => {
    window.history.replaceState(null, '', '/app/');
    expect(readBoot(document, window.history)).toBeNull();
  });

  it('launchUrl encodes the id', () => {
    expect(launchUrl('a b')).toBe('/app/?launch=a%20b');
  });
});
