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

export interface ResultsMarkers {
  readonly begin: string;
  readonly end: string;
}

const NOTES_MARKERS: ResultsMarkers = { begin: RESULTS_BEGIN, end: RESULTS_END };

/**
 * `doc` with the text between the markers replaced by `block`; `name` labels the error. Each
 * evaluation (notes, codes) has its own pair of markers.
 */
export function replaceResultsBlock(
  doc: string,
  block: string,
  name = 'the file',
  markers: ResultsMarkers = NOTES_MARKERS,
): string {
  const begin = doc.indexOf(markers.begin);
  const end = doc.indexOf(markers.end);
  if (begin < 0 || end < begin) {
    throw new AppError(
      'bad_request',
      `${name} has no results block: add the lines ${markers.begin} and ${markers.end} where the results go.`,
    );
  }
  return `${doc.slice(0, begin + markers.begin.length)}\n${block.trim()}\n${doc.slice(end)}`;
}
