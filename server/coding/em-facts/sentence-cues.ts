/**
 * The clinical-language cues every extractor needs about a term in a sentence: is it negated
 * ("no fracture", "isn't a complete rupture"), uncertain ("possible angina", "can't exclude an
 * early pneumonia"), inside a condition ("if the X-ray shows pneumonia, …") or a hypothetical
 * ("then we'd talk about a CT"), deferred to someone or some other time ("we'll leave the gout
 * with her"), or not about this patient's current problem at all (family history, prevention,
 * an old event, a textbook explanation). Negation and uncertainty come from the NegEx-style
 * module the drafting engine uses, fed with contractions spelled out.
 *
 * @module
 */
import { TEENS, TENS, UNITS } from '../../drafting/evidence/number-words.ts';
import { triggerScopes, words, type Polarity, type TriggerScope } from '../../drafting/builtin/negation.ts';

/** "isn't" → "is not", "can't" → "can not", so the negation triggers see them. */
export function expandContractions(lower: string): string {
  return lower
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bshan't\b/g, 'shall not')
    .replace(/n't\b/g, ' not');
}

interface Scoped {
  readonly tokens: readonly string[];
  readonly scopes: readonly TriggerScope[];
}

/** Scopes per sentence, computed once: every cue and term of a sentence asks about the same text. */
const scoped = new Map<string, Scoped>();
const SCOPE_CACHE_SIZE = 1000;

function scopesOf(lower: string): Scoped {
  const hit = scoped.get(lower);
  if (hit) return hit;
  const text = expandContractions(lower);
  const entry = { tokens: words(text), scopes: triggerScopes(text) };
  if (scoped.size >= SCOPE_CACHE_SIZE) scoped.clear();
  scoped.set(lower, entry);
  return entry;
}

/** `isInScope` of the negation module, on the sentence's cached scopes. */
function inScope(lower: string, term: string, polarity: Polarity): boolean {
  const { tokens, scopes } = scopesOf(lower);
  const termWords = words(term);
  if (termWords.length === 0) return false;
  for (let i = 0; i < tokens.length; i++) {
    if (termWords.every((w, k) => tokens[i + k] === w)) {
      if (scopes.some((s) => s.polarity === polarity && i >= s.start && i < s.end)) return true;
    }
  }
  return false;
}

/** Whether `term` (as it appears in `lower`) sits in a negation scope of the sentence. */
export function isNegated(lower: string, term: string): boolean {
  return inScope(lower, expandContractions(term), 'negated');
}

/** Sentence-level hedges the trigger list does not carry ("can't exclude", "to rule it out"). */
const HEDGE =
  /\b(?:can(?:no|')?t|can not|could not|couldn't) (?:completely |fully |entirely |yet )?(?:exclude|rule (?:it |this |that )?out|say (?:you have|it is|it's|for sure))|\b(?:to|want to|need to) (?:rule (?:it|this|that) out|exclude)|\brule (?:it|this|that) out\b|\bdifferential\b|\bworried (?:about|it (?:is|could be))|\bconcern(?:ed)? (?:about|for)\b|\bmost likely\b|\bnot (?:yet )?confirmed\b|\bhaven't confirmed\b/;

/** Whether `term` is hedged: in an uncertainty scope, or in a sentence that hedges as a whole. */
export function isUncertain(lower: string, term: string): boolean {
  return inScope(lower, expandContractions(term), 'uncertain') || HEDGE.test(lower);
}

/** Hedges that lean towards "not" ("probably not pneumonia", "to rule it out", "unlikely"). */
const LEANS_NO =
  /\bprobably not\b|\bunlikely\b|\brule (?:it|this|that)? ?out\b|\bcan(?:no|')?t (?:completely |fully )?exclude\b/;

export function leansNo(lower: string): boolean {
  return LEANS_NO.test(lower);
}

/** The part of `lower` before `at`, cut back to the start of its clause. */
export function clauseBefore(lower: string, at: number): string {
  const before = lower.slice(0, at);
  const cut = Math.max(
    before.lastIndexOf(';'),
    before.lastIndexOf(':'),
    before.lastIndexOf(', but'),
    before.lastIndexOf(' but '),
    before.lastIndexOf('. '),
  );
  return cut < 0 ? before : before.slice(cut + 1);
}

const CONDITION = /\b(?:if|unless|in case|should (?:you|it|the|he|she|they))\b/;

/** A condition ("if", "unless") opens before `at`: what follows is contingent, not done or decided. */
export function conditionalBefore(lower: string, at: number): boolean {
  return CONDITION.test(lower.slice(0, at));
}

const HYPOTHETICAL =
  /\b(?:would|could|might)\b(?! like| rather| prefer)|\b(?:i|we|you|it|that|they)'d\b(?! (?:like|love|prefer|rather|recommend|suggest|start|add|increase|want|also like))/g;

/** A would/could/'d modal governs `at` within its clause ("we'd think about an MRI then"). */
export function hypotheticalBefore(lower: string, at: number): boolean {
  const clauseStart = at - clauseBefore(lower, at).length;
  for (const m of lower.slice(clauseStart).matchAll(HYPOTHETICAL)) {
    if (clauseStart + m.index < at) return true;
  }
  return false;
}

const DEFERRAL =
  /\bleave (?:that|it|this|those|the [a-z-]+(?: [a-z-]+)?) (?:with|to|for)\b|\bbring (?:that|it|this) up with\b|\b(?:that|this)(?: one)? is for (?:your|her|his|the|them)\b|\b(?:its|it's|their|a|an?) own (?:visit|appointment)\b|\bseparate (?:visit|appointment)\b|\bnot my area\b|\bnothing to do\b|\b(?:handles|manages) (?:that|it|this)\b|\bdefer(?:red|ring)?\b|\bat (?:your|his|her|the) (?:\w+-year |annual |yearly )?(?:well(?:-child)? visit|checkup|check-up|physical|annual exam)\b|\blook at (?:that|it|this|the [a-z]+) (?:properly |more closely )?(?:then|next time|another time)\b|\banother (?:day|visit)\b/;

/** The clinician hands the problem to someone else or to another visit: mentioned, not addressed. */
export function isDeferral(lower: string): boolean {
  return DEFERRAL.test(lower);
}

const FAMILY =
  /\b(?:father|mother|dad|mom|mum|brother|sister|grandmother|grandfather|grandparents?|aunt|uncle|family|parents?|siblings?)(?:'s)?\b[^.;,]{0,30}$/;
const HISTORICAL = /\b(?:old|prior|previous|past|history of|years ago|as a child)\s+(?:[a-z-]+\s+)?$/;
const PREVENTION =
  /\b(?:protect(?:ed|s|ing)? (?:you )?(?:from|against)|prevent(?:s|ing)?|risk of|reduce (?:the|your) risk of|screen(?:ing)? for|to avoid)\s+(?:[a-z-]+\s+){0,2}$/;
const GENERIC =
  /\b(?:pattern of|people with|patients with|someone with|anyone with|such as|what we call)\s+(?:[a-z-]+\s+){0,2}$/;
const DESCRIPTIVE_AFTER = /^(?:-type|-like| type\b| like\b)/;

/**
 * The mention at `[start, end)` is about someone else, the past, prevention or the textbook
 * ("a father with a heart attack at 52", "an old heart attack", "protected from stroke",
 * "the classic pattern of stable angina", "angina-type chest pain"), not a current problem.
 */
export function isAside(lower: string, start: number, end: number): boolean {
  const before = lower.slice(Math.max(0, start - 60), start);
  return (
    FAMILY.test(before) ||
    HISTORICAL.test(before) ||
    PREVENTION.test(before) ||
    GENERIC.test(before) ||
    DESCRIPTIVE_AFTER.test(lower.slice(end, end + 6))
  );
}

/** Number words as the drafting engine reads them (one source for spoken numbers). */
const NUMBER_WORDS: Readonly<Record<string, number>> = { ...UNITS, ...TEENS, ...TENS };

/** "44", "five", "twenty-five", "forty five" as a number; undefined otherwise. */
export function parseNumber(words: string): number | undefined {
  const w = words.trim();
  if (/^\d{1,3}$/.test(w)) return Number(w);
  const parts = w.split(/[\s-]+/);
  let total = 0;
  for (const part of parts) {
    const n = NUMBER_WORDS[part];
    if (n === undefined) return undefined;
    total += n;
  }
  return parts.length > 0 ? total : undefined;
}

/** A minutes count as written: digits or number words (at most two words). */
export const MINUTES_NUMBER = String.raw`(\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;

/** A minor procedure done at the visit (reported separately, so the E/M takes modifier 25). */
export const MINOR_PROCEDURE =
  /\b(?:incision and drainage|drained (?:the|an?) (?:abscess|cyst)|laceration repair|(?:placed|put in) (?:\w+ )?(?:sutures|stitches)|sutured|(?:did|performed|took) (?:a|the) (?:shave |punch )?biopsy|cryotherapy|froze (?:the|it|them)|(?:steroid|cortisone|joint|trigger point) injection (?:today|now|into)|injected (?:the|your|his|her)|removed (?:the|your) (?:\w+ )?(?:skin tag|wart|lesion|toenail|nail|foreign body|earwax|cerumen)|excised)\b/;
