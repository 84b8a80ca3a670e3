/**
 * The last touch on a note sentence: capital first letter and "I", units as notes write them
 * ("milligrams" → "mg", "148 over 90" → "148/90"), a full stop instead of a question mark. Only
 * spelling changes here; no number, drug or side is added, removed or changed, so the sentence
 * still matches the words it cites.
 *
 * @module
 */

type Rule = readonly [RegExp, string];

const UNITS: readonly Rule[] = [
  [/\b(\d+(?:\.\d+)?)\s*(?:milligrams?|mgs)\b/gi, '$1 mg'],
  [/\b(\d+(?:\.\d+)?)\s*micrograms?\b/gi, '$1 mcg'],
  [/\b(\d+(?:\.\d+)?)\s*milliliters?\b/gi, '$1 mL'],
  [/\b(\d+(?:\.\d+)?)\s*kilograms?\b/gi, '$1 kg'],
  [/\b(\d{2,3})\s+over\s+(\d{2,3})\b/gi, '$1/$2'],
  [/\b(\d+(?:\.\d+)?)\s*percent\b/gi, '$1%'],
];

export function finishSentence(text: string): string {
  let out = text.trim();
  for (const [re, to] of UNITS) out = out.replace(re, to);
  out = out
    .replace(/\bi\b/g, 'I')
    .replace(/\s+([,.;:?!])/g, '$1')
    .replace(/[,;:\s-]+$/, '')
    .replace(/\?+$/, '.');
  if (!/[.!]$/.test(out)) out += '.';
  return out.charAt(0).toUpperCase() + out.slice(1);
}
