/**
 * How ICD-10-CM codes are written: CMS files give them without the dot (`E1165`); we store and
 * show them dotted (`E11.65`), the dot after the three-character category.
 *
 * @module
 */

/**
 * A dotted code as stored: a three-character category (a letter, then digits or letters: `E11`,
 * `QA0`), then up to four more characters after a dot.
 */
export const DOTTED_CODE = /^[A-Z][0-9A-Z][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

const UNDOTTED_CODE = /^[A-Z][0-9A-Z][0-9A-Z][0-9A-Z]{0,4}$/;

export function isUndottedCode(value: string): boolean {
  return UNDOTTED_CODE.test(value);
}

/** `E1165` → `E11.65`; a three-character category stays as it is. */
export function withDot(undotted: string): string {
  return undotted.length > 3 ? `${undotted.slice(0, 3)}.${undotted.slice(3)}` : undotted;
}

/** `E11.65` → `E1165`. */
export function withoutDot(code: string): string {
  return code.replace('.', '');
}

/**
 * Any spelling (`e1165`, ` E11.65 `) as stored: upper case, the dot after the category. Text that
 * is not code-shaped comes back upper-cased as typed, so an error can quote it.
 */
export function canonicalIcd10cm(code: string): string {
  const upper = code.trim().toUpperCase();
  const bare = withoutDot(upper);
  return isUndottedCode(bare) ? withDot(bare) : upper;
}
