import { describe, expect, it } from 'vitest';
import { sandboxOptionsFromEnv } from './sandbox-env.ts';

describe('sandboxOptionsFromEnv', () => {
  it('defaults to a generic, fast EHR on port 8090', () => {
    expect(sandboxOptionsFromEnv({})).toEqual({
      port: 8090,
      vendor: 'generic',
      faults: { latencyMs: 0 },
      accessTokenLifetimeSeconds: 3600,
    });
  });

  it('reads an Oracle-like profile with latency and short tokens', () => {
    const options = sandboxOptionsFromEnv({
      SANDBOX_VENDOR: 'oracle-health',
      SANDBOX_LATENCY_MS: '50',
      SANDBOX_TOKEN_LIFETIME_SECONDS: '570',
    });
    expect(options).toMatchObject({
      vendor: 'oracle-health',
      faults: { latencyMs: 50 },
      accessTokenLifetimeSeconds: 570,
    });
  });

  it('reports every bad setting together', () => {
    expect(() => sandboxOptionsFromEnv({ SANDBOX_VENDOR: 'meditech', SANDBOX_LATENCY_MS: '-1' })).toThrow(
      /SANDBOX_VENDOR.*SANDBOX_LATENCY_MS|SANDBOX_LATENCY_MS.*SANDBOX_VENDOR/,
    );
  });
});
