/**
 * The two documents the launch itself serves: the authorize-post form (SMART `authorize-post`:
 * the launch JWT and PKCE values travel in a POST body, not a URL) and the plugin's index.html
 * with the session bootstrap the plugin reads once and removes (launch id and an in-memory
 * session token; never an EHR token).
 *
 * @module
 */
import { html, launchDocument } from '../http/html.ts';

export function authorizePostPage(action: string, fields: readonly [string, string][]): string {
  return launchDocument(
    'Signing in',
    html`<main class="launch-message">
        <form id="authorize-form" method="post" action="${action}">
          ${fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
          <p>Signing in to the EHR…</p>
          <button type="submit">Continue</button>
        </form>
      </main>
      <script src="/launch/auto-submit.js"></script>`,
  );
}

export interface PluginBoot {
  readonly launchId: string;
  readonly sessionToken: string;
}

/** JSON inside a script element: `<`, `&` and the JS line separators escaped, so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function bootPage(indexHtml: string, boot: PluginBoot): string {
  const tag = `<script id="rp-boot" type="application/json">${scriptJson(boot)}</script>`;
  return indexHtml.includes('</head>') ? indexHtml.replace('</head>', `${tag}</head>`) : `${tag}${indexHtml}`;
}
