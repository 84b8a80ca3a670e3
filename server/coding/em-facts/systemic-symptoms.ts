/**
 * Systemic symptoms reported at the visit, by group (fever, chills, sweats, body aches, malaise),
 * from anyone's statements that affirm them: "Chills, sweats, and my whole body aches" counts,
 * "no sweating", "any chills?" and "if he seems very sleepy, call" do not. The problems column
 * uses the number of groups to tell an acute illness with systemic symptoms from a minor illness
 * with a fever (AMA: fever or aches in a minor illness treated to relieve symptoms is acute,
 * uncomplicated).
 *
 * @module
 */
import type { InputEvidence } from '../../contract/note-draft.ts';
import { conditionalBefore, isNegated } from './sentence-cues.ts';
import { quoteEvidence, type Visit } from './visit-reading.ts';

const GROUPS: readonly (readonly [string, RegExp])[] = [
  [
    'fever',
    /\b(?:fevers?|febrile|felt hot|running a temp\w*|temperature (?:of |was |is |up to )?(?:10[0-6]|3[89])(?:\.\d)?)\b/,
  ],
  ['chills', /\b(?:chills|rigors|shaking chills)\b/],
  ['sweats', /\b(?:sweats|sweating|night sweats|diaphoresis|diaphoretic)\b/],
  ['body aches', /\b(?:body aches?|aches|achy|myalgias?|muscle aches)\b/],
  ['malaise', /\b(?:malaise|fatigue|fatigued|lethargic|lethargy|exhausted|wiped out)\b/],
];

/** Words every group's pattern needs one of: most sentences are skipped with one test. */
const HINT =
  /fever|febrile|hot|temp|chill|rigor|sweat|diaphore|ache|achy|myalg|malaise|fatigue|letharg|exhaust|wiped/;

export interface SystemicSymptoms {
  /** The groups affirmed, in table order. */
  readonly groups: readonly string[];
  readonly evidence: readonly InputEvidence[];
}

/** The systemic symptom groups the visit affirms. */
export function systemicSymptoms(visit: Visit): SystemicSymptoms {
  const groups: string[] = [];
  const evidence: InputEvidence[] = [];
  for (const s of visit.sentences) {
    if (s.question || s.timeStatement || !HINT.test(s.lower)) continue;
    for (const [group, re] of GROUPS) {
      if (groups.includes(group)) continue;
      const m = re.exec(s.lower);
      if (!m || conditionalBefore(s.lower, m.index) || isNegated(s.lower, m[0])) continue;
      groups.push(group);
      evidence.push(quoteEvidence(s, s.text.slice(m.index, m.index + m[0].length)));
    }
  }
  const order = GROUPS.map(([g]) => g);
  return { groups: groups.sort((a, b) => order.indexOf(a) - order.indexOf(b)), evidence };
}
