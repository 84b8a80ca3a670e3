import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, backupFormatOf, listBackups, pruneBackups } from './backup-files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-backups-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('backup file names', () => {
  it('are timestamped in UTC and sort in time order', () => {
    const at = new Date('2026-11-25T03:38:46.789Z');
    expect(backupFileName('postgres', at)).toBe('revenuepilot-20261125T033846Z.dump');
    expect(backupFileName('pglite', at)).toBe('revenuepilot-20261125T033846Z.pglite.tar.gz');
    const names = ['2026-12-01T00:00:00Z', '2026-01-31T23:59:59Z', '2026-11-25T03:38:46Z'].map((t) =>
      backupFileName('postgres', new Date(t)),
    );
    expect([...names].sort()).toEqual([names[1], names[2], names[0]]);
  });

  it('tell our backups from anything else', () => {
    expect(backupFormatOf('revenuepilot-20261125T033846Z.dump')).toBe('postgres');
    expect(backupFormatOf('revenuepilot-20261125T033846Z.pglite.tar.gz')).toBe('pglite');
    expect(backupFormatOf('revenuepilot-20261125T033846Z.dump.partial')).toBeUndefined();
    expect(backupFormatOf('other-20261125T033846Z.dump')).toBeUndefined();
    expect(backupFormatOf('revenuepilot-latest.dump')).toBeUndefined();
  });
});

describe('pruneBackups', () => {
  it('keeps the newest of ours and never touches other files', async () => {
    const ours = [1, 2, 3, 4, 5].map((d) =>
      backupFileName(d % 2 ? 'postgres' : 'pglite', new Date(Date.UTC(2026, 0, d))),
    );
    const others = ['notes.txt', 'revenuepilot-20260101T000000Z.dump.partial', 'manual-copy.dump'];
    for (const name of [...ours, ...others]) await writeFile(join(dir, name), 'x');

    const deleted = await pruneBackups(dir, 2);
    expect(deleted.map((p) => p.slice(dir.length + 1))).toEqual(ours.slice(0, 3));
    expect((await readdir(dir)).sort()).toEqual([...ours.slice(3), ...others].sort());
    expect(await listBackups(dir)).toEqual(ours.slice(3));
    expect(await pruneBackups(dir, 2)).toEqual([]);
  });

  it('treats a missing directory as holding no backups', async () => {
    expect(await listBackups(join(dir, 'nowhere'))).toEqual([]);
  });
});
