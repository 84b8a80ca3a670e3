/**
 * The clinician's side of the sandbox EHR: today's schedule, a patient list, a chart that hosts
 * the app in an iframe (like an Epic activity or a PowerChart MPage), a patient switcher, two
 * charts side by side, each patient's notes (where write-back becomes visible), and signing in as
 * another user (a billing specialist, say) whom the charts then launch the app as.
 *
 * @module
 */
import { resolveId } from '@medplum/core';
import express from 'express';
import type { SandboxState } from '../state.ts';
import { allPatients, notesFor, personName, readEncounter, readPatient, todaysVisits } from './chart-data.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from './layout.ts';
import { appFrame, banner, localDateTime, noteText, scheduleBody } from './page-parts.ts';
import { createSignInRoutes, launchingUser } from './sign-in.ts';
import { sandboxSmartStyle } from './smart-style.ts';

export function createEhrPages(state: SandboxState): express.Router {
  const router = express.Router();
  const send = (res: express.Response, title: string, body: SafeHtml, status = 200) =>
    res
      .status(status)
      .type('html')
      .send(page(title, body, state.vendor));

  router.use(createSignInRoutes(state, send));

  router.get('/', async (_req, res) => {
    const visits = await todaysVisits(state);
    send(res, 'Schedule', scheduleBody(state, visits));
  });

  router.get('/patients', async (_req, res) => {
    const patients = await allPatients(state);
    const rows = patients.map(
      (p) =>
        html`<tr>
          <td><a href="/ehr/chart/${p.id}">${personName(p)}</a></td>
          <td>${p.birthDate ?? ''}</td>
          <td><a href="/ehr/patients/${p.id}/notes">Notes</a></td>
        </tr>`,
    );
    send(
      res,
      'Patients',
      html`<h2>Patients</h2>
        <table>
          <tr>
            <th>Name</th>
            <th>Born</th>
            <th></th>
          </tr>
          ${rows}
        </table>`,
    );
  });

  router.get('/chart/:patientId', async (req, res) => {
    const patient = await readPatient(state, req.params.patientId);
    const encounterId = typeof req.query.encounter === 'string' ? req.query.encounter : undefined;
    const encounter = encounterId ? await readEncounter(state, encounterId) : undefined;
    if (!patient || (encounterId && encounter?.subject?.reference !== `Patient/${patient.id}`)) {
      send(res, 'Not found', html`<p>No such chart.</p>`, 404);
      return;
    }
    const fhirUser = await launchingUser(state, req, encounter);
    const visits = await todaysVisits(state);
    const frame = appFrame(state, typeof req.query.app === 'string' ? req.query.app : undefined, {
      patient: patient.id,
      ...(encounter ? { encounter: encounter.id } : {}),
      fhirUser,
      appBanner: req.query.banner === 'app',
    });
    send(
      res,
      personName(patient),
      html`${banner(patient, encounter?.period?.start)}
        <div class="ehr-chart">
          <nav class="ehr-nav" aria-label="Chart">
            <strong>Chart</strong>
            <a href="/ehr/patients/${patient.id}/notes">Notes</a>
            <a href="/ehr">Back to schedule</a>
            <form
              class="inline"
              method="get"
              action="/ehr/switch"
              style="margin-top:12px;flex-direction:column;align-items:stretch"
            >
              <label for="switch-to">Switch patient</label>
              <select id="switch-to" name="encounter">
                ${visits.map(
                  (v) =>
                    html`<option
                      value="${v.encounter.id}"
                      ${v.encounter.id === encounter?.id ? html`selected` : ''}
                    >
                      ${v.time} ${personName(v.patient)}
                    </option>`,
                )}
              </select>
              ${req.query.banner === 'app' ? html`<input type="hidden" name="banner" value="app" />` : ''}
              <button type="submit">Switch</button>
            </form>
          </nav>
          <section class="ehr-activity" aria-label="RevenuePilot activity">${frame}</section>
        </div>`,
    );
  });

  router.get('/switch', (req, res) => {
    const encounter = typeof req.query.encounter === 'string' ? req.query.encounter : '';
    void readEncounter(state, encounter).then((found) => {
      const patientId = resolveId(found?.subject);
      const banner = req.query.banner === 'app' ? '&banner=app' : '';
      res.redirect(patientId ? `/ehr/chart/${patientId}?encounter=${encounter}${banner}` : '/ehr');
    });
  });

  router.get('/side-by-side', async (req, res) => {
    const ids = [req.query.left, req.query.right].filter((v): v is string => typeof v === 'string');
    const frames: SafeHtml[] = [];
    for (const id of ids) {
      const encounter = await readEncounter(state, id);
      const patientId = resolveId(encounter?.subject);
      const patient = patientId ? await readPatient(state, patientId) : undefined;
      if (!encounter || !patient) continue;
      const fhirUser = await launchingUser(state, req, encounter);
      frames.push(
        html`<div>
          ${banner(patient, encounter.period?.start)}${appFrame(state, undefined, {
            patient: patient.id,
            encounter: encounter.id,
            fhirUser,
            appBanner: req.query.banner === 'app',
          })}
        </div>`,
      );
    }
    send(res, 'Side by side', html`<div class="ehr-split">${frames}</div>`, frames.length === 2 ? 200 : 400);
  });

  router.get('/patients/:patientId/notes', async (req, res) => {
    const patient = await readPatient(state, req.params.patientId);
    if (!patient) {
      send(res, 'Not found', html`<p>No such patient.</p>`, 404);
      return;
    }
    const notes = await notesFor(state, patient.id);
    const rows = notes.map(
      (n) =>
        html`<tr>
          <td>${n.date ? localDateTime(n.date) : ''}</td>
          <td>${n.type?.text ?? n.type?.coding?.[0]?.display ?? ''}</td>
          <td>${n.docStatus ?? ''}</td>
          <td>${n.author?.[0]?.display ?? n.author?.[0]?.reference ?? ''}</td>
          <td><div class="ehr-note">${noteText(n)}</div></td>
        </tr>`,
    );
    send(
      res,
      `Notes · ${personName(patient)}`,
      html`${banner(patient)}
        <h2>Notes (${notes.length})</h2>
        <table>
          <tr>
            <th>Date</th>
            <th>Type</th>
            <th>Status</th>
            <th>Author</th>
            <th>Text</th>
          </tr>
          ${rows}
        </table>`,
    );
  });

  router.get('/smart-style.json', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').json(sandboxSmartStyle);
  });

  return router;
}
