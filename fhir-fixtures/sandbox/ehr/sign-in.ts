/**
 * Who is signed in to the sandbox EHR. By default nobody in particular: a chart launches the app
 * as the visit's clinician (the sandbox's long-standing behaviour). `/ehr/sign-in` lets a tester
 * sign in as any Practitioner the EHR holds, for example the billing specialist, kept in a cookie
 * for this browser; every chart then launches the app as that user, as a real EHR does.
 *
 * @module
 */
import type { Encounter, Practitioner } from '@medplum/fhirtypes';
import express from 'express';
import type { SandboxState } from '../state.ts';
import { html, type SafeHtml } from '../html.ts';
import { personName, signedInUser } from './chart-data.ts';

export const SIGN_IN_COOKIE = 'sandbox_ehr_user';

/** The signed-in user's reference (`Practitioner/…`) when the cookie names one the EHR holds. */
export async function signedInPractitioner(
  state: SandboxState,
  req: express.Request,
): Promise<(Practitioner & { id: string }) | undefined> {
  const raw = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SIGN_IN_COOKIE}=`))
    ?.slice(SIGN_IN_COOKIE.length + 1);
  const id = raw ? decodeURIComponent(raw) : undefined;
  if (!id || !/^[A-Za-z0-9\-.]{1,64}$/.test(id)) return undefined;
  try {
    return (await state.repo.readResource<Practitioner>('Practitioner', id)) as Practitioner & { id: string };
  } catch {
    return undefined;
  }
}

/** Who a chart launches the app as: the signed-in user, else the visit's clinician. */
export async function launchingUser(
  state: SandboxState,
  req: express.Request,
  encounter: Encounter | undefined,
): Promise<string> {
  const signedIn = await signedInPractitioner(state, req);
  return signedIn ? `Practitioner/${signedIn.id}` : signedInUser(state, encounter);
}

function roleOf(practitioner: Practitioner): string {
  return (
    practitioner.qualification?.[0]?.code.text ??
    practitioner.qualification?.[0]?.code.coding?.[0]?.display ??
    ''
  );
}

/** `GET /sign-in` (the form), `POST /sign-in` and `POST /sign-out`; `send` renders a page. */
export function createSignInRoutes(
  state: SandboxState,
  send: (res: express.Response, title: string, body: SafeHtml, status?: number) => void,
): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  router.get('/sign-in', async (req, res) => {
    const current = await signedInPractitioner(state, req);
    const users = await state.repo.searchResources<Practitioner>({
      resourceType: 'Practitioner',
      count: 1_000,
    });
    const options = users
      .sort((a, b) => personName(a).localeCompare(personName(b)))
      .map(
        (u) =>
          html`<option value="${u.id}" ${u.id === current?.id ? html`selected` : ''}>
            ${personName(u)}${roleOf(u) ? ` (${roleOf(u)})` : ''}
          </option>`,
      );
    send(
      res,
      'Sign in',
      html`<h2>Sign in to the sandbox EHR</h2>
        <p class="ehr-muted">
          Signed in as: ${current ? personName(current) : 'nobody (charts open as the visit’s clinician)'}
        </p>
        <form class="inline" method="post" action="/ehr/sign-in">
          <label for="sign-in-user">User</label>
          <select id="sign-in-user" name="user">
            ${options}
          </select>
          <button type="submit">Sign in</button>
        </form>
        <form class="inline" method="post" action="/ehr/sign-out" style="margin-left:12px">
          <button type="submit">Sign out</button>
        </form>`,
    );
  });

  router.post('/sign-in', form, async (req, res) => {
    const user = (req.body as { user?: unknown } | undefined)?.user;
    const id = typeof user === 'string' ? user : '';
    const exists =
      /^[A-Za-z0-9\-.]{1,64}$/.test(id) &&
      (await state.repo.readResource('Practitioner', id).then(
        () => true,
        () => false,
      ));
    if (!exists) {
      send(res, 'Sign in', html`<p>No such user. <a href="/ehr/sign-in">Try again</a>.</p>`, 400);
      return;
    }
    res.cookie(SIGN_IN_COOKIE, id, { path: '/ehr', httpOnly: true, sameSite: 'lax' }).redirect(303, '/ehr');
  });

  router.post('/sign-out', (_req, res) => {
    res.clearCookie(SIGN_IN_COOKIE, { path: '/ehr' }).redirect(303, '/ehr');
  });

  return router;
}
