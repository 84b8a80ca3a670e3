/**
 * Note vocabulary for everyday words: a clinician reads "tympanic membrane", "bilaterally" and
 * "emergency department" in a note, not "eardrum", "on both sides" and "emergency room". Only
 * words with one clinical meaning are swapped, never a number, a drug or a side (the rules keep
 * each number and turn "both sides" into "bilaterally", which the evidence check reads as the
 * same side). Patient instructions keep the plain words: they are written for the patient.
 *
 * @module
 */

type Rule = readonly [RegExp, string];

const RULES: readonly Rule[] = [
  [/\bear ?drums\b/gi, 'tympanic membranes'],
  [/\bear ?drum\b/gi, 'tympanic membrane'],
  [/\b(?:on|in) both sides\b/gi, 'bilaterally'],
  [/\bemergency room\b/gi, 'emergency department'],
  [/\bwater pills?\b/gi, 'diuretic'],
  // "Sports medicine" and "internal medicine" are specialties, not drugs.
  [/(?<!\b(?:sports|internal|family|emergency|nuclear)\s)\bmedicines\b/gi, 'medications'],
  [/\bthrowing up\b/gi, 'vomiting'],
  [/\b(has been|is|was|have been|are) killing (?:her|him|them|me)\b/gi, '$1 causing significant pain'],
  [/\bfainting(?!\s+spells?)\b/gi, 'syncope'],
  [/\b(\d+(?:\.\d+)?)\s*kilos?\b/gi, '$1 kg'],
  [/\b(\d+(?:\.\d+)?)\s*centimeters?\b/gi, '$1 cm'],
  [/\b(\d+(?:\.\d+)?)\s*pounds?\b/gi, '$1 lb'],
];

/**
 * A time statement as coders look for it: "Total time I personally spent on this patient's care
 * today was 44 minutes" → "Total time on the date of service was 44 minutes".
 */
const TIME_STATEMENT =
  /\btotal time (?:that )?(?:i|we) (?:personally )?spent (?:on (?:this patient's|the patient's|her|his|their) care |with (?:the patient|her|him|them) )?today (?:was|is)\b/i;

export function clinicalWording(text: string): string {
  let out = text.replace(TIME_STATEMENT, 'Total time on the date of service was');
  for (const [re, to] of RULES) {
    out = out.replace(re, (match: string, group?: unknown) =>
      keepCase(match, to.replace('$1', typeof group === 'string' ? group : '')),
    );
  }
  return out;
}

/** A replacement at the start of a sentence keeps its capital. */
function keepCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}
