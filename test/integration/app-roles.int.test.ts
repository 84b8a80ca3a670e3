/**
 * App roles through a real launch: the session answers the signed-in user's roles (clinician
 * when the app has none for them), a role given at the EHR shows on the next call, and the billing
 * queue opens only to billing staff of that EHR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { primaryCareDiabetes as visit } from '../../fhir-fixtures/patients/primary-care-diabetes.ts';
import type { LaunchSessionInfo } from '../../server/contract/launch-session.ts';
import { createUserRoleStore } from '../../server/roles/user-role-store.ts';
import { startCompanionStack, type CompanionStack } from '../support/companion-stack.ts';
import { runLaunch, type LaunchedSession } from '../support/launch-client.ts';

let stack: CompanionStack;
let session: LaunchedSession;

/** The launch the visit's chart frames: bound to the visit and its clinician. */
async function visitLaunchUrl(): Promise<string> {
  const chart = `${stack.sandbox.url}/ehr/chart/${visit.patientId}?encounter=${visit.encounterId}`;
  const src = /<iframe[^>]*src="([^"]+)"/.exec(await (await fetch(chart)).text())?.[1];
  return src!.replace(/&amp;/g, '&');
}

beforeAll(async () => {
  stack = await startCompanionStack();
  session = await runLaunch(await visitLaunchUrl());
});
afterAll(() => stack?.close());

const call = (path: string) =>
  fetch(`${stack.serverUrl}/api/launches/${session.launchId}/${path}`, {
    headers: { authorization: `Bearer ${session.sessionToken}` },
  });

describe('app roles on a launch', () => {
  it('starts as a clinician, then carries the billing role the EHR’s user is given', async () => {
    expect(((await (await call('session')).json()) as LaunchSessionInfo).roles).toEqual(['clinician']);
    expect((await call('review/queue')).status).toBe(403);

    const [registration] = await stack.registry.list();
    const { rows } = await stack.db.query<{ fhir_user: string }>(
      'select fhir_user from launch_session where id = $1',
      [session.launchId],
    );
    // The launch holds the absolute fhirUser the id_token carried; the role is given by reference.
    expect(rows[0]?.fhir_user).toBe(`${stack.sandbox.fhirBaseUrl}/${visit.practitionerRef}`);
    await createUserRoleStore(stack.db).put(
      registration!.id,
      { fhirUser: visit.practitionerRef, roles: ['clinician', 'billing'] },
      'test',
    );
    expect(((await (await call('session')).json()) as LaunchSessionInfo).roles).toEqual([
      'clinician',
      'billing',
    ]);
    const queue = await call('review/queue');
    expect(queue.status).toBe(200);
    expect(await queue.json()).toEqual({ items: [], providers: [], truncated: false });
  });
});
