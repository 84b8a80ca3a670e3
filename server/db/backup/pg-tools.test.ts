import { describe, expect, it } from 'vitest';
import { describeToolFailure, libpqTarget, parseToolMajor, toolMajorVersion } from './pg-tools.ts';

describe('libpqTarget', () => {
  it('keeps the password off the command line', () => {
    const target = libpqTarget('postgres://rp:p%40ss%2Fword@db.internal:5433/rp?sslmode=require');
    expect(target.args).toEqual(['--dbname', 'postgres://rp@db.internal:5433/rp?sslmode=require']);
    expect(target.env).toEqual({ PGPASSWORD: 'p@ss/word', PGAPPNAME: 'revenuepilot-backup' });
    expect(target.args.join(' ')).not.toContain('word');
  });

  it("turns node-postgres's ssl=true into libpq's sslmode", () => {
    expect(libpqTarget('postgresql://rp@db/rp?ssl=true').args[1]).toBe(
      'postgresql://rp@db/rp?sslmode=require',
    );
    expect(libpqTarget('postgresql://rp@db/rp?ssl=true&sslmode=verify-full').args[1]).toBe(
      'postgresql://rp@db/rp?sslmode=verify-full',
    );
    expect(libpqTarget('postgresql://rp@db/rp').env).not.toHaveProperty('PGPASSWORD');
  });
});

describe('versions', () => {
  it("reads the major version of Debian's and upstream's builds", async () => {
    expect(parseToolMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toBe(15);
    expect(parseToolMajor('pg_restore (PostgreSQL) 17.2\n')).toBe(17);
    expect(parseToolMajor('something else')).toBeUndefined();
    const run = () => Promise.resolve({ code: 0, stdout: 'pg_dump (PostgreSQL) 16.4\n', stderr: '' });
    await expect(toolMajorVersion('pg_dump', run)).resolves.toBe(16);
    const broken = () => Promise.resolve({ code: 127, stdout: '', stderr: 'nope' });
    await expect(toolMajorVersion('pg_dump', broken)).rejects.toThrow(
      'could not tell which version pg_dump is',
    );
  });
});

describe('describeToolFailure', () => {
  it('keeps the error lines and masks what they quote, which can be row contents', () => {
    const stderr = [
      'pg_restore: while PROCESSING TOC:',
      'pg_restore: from TOC entry 3380; 0 16390 TABLE DATA note_draft postgres',
      'pg_restore: error: COPY failed for table "note_draft": ERROR:  invalid input syntax for type json',
      'DETAIL:  Token "Gloria" is invalid.',
      'CONTEXT:  COPY note_draft, line 1, column input: "Patient Gloria Testperson reports chest pain"',
    ].join('\n');
    const text = describeToolFailure('pg_restore', { code: 1, stdout: '', stderr });
    expect(text).toBe(
      'pg_restore failed (exit code 1): pg_restore: error: COPY failed for table "…": ERROR:  invalid input syntax for type json',
    );
    expect(text).not.toContain('Gloria');
    expect(describeToolFailure('pg_dump', { code: 2, stdout: '', stderr: '' })).toBe(
      'pg_dump failed (exit code 2)',
    );
  });
});
