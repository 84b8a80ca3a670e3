/**
 * What an add-on rule decides for one visit: the add-ons it suggests, and the ones a reviewer
 * might expect that it deliberately does not, each with its reason.
 *
 * @module
 */
import type { AddOnCode, AddOnNotSuggested } from '../../contract/coding.ts';

export interface AddOnDecision {
  readonly addOns: readonly AddOnCode[];
  readonly notSuggested: readonly AddOnNotSuggested[];
}
