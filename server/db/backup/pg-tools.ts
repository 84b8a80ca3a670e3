/**
 * Runs PostgreSQL's own client programs (pg_dump, pg_restore) from PATH, Debian's
 * postgresql-client. The password travels in PGPASSWORD, never on the command line where `ps`
 * shows it; the URL's other parts become `--dbname`. Their error output is reduced to the error
 * lines with quoted values masked, because a failing COPY can quote row contents.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { AppError } from '../../errors/app-error.ts';

export type PgTool = 'pg_dump' | 'pg_restore';

export interface ToolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to completion; `signal` kills it. Injectable for tests. */
export type RunTool = (
  tool: PgTool,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  signal?: AbortSignal,
) => Promise<ToolResult>;

export const runTool: RunTool = (tool, args, env, signal) =>
  new Promise((resolve, reject) => {
    const child = spawn(tool, [...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        reject(
          new AppError(
            'backup_failed',
            `${tool} was not found on PATH: install PostgreSQL's client programs ` +
              '(Debian: apt-get install postgresql-client) of the same major version as the server',
          ),
        );
      } else reject(err);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });

/** `pg_dump (PostgreSQL) 15.20 (Debian …)` → 15. */
export function parseToolMajor(versionOutput: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionOutput);
  return match ? Number(match[1]) : undefined;
}

export async function toolMajorVersion(tool: PgTool, run: RunTool = runTool): Promise<number> {
  const result = await run(tool, ['--version'], {});
  const major = parseToolMajor(result.stdout);
  if (result.code !== 0 || major === undefined) {
    throw new AppError('backup_failed', `could not tell which version ${tool} is`);
  }
  return major;
}

/** The URL as libpq arguments: `--dbname` without the password, which goes in PGPASSWORD. */
export function libpqTarget(url: string): { readonly args: string[]; readonly env: Record<string, string> } {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = '';
  // node-postgres's `ssl=true` is not a libpq parameter; libpq spells it sslmode.
  const ssl = parsed.searchParams.get('ssl');
  parsed.searchParams.delete('ssl');
  parsed.searchParams.delete('uselibpqcompat');
  if (ssl !== null && ssl !== 'false' && !parsed.searchParams.has('sslmode')) {
    parsed.searchParams.set('sslmode', 'require');
  }
  env.PGAPPNAME = 'revenuepilot-backup';
  return { args: ['--dbname', parsed.href], env };
}

/**
 * The tool's error lines, with anything quoted masked: connection and DDL errors stay readable
 * ("connection refused", "permission denied for table"), values quoted from rows do not show.
 */
export function describeToolFailure(tool: PgTool, result: ToolResult): string {
  const lines = result.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\berror:|^FATAL:|^ERROR:/.test(line))
    .map((line) => line.replace(/"[^"]*"/g, '"…"').replace(/'[^']*'/g, "'…'"))
    .slice(0, 3);
  return `${tool} failed (exit code ${result.code})${lines.length > 0 ? `: ${lines.join(' / ')}` : ''}`;
}
