/**
 * The product on one machine: the sandbox EHR, then the companion server (through
 * server/main.ts), with RevenuePilot registered in the EHR as health-system IT would, and the
 * EHR's billing specialist given the billing role. `npm start` and the end-to-end specs both start
 * it here, so they run the same wiring.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { main } from '../server/main.ts';
import { withDevSecrets } from './dev-secrets.ts';
import {
  companionAppRegistration,
  sandboxEhrRegistration,
  type CompanionEhrRegistration,
} from './sandbox/companion-app.ts';
import { startSandbox, type RunningSandbox } from './sandbox/create-sandbox.ts';
import { BILLING_SPECIALIST_REF } from './sandbox/ehr/ehr-staff.ts';
import type { SandboxOptions } from './sandbox/state.ts';

export interface EmbeddedStack {
  readonly sandbox: RunningSandbox;
  readonly serverUrl: string;
  close(): Promise<void>;
}

export interface EmbeddedStackOptions {
  readonly sandbox: SandboxOptions & { port?: number };
  /**
   * The environment server/main.ts reads (PORT, DATABASE_URL, PGLITE_DATA_DIR, …). Secrets it
   * leaves out come from `.data/dev-secrets.json` (generated on first use).
   */
  readonly serverEnv: NodeJS.ProcessEnv;
  /** Called once the EHR answers, before the server starts (to show its URL first). */
  readonly onSandboxReady?: (sandbox: RunningSandbox) => void;
}

export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  // The admin API registers the sandbox below; a run without ADMIN_API_TOKEN gets a one-off one.
  const serverEnv = await withDevSecrets({
    ADMIN_API_TOKEN: randomBytes(32).toString('base64url'),
    ...options.serverEnv,
  });
  const sandbox = await startSandbox(options.sandbox);
  options.onSandboxReady?.(sandbox);
  let server: Awaited<ReturnType<typeof main>>;
  try {
    server = await main(serverEnv);
  } catch (err) {
    await sandbox.close();
    throw err;
  }
  const app = companionAppRegistration(server.url);
  sandbox.state.apps.set(app.clientId, app);
  try {
    const registrationId = await registerEhr(
      server.url,
      serverEnv.ADMIN_API_TOKEN!,
      sandboxEhrRegistration(sandbox.state),
    );
    await grantBillingRole(server.url, serverEnv.ADMIN_API_TOKEN!, registrationId);
  } catch (err) {
    await Promise.allSettled([server.close(), sandbox.close()]);
    throw err;
  }
  return {
    sandbox,
    serverUrl: server.url,
    close: async () => {
      await Promise.allSettled([server.close(), sandbox.close()]);
    },
  };
}

/** Registers (or updates) the sandbox as an EHR through the admin API, as IT would; answers its id. */
async function registerEhr(
  serverUrl: string,
  adminToken: string,
  registration: CompanionEhrRegistration,
): Promise<string> {
  const api = `${serverUrl}/admin/api/ehr-registrations`;
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const listed = await fetch(api, { headers });
  if (!listed.ok) throw new Error(`admin API answered ${listed.status} listing EHR registrations`);
  const { registrations } = (await listed.json()) as { registrations: { id: string; issuer: string }[] };
  const existing = registrations.find((r) => r.issuer === registration.issuer);
  const res = await fetch(existing ? `${api}/${existing.id}` : api, {
    method: existing ? 'PUT' : 'POST',
    headers,
    body: JSON.stringify(registration),
  });
  if (!res.ok) throw new Error(`admin API answered ${res.status} registering the sandbox EHR`);
  return ((await res.json()) as { id: string }).id;
}

/** Gives the sandbox's billing specialist the billing role, as IT would (everyone else is a clinician). */
async function grantBillingRole(
  serverUrl: string,
  adminToken: string,
  registrationId: string,
): Promise<void> {
  const res = await fetch(`${serverUrl}/admin/api/ehr-registrations/${registrationId}/user-roles`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      fhirUser: BILLING_SPECIALIST_REF,
      roles: ['billing'],
      displayName: 'Bea Biller-Testcoder',
    }),
  });
  if (!res.ok) throw new Error(`admin API answered ${res.status} giving the billing specialist her role`);
}
