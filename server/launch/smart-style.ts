/**
 * The EHR's `smart_style_url` document, fetched by the server (the iframe cannot read another
 * origin's JSON) from the EHR's own origins only, validated field by field so nothing but a colour,
 * a length or a font list reaches the plugin's CSS, and cached per URL.
 *
 * @module
 */
import { z } from 'zod';
import type { FetchLike } from '../../launch/discovery.ts';
import type { SmartStyle } from '../contract/launch-session.ts';

const colour = z
  .string()
  .max(64)
  .regex(/^(#[0-9a-fA-F]{3,8}|rgba?\([\d\s.,%]+\)|hsla?\([\d\s.,%deg]+\)|[a-zA-Z]{3,20})$/);
const length = z
  .string()
  .max(16)
  .regex(/^\d+(\.\d+)?(px|rem|em|%)?$/);
const fontList = z
  .string()
  .max(200)
  .regex(/^[\w\s,'"-]+$/);

const FIELDS = {
  color_background: ['colorBackground', colour],
  color_error: ['colorError', colour],
  color_highlight: ['colorHighlight', colour],
  color_modal_backdrop: ['colorModalBackdrop', colour],
  color_success: ['colorSuccess', colour],
  color_text: ['colorText', colour],
  dim_border_radius: ['dimBorderRadius', length],
  dim_font_size: ['dimFontSize', length],
  dim_spacing_size: ['dimSpacingSize', length],
  font_family_body: ['fontFamilyBody', fontList],
  font_family_heading: ['fontFamilyHeading', fontList],
} as const satisfies Record<string, readonly [keyof SmartStyle, z.ZodType<string>]>;

/** Keeps each field that passes its rule; drops the rest. */
export function readSmartStyle(document: unknown): SmartStyle {
  const style: Record<string, string> = {};
  if (typeof document !== 'object' || document === null) return style;
  for (const [key, [name, rule]] of Object.entries(FIELDS)) {
    const parsed = rule.safeParse((document as Record<string, unknown>)[key]);
    if (parsed.success) style[name] = parsed.data;
  }
  return style;
}

/** Where an EHR's style document may come from: its FHIR server's origin and its frame origins. */
export function styleOrigins(registration: {
  readonly issuer: string;
  readonly frameOrigins: readonly string[];
}): string[] {
  return [new URL(registration.issuer).origin, ...registration.frameOrigins];
}

export interface SmartStyleSource {
  /** The style for this URL, or undefined when it is off-origin, unreachable or unusable. */
  get(url: string, allowedOrigins: readonly string[]): Promise<SmartStyle | undefined>;
}

export function createSmartStyleSource(
  fetchFn: FetchLike,
  ttlMs = 3_600_000,
  now = Date.now,
): SmartStyleSource {
  const cache = new Map<string, { at: number; value: Promise<SmartStyle | undefined> }>();
  const load = async (url: string): Promise<SmartStyle | undefined> => {
    try {
      const res = await fetchFn(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(3_000),
      });
      if (!res.ok) return undefined;
      const text = await res.text();
      if (text.length > 16_384) return undefined;
      return readSmartStyle(JSON.parse(text));
    } catch {
      return undefined;
    }
  };
  return {
    get(url, allowedOrigins) {
      if (!URL.canParse(url) || !allowedOrigins.includes(new URL(url).origin))
        return Promise.resolve(undefined);
      const hit = cache.get(url);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = load(url);
      cache.set(url, { at: now(), value });
      return value;
    },
  };
}
