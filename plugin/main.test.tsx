// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from './test-support/fake-fetch.ts';
import { sampleContext, sampleSession } from './test-support/sample-chart.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('main', () => {
  it('boots from the server-inserted element: token in memory only, element gone, address rewritten', async () => {
    window.history.replaceState(null, '', '/callback?code=c&state=s');
    document.head.insertAdjacentHTML(
      'beforeend',
      '<script id="rp-boot" type="application/json">{"launchId":"L-42","sessionToken":"tok-secret"}</script>',
    );
    document.body.innerHTML = '<div id="app"></div>';
    const server = fakeFetch((what) => ({ body: what === 'session' ? sampleSession() : sampleContext() }));
    vi.stubGlobal('fetch', server.fetch);
    const setItem = vi.spyOn(Storage.prototype, 'setItem');

    await import('./main.tsx');

    expect(document.getElementById('rp-boot')).toBeNull();
    expect(window.location.pathname + window.location.search).toBe('/app/?launch=L-42');
    await vi.waitFor(() => expect(document.querySelector('[data-testid="patient-banner"]')).not.toBeNull());
    expect(server.headers.every((h) => h.get('Authorization') === 'Bearer tok-secret')).toBe(true);
    expect(server.calls).toContain('/api/launches/L-42/context');
    expect(setItem).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).not.toContain('tok-secret');
    expect(window.location.href).not.toContain('tok-secret');
  });
});
