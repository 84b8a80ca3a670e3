/**
 * Medication decisions the clinician makes at this visit: a drug started, adjusted, stopped or
 * continued, read from a decision verb that governs the drug ("I'm adding amlodipine", "increase
 * your lisinopril", "keep the trazodone"), from words after it ("amoxicillin is the right
 * choice", "lisinopril goes up to 40"), from "the dose"/"it" referring to the drug just discussed,
 * or from a dosing instruction given after the examination. Questions, medication review
 * ("you're on metformin"), conditions ("if the X-ray shows pneumonia, … an antibiotic"),
 * hypotheticals ("it would be doxycycline") and negations ("I don't want to add a
 * benzodiazepine") are not decisions.
 *
 * @module
 */
import { DRUG_TERMS, type DrugEntry } from './drug-lexicon.ts';
import { clauseBefore, conditionalBefore, hypotheticalBefore, isNegated } from './sentence-cues.ts';
import { findTerms, type TermMatch } from './term-matcher.ts';
import type { DrugTerm } from './drug-lexicon.ts';
import { clinicianStatements, type Visit, type VisitSentence } from './visit-reading.ts';

export type DrugAction = 'start' | 'increase' | 'reduce' | 'adjust' | 'stop' | 'continue';

export interface DrugDecision {
  readonly drug: DrugEntry;
  /** The drug as the clinician named it ("Lantus", "the water pill"). */
  readonly name: string;
  readonly action: DrugAction;
  /** Prescribed (or an over-the-counter drug sent as a prescription). */
  readonly prescription: boolean;
  readonly sentence: VisitSentence;
  /** The words that carry the decision, for evidence. */
  readonly quote: string;
}

const VERBS: readonly (readonly [RegExp, DrugAction])[] = [
  [/\b(?:increas(?:e|ed|ing)|rais(?:e|ing)|doubl(?:e|ing)|bump(?:ing)? up|go(?:ing)? up on)\b/g, 'increase'],
  [
    /\b(?:decreas(?:e|ing)|reduc(?:e|ing)|lower(?:ing)?|cut(?:ting)?|halv(?:e|ing)|taper(?:ing)?|go(?:ing)? down on)\b/g,
    'reduce',
  ],
  [/\b(?:adjust(?:ing)?|titrat(?:e|ing)|chang(?:e|ing) (?:the dose of|your))\b/g, 'adjust'],
  [/\b(?:stop(?:ping)?|discontinu(?:e|ing)|hold(?:ing)? off on|hold(?:ing)?|com(?:e|ing) off)\b/g, 'stop'],
  [
    /\b(?:start(?:ing)?|add(?:ing)?|prescrib(?:e|ing)|send(?:ing)?|begin(?:ning)?|switch(?:ing)? (?:you )?to|put(?:ting)? you on|try(?:ing)?|time for|giv(?:e|ing) you|(?:you can |please )?use)\b/g,
    'start',
  ],
  [
    /\b(?:continu(?:e|ing)|keep(?:ing)?(?: taking| using| on)?|stay(?:ing)? on|remain on)\b|(?:^|[,;:]\s*|\b(?:please|and|then|just|so|first|second|third)\s+)take\b/g,
    'continue',
  ],
];

/** The verbs without the global flag, to test a gap between two drugs. */
const VERB_TESTS = VERBS.map(([re]) => new RegExp(re.source));

/** Words after a drug that decide it ("amoxicillin is the right choice", "lisinopril goes up to 40"). */
const AFTER: readonly (readonly [RegExp, DrugAction])[] = [
  [/^[^.;]{0,30}?\b(?:goes|go|going) up\b/, 'increase'],
  [/^[^.;]{0,30}?\b(?:goes|go|going) down\b/, 'reduce'],
  [/^[^.;]{0,20}?\bis (?:the right|the best|a good) (?:choice|option)\b/, 'start'],
  [/^[^.;]{0,30}?\b(?:stays|remains) the same\b/, 'continue'],
];

const REFERENCE =
  /^\s*(?:(?:the|your|this|that|a) )?(?:dose|dosage|prescription|medicine|medication|pill)s?\b|^\s*(?:it|them)\b/;
const MAY_REFER =
  /\b(?:increas|decreas|reduc|lower|rais|doubl|halv|cut|adjust|titrat|stop|discontinu|hold|start|add|prescrib|send|continu|keep|stay|take|use)\w*\s+(?:(?:the|your|this|that|a) )?(?:dose|dosage|prescription|medicine|medication|pill|it|them)\b/;
/** A drug's name within this many words after its verb, or a list continuing from it. */
const WINDOW_WORDS = 8;
const LIST_BREAK = /\b(?:to|with|on|from|for|instead of|than|but|if|because)\b/;
const REVIEW =
  /\b(?:you(?:'re| are) (?:on|taking)|you take|you've been (?:on|taking)|i(?:'m| am) on|i take|been on|she (?:started|put)|he (?:started|put)|they (?:started|put)|for years)\b/;
const DOSE =
  /\b\d[\d.,]*[ -]?(?:mg|milligrams?|mcg|micrograms?|units?|ml|milliliters?|puffs?|tablets?|capsules?|grams?)\b/;
const FREQUENCY =
  /\b(?:daily|a day|per day|twice|three times|four times|once|every|nightly|at bedtime|as needed|in the morning|in the evening)\b/;

interface Mention extends TermMatch<DrugTerm> {
  readonly sentence: VisitSentence;
}

/** Drugs named in a sentence; none in talk of allergies ("allergic to penicillin"). */
function mentionsIn(sentence: VisitSentence, recent: readonly VisitSentence[]): Mention[] {
  if (sentence.lower.includes('allerg')) return [];
  const found = findTerms(DRUG_TERMS, sentence.lower);
  if (found.length === 0) return [];
  return found
    .filter((m) => !m.entry.contextual || recent.some((s) => m.entry.entry.contextCue?.test(s.lower)))
    .map((m) => ({ ...m, sentence }));
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isPrescription(drug: DrugEntry, sentence: VisitSentence): boolean {
  return (
    !drug.otc || /\bprescri|\b(?:i'll|i will|i'm going to) send\b|\bsend (?:the|a) /.test(sentence.lower)
  );
}

/** The drugs a verb at `verbEnd` governs: the first within the window, and a list continuing from it. */
function governed(mentions: readonly Mention[], lower: string, verbEnd: number): Mention[] {
  const after = mentions.filter((m) => m.start >= verbEnd);
  const first = after[0];
  if (!first || words(lower.slice(verbEnd, first.start)) > WINDOW_WORDS) return [];
  const out = [first];
  for (let i = 1; i < after.length; i++) {
    const gap = lower.slice(after[i - 1]!.end, after[i]!.start);
    if (LIST_BREAK.test(gap) || /[.;]/.test(gap) || VERB_TESTS.some((re) => re.test(gap))) break;
    out.push(after[i]!);
  }
  return out;
}

function decision(m: Mention, action: DrugAction, quoteEnd: number): DrugDecision {
  const { sentence } = m;
  return {
    drug: m.entry.entry,
    name: sentence.text.slice(m.start, m.end),
    action,
    prescription: isPrescription(m.entry.entry, sentence),
    sentence,
    quote: sentence.text.slice(Math.min(m.start, quoteEnd), Math.max(m.end, quoteEnd)),
  };
}

/** Negated within its own clause: "since he hasn't had it, amoxicillin is the right choice" is not. */
function negatedInClause(lower: string, m: Mention, at: number): boolean {
  const upTo = Math.min(at, m.start);
  const from =
    Math.max(lower.lastIndexOf(',', upTo), lower.lastIndexOf(';', upTo), lower.lastIndexOf(':', upTo)) + 1;
  return isNegated(lower.slice(from), m.text);
}

function blocked(m: Mention, at: number): boolean {
  const lower = m.sentence.lower;
  return (
    conditionalBefore(lower, at) ||
    hypotheticalBefore(lower, at) ||
    negatedInClause(lower, m, at) ||
    REVIEW.test(clauseBefore(lower, m.start))
  );
}

/** A decision on a drug named in an earlier sentence ("I'm increasing the dose"), quoted here. */
function referredDecision(
  m: Mention,
  action: DrugAction,
  sentence: VisitSentence,
  verb: { readonly at: number; readonly end: number },
): DrugDecision {
  const reference = REFERENCE.exec(sentence.lower.slice(verb.end))?.[0] ?? '';
  return {
    ...decision(m, action, m.end),
    sentence,
    quote: sentence.text.slice(verb.at, verb.end + reference.length),
  };
}

/** Decisions a verb carries: the drugs it governs, or the drug just discussed when it says "the dose". */
function verbDecisions(sentence: VisitSentence, mentions: readonly Mention[], lastDrug: Mention | undefined) {
  const lower = sentence.lower;
  const out: DrugDecision[] = [];
  const decided = new Set<Mention>();
  for (const [verb, action] of VERBS) {
    for (const v of lower.matchAll(verb)) {
      if (conditionalBefore(lower, v.index) || hypotheticalBefore(lower, v.index)) continue;
      const verbEnd = v.index + v[0].length;
      const targets = governed(mentions, lower, verbEnd);
      for (const m of targets) {
        if (decided.has(m) || blocked(m, v.index)) continue;
        decided.add(m);
        out.push(decision(m, action, v.index));
      }
      if (
        targets.length === 0 &&
        lastDrug &&
        !decided.has(lastDrug) &&
        REFERENCE.test(lower.slice(verbEnd))
      ) {
        decided.add(lastDrug);
        out.push(referredDecision(lastDrug, action, sentence, { at: v.index, end: verbEnd }));
      }
    }
  }
  return { out, decided };
}

function decisionsIn(
  sentence: VisitSentence,
  mentions: readonly Mention[],
  lastDrug: Mention | undefined,
  afterExam: boolean,
  onList: (drug: DrugEntry) => boolean,
): DrugDecision[] {
  const lower = sentence.lower;
  if (mentions.length === 0 && (!lastDrug || !MAY_REFER.test(lower))) return [];
  const { out, decided } = verbDecisions(sentence, mentions, lastDrug);
  for (const m of mentions) {
    if (decided.has(m)) continue;
    const rule = AFTER.find(([re]) => re.test(lower.slice(m.end)));
    if (rule && !blocked(m, m.start)) {
      decided.add(m);
      out.push(decision(m, rule[1], m.end));
      continue;
    }
    // A dosing instruction after the examination, in a sentence with no explicit decision.
    const explicit = out.some((d) => d.sentence === sentence);
    if (!explicit && afterExam && DOSE.test(lower) && FREQUENCY.test(lower) && !blocked(m, m.start)) {
      out.push(decision(m, onList(m.entry.entry) ? 'continue' : 'start', m.end));
    }
  }
  return out;
}

/** Every medication decision in the visit, in order (a drug may have several). */
export function drugDecisions(
  visit: Visit,
  onList: (drug: DrugEntry) => boolean = () => false,
): DrugDecision[] {
  const out: DrugDecision[] = [];
  let lastDrug: Mention | undefined;
  let lastTurn = -1;
  const statements = clinicianStatements(visit);
  statements.forEach((sentence, i) => {
    if (sentence.turn !== lastTurn && i > 0 && sentence.turn - lastTurn > 2) lastDrug = undefined;
    lastTurn = sentence.turn;
    const mentions = mentionsIn(sentence, statements.slice(Math.max(0, i - 5), i + 1));
    out.push(...decisionsIn(sentence, mentions, lastDrug, sentence.index >= visit.decisionsFrom, onList));
    lastDrug = mentions.filter((m) => !m.entry.entry.isClass).at(-1) ?? lastDrug;
  });
  return dropClassWords(out);
}

/** "An antibiotic … amoxicillin": a class word is dropped when a drug of its class is decided. */
function dropClassWords(decisions: readonly DrugDecision[]): DrugDecision[] {
  const named = new Set(decisions.filter((d) => !d.drug.isClass).map((d) => d.drug.className));
  return decisions.filter((d) => !d.drug.isClass || !named.has(d.drug.className));
}
