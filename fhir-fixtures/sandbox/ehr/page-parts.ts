/**
 * Pieces of the sandbox EHR pages: the schedule table, the EHR's own patient banner, the
 * activity iframe that hosts the app, a note's text, and the clinic's local date-time.
 *
 * @module
 */
import { calculateAge } from '@medplum/core';
import type { Patient } from '@medplum/fhirtypes';
import type { SandboxState } from '../state.ts';
import { embeddedApp, launchUrlFor } from './app-launch.ts';
import { personName, type ScheduledVisit } from './chart-data.ts';
import { html, type SafeHtml } from '../html.ts';

export function scheduleBody(state: SandboxState, visits: ScheduledVisit[]): SafeHtml {
  const rows = visits.map(
    (v) =>
      html`<tr>
        <td>${v.time}</td>
        <td><a href="/ehr/chart/${v.patient.id}?encounter=${v.encounter.id}">${personName(v.patient)}</a></td>
        <td>${v.encounter.type?.[0]?.text ?? ''}</td>
        <td>${v.practitioner ? personName(v.practitioner) : ''}</td>
      </tr>`,
  );
  // The right-hand list starts on the second visit so "Open both" shows two patients at once.
  const options = (selectedIndex: number) =>
    visits.map(
      (v, i) =>
        html`<option value="${v.encounter.id}" ${i === selectedIndex ? html`selected` : ''}>
          ${v.time} ${personName(v.patient)}
        </option>`,
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
          ${options(0)}
        </select></label
      >
      <label
        >Right
        <select name="right">
          ${options(1)}
        </select></label
      >
      <button type="submit">Open both</button>
    </form>`;
}

export function banner(patient: Patient, visitStart?: string): SafeHtml {
  const mrn =
    patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value ??
    patient.identifier?.[0]?.value;
  return html`<div class="ehr-banner" data-testid="ehr-banner">
    <strong>${personName(patient)}</strong> <span>${patient.gender ?? ''}</span
    ><span
      >DOB ${patient.birthDate ?? '?'}
      ${patient.birthDate ? `(${calculateAge(patient.birthDate).years} y)` : ''}</span
    >
    <span>MRN ${mrn ?? '—'}</span>${visitStart ? html`<span>Visit ${localDateTime(visitStart)}</span>` : ''}
  </div>`;
}

export function appFrame(
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

export function noteText(note: {
  content?: { attachment?: { contentType?: string; data?: string } }[];
}): string {
  const attachment = note.content?.[0]?.attachment;
  if (!attachment?.data) return '(no inline content)';
  if (!attachment.contentType?.startsWith('text/'))
    return `(${attachment.contentType ?? 'binary'} attachment)`;
  return Buffer.from(attachment.data, 'base64').toString('utf8');
}

/**
 * A FHIR dateTime as the clinic wrote it (its own local date and time), not converted to the
 * server's timezone: the schedule and the banner must agree wherever the sandbox runs.
 */
export function localDateTime(dateTime: string): string {
  return dateTime.length >= 16 ? `${dateTime.slice(0, 10)} ${dateTime.slice(11, 16)}` : dateTime;
}
