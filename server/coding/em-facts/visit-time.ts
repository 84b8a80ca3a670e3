/**
 * Total practitioner time on the date of the encounter, from the clinician's time statement:
 * "Total time on the date of the encounter 52 minutes", "my total time … was 42 minutes", "I spent
 * 40 minutes with the patient today". Minutes spent on one activity ("we spent about five minutes
 * on quitting", "I spent 20 minutes counselling on diet") are not the visit's total, and minutes
 * that are not practitioner time ("wait 30 minutes before coffee", "every 5 minutes") never are.
 * When the note states the total twice, the last statement wins (a dictated addendum).
 *
 * @module
 */
import type { InputEvidence } from '../../contract/note-draft.ts';
import { MINUTES_NUMBER, parseNumber } from './sentence-cues.ts';
import { quoteEvidence, type Visit } from './visit-reading.ts';

export interface VisitTime {
  readonly minutes: number;
  readonly evidence: readonly InputEvidence[];
}

const TOTAL = new RegExp(
  String.raw`\btotal (?:(?:practitioner|physician|provider|clinician|face-to-face and non-face-to-face) )?time(?: spent)?\b[^.;]{0,120}?\b` +
    MINUTES_NUMBER +
    String.raw`\s*(?:minutes?|mins?)\b`,
);
const SPENT = new RegExp(
  String.raw`\b(?:i|we) (?:personally )?spent (?:a total of |about |approximately |roughly |over |more than |at least )?` +
    MINUTES_NUMBER +
    String.raw`\s*(?:minutes?|mins?)\b`,
);
const TIME_SPENT = new RegExp(
  String.raw`\btime spent(?: today| on the date of (?:the|this) (?:encounter|visit))?:?\s+` +
    MINUTES_NUMBER +
    String.raw`\s*(?:minutes?|mins?)\b`,
);
/** What may follow "I spent N minutes" and still mean the whole visit. */
const WHOLE_VISIT =
  /^\s*(?:$|[.,;]|today\b|in total\b|total\b|on (?:the|this) date\b|(?:with|on|in|caring for|in the care of) (?:you|him|her|them|the patient|this patient|the visit|this visit|the encounter|this encounter|(?:the|this|her|his|your) (?:patient's )?care)\b|face[- ]to[- ]face\b|on (?:this|her|his|the) patient\b)/;

/** The stated total time, or undefined when the visit states none. */
export function visitTime(visit: Visit): VisitTime | undefined {
  let found: VisitTime | undefined;
  for (const s of visit.sentences) {
    if (!s.clinician || s.question || !s.lower.includes('min')) continue;
    const total = TOTAL.exec(s.lower) ?? TIME_SPENT.exec(s.lower);
    const spent = total ? undefined : SPENT.exec(s.lower);
    const m = total ?? spent;
    if (!m) continue;
    if (spent && !WHOLE_VISIT.test(s.lower.slice(spent.index + spent[0].length))) continue;
    const minutes = parseNumber(m[1]!);
    if (minutes === undefined || minutes <= 0) continue;
    found = { minutes, evidence: [quoteEvidence(s, s.text.slice(m.index, m.index + m[0].length))] };
  }
  return found;
}
