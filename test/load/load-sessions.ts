/**
 * The simulated users' sessions: real SMART launches from the sandbox EHR's charts (every fixture
 * patient in turn, a few at a time), then, for all but one patient's encounter, a builtin draft of
 * the visit transcript and one code suggestion run, so the codes endpoints have something to
 * serve. The encounter left undrafted is only ever asked for context and code search.
 *
 * @module
 */
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import { chartLaunchUrl, runLaunch } from '../support/launch-client.ts';

export interface LoadSession {
  readonly launchId: string;
  readonly sessionToken: string;
  readonly patientKey: string;
  /** The encounter has a saved draft and stored code suggestions. */
  readonly coded: boolean;
}

export interface OpenSessionsOptions {
  readonly serverUrl: string;
  readonly sandboxUrl: string;
  readonly launches: number;
  /** Launches run at once. */
  readonly concurrency?: number;
}

const DRAFT_TEMPLATE = 'soap-progress';

async function call(
  serverUrl: string,
  session: { launchId: string; sessionToken: string },
  path: string,
  body: unknown,
) {
  const res = await fetch(`${serverUrl}/api/launches/${session.launchId}/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.sessionToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Drafts the visit from its transcript (the stream must end `done`), then codes it. */
async function draftAndCode(
  serverUrl: string,
  session: { launchId: string; sessionToken: string },
  transcript: string,
): Promise<void> {
  const stream = await call(serverUrl, session, 'draft/generate', {
    templateId: DRAFT_TEMPLATE,
    input: { kind: 'transcript', text: transcript },
  });
  const last = JSON.parse(stream.trim().split('\n').at(-1) ?? '{}') as { type?: string };
  if (last.type !== 'done') throw new Error(`drafting ended with ${last.type ?? 'nothing'}`);
  await call(serverUrl, session, 'codes/suggest', {});
}

export async function openSessions(options: OpenSessionsOptions): Promise<LoadSession[]> {
  const { serverUrl, sandboxUrl, launches } = options;
  const concurrency = options.concurrency ?? 8;
  const fixtures = patientFixtures;
  // The last fixture's encounter stays without a draft.
  const drafted = new Set(fixtures.slice(0, -1).map((f) => f.key));
  const sessions: (LoadSession | undefined)[] = new Array<LoadSession | undefined>(launches);

  // One launch per drafted patient first, to draft and code its encounter.
  for (const fixture of fixtures.filter((f) => drafted.has(f.key))) {
    const session = await runLaunch(await chartLaunchUrl(sandboxUrl, fixture.patientId));
    await draftAndCode(serverUrl, session, fixture.visit.transcript);
  }

  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < launches; i = next++) {
      // Round the patients starting from the undrafted one, so even a few launches include it.
      const fixture = fixtures[(i + fixtures.length - 1) % fixtures.length]!;
      const session = await runLaunch(await chartLaunchUrl(sandboxUrl, fixture.patientId));
      sessions[i] = {
        launchId: session.launchId,
        sessionToken: session.sessionToken,
        patientKey: fixture.key,
        coded: drafted.has(fixture.key),
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, launches) }, worker));
  return sessions.map((s) => s!);
}
