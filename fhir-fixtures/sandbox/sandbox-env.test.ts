import { describe, expect, it } from 'vitest';
import { sandboxOptionsFromEnv } from './sandbox-env.ts';

describe('sandboxOptionsFromEnv', () => {
  it('defaults to a generic, fast EHR on port 8090', () => {
    expect(sandboxOptionsFromEnv({})).toEqual({
      port: 8090,
      vendor: 'generic',
      scopeSyntax: 'v2',
      faults: { latencyMs: 0 },
      accessTokenLifetimeSeconds: 3600,
      maxPageSize: 1000,
    });
  });

  it('reads an Oracle-like profile with latency and short tokens', () => {
    const options = sandboxOptionsFromEnv({
      SANDBOX_VENDOR: 'oracle-health',
      SANDBOX_LATENCY_MS: '50',
      SANDBOX_TOKEN_LIFETIME_SECONDS: '570',
      SANDBOX_MAX_PAGE_SIZE: '10',
    });
    expect(options).toMatchObject({
      vendor: 'oracle-health',
      faults: { latencyMs: 50 },
      accessTokenLifetimeSeconds: 570,
      maxPageSize: 10,
    });
  });

  it('reads a v1-only scope syntax (an Epic release before Nov 2024)', () => {
    const options = sandboxOptionsFromEnv({ SANDBOX_VENDOR: 'epic', SANDBOX_SCOPE_SYNTAX: 'v1' });
    expect(options).toMatchObject({ vendor: 'epic', scopeSyntax: 'v1' });
  });

  it.each(['v3', 'V1', '1'])('refuses SANDBOX_SCOPE_SYNTAX=%s', (value) => {
    expect(() => sandboxOptionsFromEnv({ SANDBOX_SCOPE_SYNTAX: value })).toThrow(/SANDBOX_SCOPE_SYNTAX/);
  });

  it.each(['0', '2.5', 'ten', '10001'])('refuses SANDBOX_MAX_PAGE_SIZE=%s', (value) => {
    expect(() => sandboxOptionsFromEnv({ SANDBOX_MAX_PAGE_SIZE: value })).toThrow(/SANDBOX_MAX_PAGE_SIZE/);
  });

  it('reports every bad setting together', () => {
    expect(() => sandboxOptionsFromEnv({ SANDBOX_VENDOR: 'meditech', SANDBOX_LATENCY_MS: '-1' })).toThrow(
      /SANDBOX_VENDOR.*SANDBOX_LATENCY_MS|SANDBOX_LATENCY_MS.*SANDBOX_VENDOR/,
    );
  });
});
