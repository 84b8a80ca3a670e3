/**
 * The clinician's side of the sandbox EHR: today's schedule, a patient list, a chart that hosts
 * the app in an iframe (like an Epic activity or a PowerChart MPage), a patient switcher, two
 * charts side by side, and each patient's notes (where write-back becomes visible).
 *
 * @module
 */
import { calculateAgeString, formatDateTime } from '@medplum/core';
import express from 'express';
import type { SandboxState } from '../state.ts';
import { embeddedApp, launchUrlFor } from './app-launch.ts';
import {
  allPatients,
  defaultUser,
  notesFor,
  personName,
  readEncounter,
  readPatient,
  todaysVisits,
  type ScheduledVisit,
} from './chart-data.ts';
import { html, page, type SafeHtml } from './html.ts';
import { sandboxSmartStyle } from './smart-style.ts';

export function createEhrPages(state: SandboxState): express.Router {
  const router = express.Router();
  const send = (res: express.Response, title: string, body: SafeHtml, status = 200) =>
    res
      .status(status)
      .type('html')
      .send(page(title, body, state.vendor));

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
    const fhirUser =
      encounter?.participant?.[0]?.individual?.reference ??
      (await defaultUser(state)) ??
      'Practitioner/unknown';
    const visits = await todaysVisits(state);
    const frame = appFrame(state, typeof req.query.app === 'string' ? req.query.app : undefined, {
      patient: patient.id,
      ...(encounter ? { encounter: encounter.id } : {}),
      fhirUser,
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
              <button type="submit">Switch</button>
            </form>
          </nav>
          <section class="ehr-activity" aria-label="RevenuePilot activity">${frame}</section>
        </div>`,
    );
  });

  router.get('/switch', (req, res) => {
    const encounter = typeof req.query.encounter === 'string' ? req.query.encounter : '';
    void chartUrlForEncounter(state, encounter).then((url) => res.redirect(url ?? '/ehr'));
  });

  router.get('/side-by-side', async (req, res) => {
    const ids = [req.query.left, req.query.right].filter((v): v is string => typeof v === 'string');
    const frames: SafeHtml[] = [];
    for (const id of ids) {
      const encounter = await readEncounter(state, id);
      const patientId = encounter?.subject?.reference?.split('/')[1];
      const patient = patientId ? await readPatient(state, patientId) : undefined;
      if (!encounter || !patient) continue;
      const fhirUser = encounter.participant?.[0]?.individual?.reference ?? 'Practitioner/unknown';
      frames.push(
        html`<div>
          ${banner(patient, encounter.period?.start)}${appFrame(state, undefined, { patient: patient.id, encounter: encounter.id, fhirUser })}
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
          <td>${n.date ? formatDateTime(n.date) : ''}</td>
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

function scheduleBody(state: SandboxState, visits: ScheduledVisit[]): SafeHtml {
  const rows = visits.map(
    (v) =>
      html`<tr>
        <td>${v.time}</td>
        <td><a href="/ehr/chart/${v.patient.id}?encounter=${v.encounter.id}">${personName(v.patient)}</a></td>
        <td>${v.encounter.type?.[0]?.text ?? ''}</td>
        <td>${v.practitioner ? personName(v.practitioner) : ''}</td>
      </tr>`,
  );
  const options = visits.map(
    (v) => html`<option value="${v.encounter.id}">${v.time} ${personName(v.patient)}</option>`,
  );
  return html`<h2>Today's schedule · ${state.today}</h2>
    <table>
      <tr>
        <th>Time</th>
        <th>Patient</th>
        <th>Visit</th>
        <th>Provider</th>
      </tr>
      ${rows}
    </table>
    <h3>Two charts side by side</h3>
    <form class="inline" method="get" action="/ehr/side-by-side">
      <label
        >Left
        <select name="left">
          ${options}
        </select></label
      >
      <label
        >Right
        <select name="right">
          ${options}
        </select></label
      >
      <button type="submit">Open both</button>
    </form>`;
}

function banner(patient: ScheduledVisit['patient'], visitStart?: string): SafeHtml {
  const mrn =
    patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value ??
    patient.identifier?.[0]?.value;
  return html`<div class="ehr-banner" data-testid="ehr-banner">
    <strong>${personName(patient)}</strong> <span>${patient.gender ?? ''}</span
    ><span
      >DOB ${patient.birthDate ?? '?'}
      (${patient.birthDate ? (calculateAgeString(patient.birthDate) ?? '') : ''})</span
    >
    <span>MRN ${mrn ?? '—'}</span>${visitStart ? html`<span>Visit ${formatDateTime(visitStart)}</span>` : ''}
  </div>`;
}

function appFrame(
  state: SandboxState,
  clientId: string | undefined,
  target: Parameters<typeof launchUrlFor>[2],
): SafeHtml {
  const app = embeddedApp(state, clientId);
  const src = app ? launchUrlFor(state, app, target) : undefined;
  if (!app || !src)
    return html`<p style="padding:12px">No app with a launch URL is registered with this EHR.</p>`;
  return html`<iframe title="${app.name}" src="${src}" data-testid="app-frame"></iframe>`;
}

function noteText(note: { content?: { attachment?: { contentType?: string; data?: string } }[] }): string {
  const attachment = note.content?.[0]?.attachment;
  if (!attachment?.data) return '(no inline content)';
  if (!attachment.contentType?.startsWith('text/'))
    return `(${attachment.contentType ?? 'binary'} attachment)`;
  return Buffer.from(attachment.data, 'base64').toString('utf8');
}

async function chartUrlForEncounter(state: SandboxState, encounterId: string): Promise<string | undefined> {
  const encounter = encounterId ? await readEncounter(state, encounterId) : undefined;
  const patientId = encounter?.subject?.reference?.split('/')[1];
  return patientId ? `/ehr/chart/${patientId}?encounter=${encounterId}` : undefined;
}
