/**
 * What the clinician did with tests at this visit: results reviewed (a value or finding given,
 * or a report read), tests ordered (first person, not conditional or hypothetical: "I want a
 * chest X-ray today", not "then we'd talk about a CT"), and tests performed by another physician
 * that the clinician interprets personally ("I've gone through the tracing myself"). "The images"
 * and "the radiologist's report" refer to the imaging last discussed. Each event keeps whether
 * the result came from outside, so a result this practice ordered earlier can be told apart.
 *
 * @module
 */
import { TEST_TERMS, bodyPartNear, type TestEntry } from './test-lexicon.ts';
import {
  clauseBefore,
  conditionalBefore,
  hypotheticalBefore,
  isDeferral,
  isNegated,
} from './sentence-cues.ts';
import { findTerms, type TermMatch } from './term-matcher.ts';
import { clinicianStatements, type Visit, type VisitSentence } from './visit-reading.ts';

export interface TestEvent {
  readonly key: string;
  readonly label: string;
  readonly entry: TestEntry;
  readonly sentence: VisitSentence;
  /** The test as written, for evidence. */
  readonly quote: string;
  /** The result came from another practice ("she also sent labs", "Dr. Okafor's labs"). */
  readonly external: boolean;
  /** The result is from today ("when you came in"), so it cannot have been ordered earlier. */
  readonly today: boolean;
}

export interface TestActivity {
  readonly reviewed: readonly TestEvent[];
  readonly ordered: readonly TestEvent[];
  readonly interpreted: readonly TestEvent[];
  /** "We got your blood work from last week": this practice ordered the results now reviewed. */
  readonly ownPriorOrder?: VisitSentence;
}

const ORDER =
  /\b(?:i (?:want|would like|need)|i'd (?:also )?like|the test i want|i(?:'m| am) (?:also )?(?:ordering|going to (?:order|check|get|send|repeat))|i(?:'ll| will) (?:also )?(?:order|check|recheck|get|send|repeat|draw)|i(?:'ve| have)? ordered|we(?:'ll| will| are going to|'re going to) (?:also )?(?:check|recheck|get|order|schedule|do|draw|repeat|run|send)|let's (?:check|get|order|do|schedule|repeat|recheck|run)|(?:today )?i'm also ordering|ordering)\b/;
const VALUE_AFTER =
  /^[^.;?]{0,45}?(?:\b(?:is|was|were|are|of|at|came back|went up to|went down to|now|today)\s+(?:about |around |only |still |up |down )?[<>]?\d|^[,:]?\s*[<>]?\d)/;
const FINDING_AFTER =
  /^[^.;?]{0,40}?\b(?:normal|abnormal|negative|positive|elevated|unremarkable|reasonable|fine|good|showed|shows|says|read (?:it )?as|looks?)\b/;
const REVIEW_BEFORE =
  /\b(?:i(?:'ve| have)? (?:also )?(?:looked at|reviewed|read|gone (?:over|through)|went (?:over|through)|pulled up|seen|checked)|i (?:also )?have (?:the|your|her|his|their)|we got (?:the|your))\b/;
const RESULT_NEXT = /^(?:so )?(?:it|they|that|this)(?:'s| is| was| were| are| showed| shows| came back)\b/;
const INTERPRET =
  /\bmy own (?:read|reading|interpretation|review|look)\b|\bmyself\b|\bmy (?:independent|personal) (?:read|interpretation|review)\b|\bindependent(?:ly)? (?:interpret|review|read)\w*|\bi (?:personally|independently) (?:reviewed|read|interpreted|looked at)\b/;
const EXTERNAL =
  /\b(?:she|he|they)(?: also)? (?:sent|did|ordered|checked|drew|faxed)\b|\bdr\. ?[a-z]+|'s labs\b|\b(?:outside|urgent care|primary[- ]care|primary doctor|your primary|records|referring|from (?:her|his|their)|her labs|his labs|their machine)\b/;
const TODAY = /\b(?:today|this morning|when you came in|just now|in the office)\b/;
const OWN_PRIOR_ORDER =
  /\b(?:we|i) (?:got|have|received) (?:your|the) (?:blood ?work|labs?|lab results|results|tests?)\b|\bthe (?:labs?|blood ?work|tests?) (?:that )?(?:i|we) (?:ordered|sent you for|asked for)\b|\bas (?:we|i) (?:planned|ordered)\b|\blast time we checked\b/;

type Mention = TermMatch<TestEntry>;

function keyed(
  m: Mention,
  lower: string,
  lastImaging: TestEvent | undefined,
): { key: string; label: string } | undefined {
  const entry = m.entry;
  if (entry.imagingReference)
    return lastImaging ? { key: lastImaging.key, label: lastImaging.label } : undefined;
  if (!entry.byBodyPart) return { key: entry.key, label: entry.label };
  const part = bodyPartNear(lower, m.start, m.end);
  return part
    ? { key: `${entry.key}-${part}`, label: `${entry.label} (${part})` }
    : { key: entry.key, label: entry.label };
}

function event(m: Mention, id: { key: string; label: string }, sentence: VisitSentence): TestEvent {
  return {
    key: id.key,
    label: id.label,
    entry: m.entry,
    sentence,
    quote: sentence.text.slice(m.start, m.end),
    external: EXTERNAL.test(sentence.lower),
    today: TODAY.test(clauseAround(sentence.lower, m.start, m.end)),
  };
}

/** The clause holding `[start, end)`: from the last ";" or "." before it to the next one after. */
function clauseAround(lower: string, start: number, end: number): string {
  const from = Math.max(lower.lastIndexOf(';', start), lower.lastIndexOf('. ', start)) + 1;
  const next = lower.slice(end).search(/[;]|\. /);
  return lower.slice(from, next < 0 ? lower.length : end + next);
}

/** "Whatever the stress test shows", "after the stress test": a result not yet in hand. */
const NOT_YET = /\b(?:whatever|if|when|until|after|before|once|pending)\b/;

function isReview(m: Mention, s: VisitSentence, next: VisitSentence | undefined): boolean {
  if (NOT_YET.test(clauseBefore(s.lower, m.start).slice(-30))) return false;
  const after = s.lower.slice(m.end);
  if (VALUE_AFTER.test(after) || FINDING_AFTER.test(after)) return true;
  if (REVIEW_BEFORE.test(s.lower.slice(0, m.start))) return true;
  return next !== undefined && next.turn === s.turn && RESULT_NEXT.test(next.lower);
}

/** Every test reviewed, ordered or independently interpreted at the visit, in order. */
export function testActivity(visit: Visit): TestActivity {
  const reviewed: TestEvent[] = [];
  const ordered: TestEvent[] = [];
  const interpreted: TestEvent[] = [];
  let lastImaging: TestEvent | undefined;
  const statements = clinicianStatements(visit);
  statements.forEach((s, i) => {
    const found = findTerms(TEST_TERMS, s.lower);
    if (found.length === 0 || isDeferral(s.lower)) return;
    for (const m of found) {
      const id = keyed(m, s.lower, lastImaging);
      if (!id || isNegated(s.lower, m.text)) continue;
      const ev = event(m, id, s);
      const contingent = conditionalBefore(s.lower, m.start) || hypotheticalBefore(s.lower, m.start);
      if (INTERPRET.test(s.lower) && m.entry.kind !== 'lab') interpreted.push(ev);
      else if (ORDER.test(s.lower.slice(0, m.start)) && !contingent) ordered.push(ev);
      else if (!contingent && isReview(m, s, statements[i + 1])) reviewed.push(ev);
      else continue;
      if (m.entry.kind !== 'lab') lastImaging = ev;
    }
  });
  const ownPriorOrder = statements.find((s) => OWN_PRIOR_ORDER.test(s.lower) && !EXTERNAL.test(s.lower));
  return { reviewed, ordered, interpreted, ...(ownPriorOrder ? { ownPriorOrder } : {}) };
}
