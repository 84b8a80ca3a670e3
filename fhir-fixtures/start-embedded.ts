/**
 * `npm start`: the whole product on one machine with nothing else installed. Starts the sandbox
 * EHR (FHIR server, SMART authorization server, chart pages, synthetic patients, plus the two
 * Synthea US Core patients 355 and 85 when ../shared/data holds them) and the companion server
 * on embedded Postgres (PGlite), registers the app with the EHR the way health-system IT would,
 * and prints the URL to open.
 *
 * Environment: PORT (companion, default 8080); SANDBOX_PORT (8090), SANDBOX_VENDOR (generic |
 * epic | oracle-health), SANDBOX_LATENCY_MS, SANDBOX_TOKEN_LIFETIME_SECONDS,
 * SANDBOX_MAX_PAGE_SIZE (1000), SANDBOX_SCOPE_SYNTAX (v2 | v1); plus everything server/main.ts reads (see .env.example).
 * DATABASE_URL switches to a managed Postgres.
 *
 * @module
 */
import { access } from 'node:fs/promises';
import { startEmbeddedStack, type EmbeddedStack } from './embedded-stack.ts';
import type { RunningSandbox } from './sandbox/create-sandbox.ts';
import { sandboxOptionsFromEnv } from './sandbox/sandbox-env.ts';
import { usCoreBundlePath } from './shared-data.ts';

let stack: EmbeddedStack;
try {
  const usCoreBundles = await usCoreBundlesPresent();
  stack = await startEmbeddedStack({
    sandbox: { ...sandboxOptionsFromEnv(process.env), bundleFiles: usCoreBundles },
    serverEnv: { ...process.env, PORT: process.env.PORT ?? '8080' },
    onSandboxReady: (sandbox) =>
      process.stdout.write(`\nSandbox EHR: ${sandbox.url}/ehr  (starting the RevenuePilot server…)\n\n`),
  });
  printReady(stack.sandbox, stack.serverUrl, usCoreBundles.length > 0);
} catch (err) {
  process.stderr.write(`\nRevenuePilot could not start: ${startupProblem(err)}\n`);
  process.exit(1);
}

// The companion server handles these signals itself (drain, then close the database); the
// sandbox only needs its sockets closed so the process can end on its own.
const stopSandbox = () => void stack.sandbox.close();
process.once('SIGINT', stopSandbox);
process.once('SIGTERM', stopSandbox);

/**
 * The Synthea US Core bundles that exist: they live in ../shared/data, which a fresh clone may
 * not have. Missing ones are skipped with one line, not an error.
 */
async function usCoreBundlesPresent(): Promise<string[]> {
  const present: string[] = [];
  const missing: string[] = [];
  for (const patient of ['355', '85'] as const) {
    const file = usCoreBundlePath(patient);
    try {
      await access(file);
      present.push(file);
    } catch {
      missing.push(patient);
    }
  }
  if (missing.length > 0) {
    process.stdout.write(
      `US Core sample patient ${missing.join(' and ')} skipped: not in ../shared/data/us-core-patients.\n`,
    );
  }
  return present;
}

function printReady(running: RunningSandbox, serverUrl: string, usCore: boolean): void {
  process.stdout.write(
    [
      '',
      'RevenuePilot is running on the sandbox EHR.',
      `  Open the EHR:        ${running.url}/ehr   (pick a visit: the app opens inside the chart)`,
      ...(usCore
        ? [`  US Core patients:    ${running.url}/ehr/patients   (Synthea, from ../shared/data)`]
        : []),
      `  Billing review:      ${running.url}/ehr/sign-in   (sign in as Bea Biller-Testcoder, then open a chart)`,
      `  Companion server:    ${serverUrl}`,
      `  FHIR base (iss):     ${running.fhirBaseUrl}`,
      `  EHR profile:         ${running.state.vendor}, ${running.state.faults.latencyMs} ms added latency`,
      '  All patients are fictional. Ctrl+C stops both.',
      '',
    ].join('\n') + '\n',
  );
}

/** What went wrong, in words a person can act on (no stack: these are set-up mistakes). */
function startupProblem(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const port = (err as { port?: unknown }).port;
  if (code === 'EADDRINUSE') {
    return `port ${String(port)} is already in use. Stop the other program, or choose free ports with PORT=… and SANDBOX_PORT=….`;
  }
  return err instanceof Error ? err.message : String(err);
}
