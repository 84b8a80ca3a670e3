/**
 * The few HTML pages the authorization server shows a person: an error page (for requests that
 * must never be redirected, such as an unknown client or redirect URI) and the page shell the
 * patient picker uses. Everything interpolated is escaped.
 *
 * @module
 */
import type { Response } from 'express';
import { escapeHtml } from '../html.ts';

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #1b1f24; }
  h1 { font-size: 1.4rem; }
  fieldset { border: 1px solid #8c959f; border-radius: 6px; padding: 0.5rem 1rem; }
  label { display: block; padding: 0.4rem 0; cursor: pointer; }
  button { font: inherit; padding: 0.4rem 1.2rem; margin: 1rem 0.5rem 0 0; }
  .error { border-left: 4px solid #cf222e; padding-left: 1rem; }
`;

/** A complete page; `title` is escaped here, `bodyHtml` must already be safe. */
export function page(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${bodyHtml}
</body>
</html>`;
}

export function sendHtml(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // No scripts at all. No form-action limit: the picker's POST is answered by a redirect to
      // the app, which form-action would block in Chromium.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Referrer-Policy': 'no-referrer',
    })
    .send(html);
}

/** An error the browser's user sees, with no redirect back to the (untrusted) client. */
export function sendErrorPage(res: Response, status: number, description: string): void {
  const body = `<main class="error">
<h1>This app cannot sign in</h1>
<p>${escapeHtml(description)}</p>
<p>Nothing was shared with the app. Ask the app's administrator to check its registration.</p>
</main>`;
  sendHtml(res, status, page('Authorization error', body));
}
