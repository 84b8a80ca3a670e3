/**
 * Which paths a `.dockerignore` keeps out of the build context, as Docker decides it: patterns
 * relative to the context root, `*` and `?` within one path segment, `**` across segments, a
 * pattern that matches a directory excludes everything under it, `!` re-includes, the last
 * matching line wins.
 *
 * @module
 */

interface Rule {
  readonly exclude: boolean;
  readonly regex: RegExp;
}

function patternRegex(pattern: string): RegExp {
  let source = '';
  const p = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      // `**/` matches zero or more whole segments; a trailing `**` anything below.
      source += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // The pattern names the path itself or one of its parent directories.
  return new RegExp(`^${source}(?:/.*)?$`);
}

export interface DockerIgnore {
  /** True when `path` (relative to the context root, `/`-separated) is left out of the context. */
  excludes(path: string): boolean;
  readonly patterns: readonly string[];
}

export function parseDockerIgnore(text: string): DockerIgnore {
  const patterns = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const rules: Rule[] = patterns.map((line) =>
    line.startsWith('!')
      ? { exclude: false, regex: patternRegex(line.slice(1)) }
      : { exclude: true, regex: patternRegex(line) },
  );
  return {
    patterns,
    excludes(path) {
      const clean = path.replace(/^\.\//, '').replace(/^\/+/, '');
      let excluded = false;
      for (const rule of rules) if (rule.regex.test(clean)) excluded = rule.exclude;
      return excluded;
    },
  };
}
