/**
 * Replaces the generated results block of a Markdown file (docs/QUALITY.md) between two marker
 * comments, leaving the hand-written text around it alone, so `npm run eval:notes -- --write`
 * can refresh the numbers without anyone editing tables by hand.
 *
 * @module
 */
import { AppError } from '../../errors/app-error.ts';

export const RESULTS_BEGIN = '<!-- eval:notes results begin -->';
export const RESULTS_END = '<!-- eval:notes results end -->';

/** `doc` with the text between the markers replaced by `block`; `name` labels the error. */
export function replaceResultsBlock(doc: string, block: string, name = 'the file'): string {
  const begin = doc.indexOf(RESULTS_BEGIN);
  const end = doc.indexOf(RESULTS_END);
  if (begin < 0 || end < begin) {
    throw new AppError(
      'bad_request',
      `${name} has no results block: add the lines ${RESULTS_BEGIN} and ${RESULTS_END} where the results go.`,
    );
  }
  return `${doc.slice(0, begin + RESULTS_BEGIN.length)}\n${block.trim()}\n${doc.slice(end)}`;
}
