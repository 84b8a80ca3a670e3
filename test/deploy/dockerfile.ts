/**
 * Reads a Dockerfile into stages and instructions, as far as the deployment checks need: comment
 * and continuation lines as Docker treats them, exec-form (JSON) arguments, `FROM … AS name`,
 * global `ARG` defaults substituted into `FROM`, `ENV` pairs, `COPY` flags and sources, and the
 * command of a `HEALTHCHECK`. Not a full implementation of the format (no heredocs, no escapes
 * other than `\` at a line's end).
 *
 * @module
 */

export interface Instruction {
  /** Upper case: `FROM`, `RUN`, `COPY`, … */
  readonly keyword: string;
  /** Everything after the keyword, continuation lines joined by a space. */
  readonly args: string;
  /** The arguments of the exec form (`["node", "x.js"]`), when they are one. */
  readonly exec?: readonly string[];
  /** 1-based line where the instruction starts. */
  readonly line: number;
}

export interface Stage {
  readonly name: string | undefined;
  /** The base image, with global `ARG` defaults substituted. */
  readonly image: string;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  /** `ARG`s before the first `FROM`, with their defaults. */
  readonly globalArgs: Readonly<Record<string, string>>;
  readonly stages: readonly Stage[];
}

function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Joins continuation lines and drops comments (also those inside a continued instruction). */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let current: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && current === undefined)) return;
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1).trim() : trimmed;
    current = current
      ? { ...current, text: `${current.text} ${part}`.trim() }
      : { text: part, line: index + 1 };
    if (!continued) {
      out.push(current);
      current = undefined;
    }
  });
  if (current) out.push(current);
  return out;
}

const substitute = (value: string, vars: Readonly<Record<string, string>>): string =>
  value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => {
    const name = braced ?? bare ?? '';
    return vars[name] ?? whole;
  });

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: { name: string | undefined; image: string; instructions: Instruction[] }[] = [];
  for (const { text: line, line: number } of logicalLines(text)) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const args = match[2]!.trim();
    const exec = execForm(args);
    const instruction: Instruction = { keyword, args, line: number, ...(exec ? { exec } : {}) };
    if (keyword === 'FROM') {
      const [image = '', as, name] = args.split(/\s+/).filter((w) => !w.startsWith('--'));
      stages.push({
        name: as?.toUpperCase() === 'AS' ? name : undefined,
        image: substitute(image, globalArgs),
        instructions: [instruction],
      });
    } else if (stages.length === 0) {
      if (keyword === 'ARG') {
        const [name = '', value = ''] = args.split('=', 2);
        globalArgs[name.trim()] = value.trim();
      }
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

/** Splits on spaces outside double quotes, dropping the quotes. */
function words(args: string): string[] {
  return [...args.matchAll(/(?:[^\s"]+|"[^"]*")+/g)].map((m) => m[0].replace(/"/g, ''));
}

/** A stage's `ENV` values, in order (later ones win); both `ENV a=b c=d` and `ENV a b`. */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.filter((x) => x.keyword === 'ENV')) {
    const parts = words(i.args);
    if (parts.length > 0 && !parts[0]!.includes('=')) {
      env[parts[0]!] = parts.slice(1).join(' ');
      continue;
    }
    for (const part of parts) {
      const eq = part.indexOf('=');
      env[part.slice(0, eq)] = part.slice(eq + 1);
    }
  }
  return env;
}

export interface Copy {
  readonly from: string | undefined;
  readonly sources: readonly string[];
  readonly dest: string;
}

export function copiesOf(stage: Stage): Copy[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .map((i) => {
      const all = i.exec ?? words(i.args);
      const flags = all.filter((w) => w.startsWith('--'));
      const paths = all.filter((w) => !w.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
    });
}

/** The stage's last `WORKDIR` (absolute), `/` when none. */
export function workdirOf(stage: Stage): string {
  return stage.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args ?? '/';
}

export function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1);
}

export interface Healthcheck {
  readonly options: Readonly<Record<string, string>>;
  /** The command, exec form; a shell-form command becomes `['/bin/sh', '-c', …]`. */
  readonly command: readonly string[];
}

export function healthcheckOf(stage: Stage): Healthcheck | undefined {
  const instruction = lastOf(stage, 'HEALTHCHECK');
  if (!instruction) return undefined;
  const match = /^((?:--\S+\s+)*)CMD\s+(.*)$/s.exec(instruction.args);
  if (!match) return undefined;
  const options = Object.fromEntries(
    words(match[1] ?? '').map((flag) => {
      const [name = '', value = ''] = flag.replace(/^--/, '').split('=', 2);
      return [name, value];
    }),
  );
  const command = execForm(match[2]!.trim()) ?? ['/bin/sh', '-c', match[2]!.trim()];
  return { options, command };
}
