/**
 * Markup for the sandbox's server-rendered pages (EHR chart, authorization server): an escaping
 * template tag, so interpolated text is always escaped unless it is already SafeHtml.
 *
 * @module
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Markup that is already safe to emit. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

type Interpolation = string | number | SafeHtml | readonly SafeHtml[] | undefined | null | false;

/** Template tag: interpolated strings are escaped; SafeHtml (and arrays of it) pass through. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly SafeHtml[]).map((v) => v.value).join('');
  return escapeHtml(String(value));
}
