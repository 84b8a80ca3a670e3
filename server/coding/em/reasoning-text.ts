/**
 * Small English helpers for the E/M reasoning sentences, so every column words counts and lists
 * the same way ("two items", "A, B and C"). Reasoning is read by clinicians and coders, so numbers
 * up to ten are spelt out as a coder would write them.
 *
 * @module
 */

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "three" for 3; digits above ten. */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "one item", "three items": `plural` defaults to `singular` + "s". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${countWord(n)} ${n === 1 ? singular : plural}`;
}

/** "A", "A and B", "A, B and C". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * Labels inside parentheses, separated by semicolons: labels such as "Hypertension, not at goal"
 * carry their own commas, so commas between them would blur where one ends.
 */
export function labelList(labels: readonly string[]): string {
  return `(${labels.join('; ')})`;
}

/** "Moderate" from "moderate". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
