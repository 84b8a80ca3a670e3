import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config/config.ts';
import { withDevSecrets } from './dev-secrets.ts';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-dev-secrets-'));
  file = join(dir, '.data', 'dev-secrets.json');
});
afterEach(() => rm(dir, { recursive: true }));

describe('withDevSecrets', () => {
  it('generates the secrets once, privately, and reuses them; the server accepts them', async () => {
    const [first, concurrent] = await Promise.all([
      withDevSecrets({ PORT: '0' }, { file }),
      withDevSecrets({}, { file }),
    ]);
    expect(first.PORT).toBe('0');
    expect(concurrent.TOKEN_ENCRYPTION_KEY).toBe(first.TOKEN_ENCRYPTION_KEY);
    expect(concurrent.CLIENT_JWKS).toBe(first.CLIENT_JWKS);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, '.data'))).toEqual(['dev-secrets.json']);

    const later = await withDevSecrets({}, { file });
    expect(later.TOKEN_ENCRYPTION_KEY).toBe(first.TOKEN_ENCRYPTION_KEY);
    const config = loadConfig({ ...later, PGLITE_DATA_DIR: 'memory' });
    expect(config.tokenEncryptionKey).toHaveLength(32);
  });

  it('leaves secrets the environment gives (directly or as _FILE) alone, and touches no file then', async () => {
    const env = { TOKEN_ENCRYPTION_KEY: 'from-env', CLIENT_JWKS_FILE: '/run/secrets/jwks' };
    expect(await withDevSecrets(env, { file })).toBe(env);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });

    const partial = await withDevSecrets({ TOKEN_ENCRYPTION_KEY: 'from-env' }, { file });
    expect(partial.TOKEN_ENCRYPTION_KEY).toBe('from-env');
    expect(JSON.parse(partial.CLIENT_JWKS ?? '')).toHaveProperty('keys');
  });

  it('refuses a damaged file with what to do, rather than replacing it', async () => {
    await withDevSecrets({}, { file });
    await writeFile(file, '{"TOKEN_ENCRYPTION_KEY": 1');
    await expect(withDevSecrets({}, { file })).rejects.toThrow(/is damaged\. Delete it to generate new/);
  });
});
