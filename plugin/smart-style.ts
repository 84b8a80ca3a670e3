/**
 * The EHR's `smart_style_url` look, applied as CSS custom properties on the document root so the
 * app's colours, fonts, radius, size and spacing follow the chart around it. The server validates
 * the style too; here each value must still look like a colour, a length or a font list before it
 * is set (nothing that could smuggle `url()`, `;` or another declaration). Unset values keep the
 * stylesheet's defaults.
 *
 * @module
 */
import type { SmartStyle } from '../server/contract/launch-session.ts';

type Kind = 'colour' | 'length' | 'fonts';

/** SmartStyle key → the custom property styles.css reads, and what kind of value it takes. */
const PROPERTIES: Readonly<Record<keyof SmartStyle, readonly [string, Kind]>> = {
  colorBackground: ['--rp-bg', 'colour'],
  colorText: ['--rp-text', 'colour'],
  colorHighlight: ['--rp-accent', 'colour'],
  colorError: ['--rp-error', 'colour'],
  colorSuccess: ['--rp-success', 'colour'],
  colorModalBackdrop: ['--rp-backdrop', 'colour'],
  dimBorderRadius: ['--rp-radius', 'length'],
  dimFontSize: ['--rp-font-size', 'length'],
  dimSpacingSize: ['--rp-space', 'length'],
  fontFamilyBody: ['--rp-font', 'fonts'],
  fontFamilyHeading: ['--rp-font-heading', 'fonts'],
};

const HEX = /^#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;
const FUNCTIONAL = /^(?:rgba?|hsla?)\(\s*[\d.%\s,/+-]+\)$/i;
const NAMED = /^[a-z]{3,24}$/i;
const LENGTH = /^(?:0|\d{1,4}(?:\.\d{1,3})?(?:px|rem|em|pt|%))$/;
const FONT_LIST = /^[\w\s,'"-]{1,200}$/;

export function looksValid(kind: Kind, value: string): boolean {
  const v = value.trim();
  switch (kind) {
    case 'colour':
      return HEX.test(v) || FUNCTIONAL.test(v) || NAMED.test(v);
    case 'length':
      return LENGTH.test(v);
    case 'fonts':
      return FONT_LIST.test(v);
  }
}

/** Sets the custom properties for the valid values; returns the names it set (for tests and debugging). */
export function applySmartStyle(root: HTMLElement, style: SmartStyle | undefined): string[] {
  const applied: string[] = [];
  if (!style) return applied;
  for (const key of Object.keys(PROPERTIES) as (keyof SmartStyle)[]) {
    const value = style[key];
    const [property, kind] = PROPERTIES[key];
    if (typeof value === 'string' && looksValid(kind, value)) {
      root.style.setProperty(property, value.trim());
      applied.push(property);
    }
  }
  return applied;
}
