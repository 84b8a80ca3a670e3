/**
 * The sandbox EHR's page frame: plain host chrome around an embedded app, as an EHR's is.
 *
 * @module
 */
import { html, SafeHtml } from '../html.ts';

const STYLE = `
  body { margin: 0; font: 14px/1.4 Arial, Helvetica, sans-serif; color: #222; background: #eef1f4; }
  .ehr-top { background: #3b4a5a; color: #fff; padding: 6px 14px; display: flex; gap: 16px; align-items: center; }
  .ehr-top a { color: #fff; }
  .ehr-top .ehr-brand { font-weight: bold; letter-spacing: .5px; }
  .ehr-main { padding: 14px; }
  .ehr-banner { background: #fff; border: 1px solid #c9d1d9; padding: 8px 12px; display: flex; gap: 24px; flex-wrap: wrap; }
  .ehr-banner strong { font-size: 16px; }
  table { border-collapse: collapse; background: #fff; width: 100%; }
  th, td { border: 1px solid #d0d7de; padding: 6px 8px; text-align: left; vertical-align: top; }
  th { background: #f3f5f7; }
  .ehr-chart { display: grid; grid-template-columns: 200px 1fr; gap: 12px; margin-top: 12px; }
  .ehr-nav { background: #fff; border: 1px solid #c9d1d9; padding: 8px; }
  .ehr-nav a { display: block; padding: 4px 0; }
  .ehr-nav select, .ehr-nav button { width: 100%; }
  .ehr-activity { background: #fff; border: 1px solid #c9d1d9; min-height: 600px; }
  .ehr-activity iframe { width: 100%; height: max(640px, calc(100vh - 150px)); border: 0; display: block; }
  .ehr-split { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  .ehr-split iframe { width: 100%; height: max(600px, calc(100vh - 190px)); border: 1px solid #c9d1d9; background: #fff; }
  .ehr-note { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 12px; }
  .ehr-muted { color: #666; }
  form.inline { display: inline-flex; gap: 6px; align-items: center; }
`;

export function page(title: string, body: SafeHtml, vendorLabel: string): string {
  return `<!doctype html>${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Sandbox EHR</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <div class="ehr-top">
          <span class="ehr-brand">SANDBOX EHR</span><a href="/ehr">Schedule</a
          ><a href="/ehr/patients">Patients</a><a href="/ehr/sign-in">Sign in</a>
          <span class="ehr-muted" style="color:#cfd8e3">profile: ${vendorLabel} · all data is fictional</span>
        </div>
        <div class="ehr-main">${body}</div>
      </body>
    </html>`.value
  }`;
}
