/**
 * The shipped alerting rules (docs/ops/alerts.rules.yml): `promtool check rules` and
 * `promtool test rules` (alerts.promtool-test.yml) when Debian's prometheus package is installed
 * (CI installs it); a structural check that needs nothing, always: every rule is well formed and
 * reads only series the server exposes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../server/observability/metrics.ts';

const rulesPath = fileURLToPath(new URL('../../docs/ops/alerts.rules.yml', import.meta.url));
const unitTestsPath = fileURLToPath(new URL('./alerts.promtool-test.yml', import.meta.url));

const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;
if (!promtool) {
  console.warn(
    'promtool not found (Debian: apt-get install prometheus): alert rules checked structurally only',
  );
}

function runPromtool(...args: string[]) {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!promtool)('promtool', () => {
  it('check rules: the file is valid', () => {
    const { status, output } = runPromtool('check', 'rules', rulesPath);
    expect(output).toContain('SUCCESS');
    expect(status).toBe(0);
  });

  it('test rules: each alert fires on its failure after its `for`, and not on health', () => {
    const { status, output } = runPromtool('test', 'rules', unitTestsPath);
    expect(output).toContain('SUCCESS');
    expect(status).toBe(0);
  });
});

interface Rule {
  readonly alert?: unknown;
  readonly expr?: unknown;
  readonly for?: unknown;
  readonly labels?: Record<string, unknown>;
  readonly annotations?: Record<string, unknown>;
}

describe('the rules file, structurally', () => {
  const doc = parse(readFileSync(rulesPath, 'utf8')) as { groups: { name: string; rules: Rule[] }[] };
  const rules = doc.groups.flatMap((g) => g.rules);

  it('has named groups of alerts, each with an expression, a duration, a severity and words for people', () => {
    expect(doc.groups.length).toBeGreaterThan(0);
    expect(new Set(doc.groups.map((g) => g.name)).size).toBe(doc.groups.length);
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(typeof rule.expr === 'string' && rule.expr.trim().length > 0).toBe(true);
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['page', 'ticket']).toContain(rule.labels?.severity);
      expect(typeof rule.annotations?.summary).toBe('string');
      expect(typeof rule.annotations?.description).toBe('string');
    }
  });

  it('covers what issue 7 asks to alert on', () => {
    const exprs = rules.map((r) => String(r.expr)).join('\n');
    for (const series of [
      'up{',
      'http_requests_total{',
      'http_request_duration_seconds_bucket{',
      'ehr_request_duration_seconds_count{',
      'model_request_duration_seconds_count{',
      'writeback_outbox_oldest_age_seconds{',
    ]) {
      expect(exprs).toContain(series);
    }
  });

  it('reads only series the server exposes (or Prometheus’s own `up`)', async () => {
    const metrics = createMetrics();
    const exposed = new Set(
      (await metrics.registry.getMetricsAsJSON()).flatMap((m) =>
        String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_count`, `${m.name}_sum`] : [m.name],
      ),
    );
    exposed.add('up');
    const used = rules.flatMap((r) =>
      [...String(r.expr).matchAll(/\b([a-z_][a-z0-9_]*)\{/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !exposed.has(name))).toEqual([]);
  });
});
