/**
 * Every condition the clinician names in a statement, with what the sentence says about it:
 * definite, uncertain or negated; deferred to someone else; stated as an assessment ("you have",
 * "this is", "for the diabetes:"); and its status. Status cues ("not controlled", "above goal",
 * "progressing", "mild exacerbation", "at goal", "controlled") belong to the nearest condition
 * named before them in the sentence, so "your atrial fibrillation is persistent, the rate is
 * controlled" marks the fibrillation stable and a condition's own name ("stable angina") is never
 * read as its status. Asides (family history, prevention, textbook explanations) are skipped.
 *
 * @module
 */
import { PROBLEM_TERMS, type ProblemEntry } from './problem-lexicon.ts';
import { conditionalBefore, isAside, isDeferral, isNegated, isUncertain, leansNo } from './sentence-cues.ts';
import { findTerms } from './term-matcher.ts';
import { clinicianStatements, type Visit, type VisitSentence } from './visit-reading.ts';

export type Certainty = 'definite' | 'uncertain' | 'negated';
export type ProblemStatus = 'severe' | 'exacerbation' | 'stable' | 'improving';

export interface ProblemMention {
  readonly entry: ProblemEntry;
  /** The condition as written. */
  readonly text: string;
  /** Named by a vague word ("blood pressure"): the label comes from the lexicon. */
  readonly vague: boolean;
  readonly sentence: VisitSentence;
  readonly start: number;
  readonly certainty: Certainty;
  /** The hedge leans to "no" ("probably not pneumonia", "to rule it out"). */
  readonly leansNo: boolean;
  readonly deferred: boolean;
  /** Stated as a diagnosis or assessment, or given a status. */
  readonly assessed: boolean;
  readonly status?: ProblemStatus;
  /** The words that gave the status ("above goal"). */
  readonly statusCue?: string;
  /** The clinician says the cause is not known ("not sure what's causing it"). */
  readonly causeUnknown: boolean;
}

const CUES: readonly (readonly [RegExp, ProblemStatus])[] = [
  [
    /\b(?:severe(?:ly)? (?:exacerbation|flare|worsening)|decompensated|hypertensive (?:urgency|emergency)|status asthmaticus)\b/g,
    'severe',
  ],
  [
    /\b(?:exacerbation|exacerbated|flare(?:-up|d)?|worse(?:ning)?|getting worse|not (?:well )?controlled|uncontrolled|poorly controlled|out of control|above (?:goal|target)|not at (?:goal|target)|off target|under-?replaced|over-?replaced|progress(?:ing|ion|ed|ive)|climbing|deteriorat\w*|side effects? of|acute on chronic|not responding|relapsed?|recurrent hypoglycemia|too high)\b/g,
    'exacerbation',
  ],
  [
    /\b(?:stable|at (?:goal|target)|(?:well[- ])?controlled|under control|in range|doing well|quiet|unchanged|steady|in remission)\b/g,
    'stable',
  ],
  [/\b(?:improving|improved|healing|resolving|getting better)\b/g, 'improving'],
];
const RANK: Readonly<Record<ProblemStatus, number>> = { improving: 1, stable: 1, exacerbation: 2, severe: 3 };

const ASSESS =
  /\b(?:you have|you've got|(?:he|she) has|this is|that's|it's|it is|there is|my (?:assessment|impression|diagnosis)|diagnos\w*|fits?|consistent with|(?:your|the) [a-z -]{1,40}\b(?:is|are)|here's)\b|\bfor (?:the|your) [a-z -]{1,30}[:,]/;
const CAUSE_UNKNOWN =
  /\b(?:not sure (?:what|why)|unclear|(?:don't|do not) know (?:what|why)|need to find out|work (?:it|this|that) up|could be (?:a few|several|many) things|cause (?:is|isn't|is not) clear)\b/;
const TREATMENT_WORDS = /\b(?:treat\w*|manag\w*)\b/;

interface Cue {
  readonly status: ProblemStatus;
  readonly start: number;
  readonly text: string;
}

function cuesIn(lower: string, masked: readonly (readonly [number, number])[]): Cue[] {
  const out: Cue[] = [];
  for (const [re, status] of CUES) {
    for (const m of lower.matchAll(re)) {
      const end = m.index + m[0].length;
      if (masked.some(([s, e]) => m.index < e && end > s)) continue;
      if (out.some((c) => m.index < c.start + c.text.length && end > c.start)) continue;
      if (isNegated(lower, m[0])) {
        // "not a severe exacerbation" is still an exacerbation, only not a severe one.
        if (status === 'severe' && /exacerbation|flare|worsening/.test(m[0])) {
          out.push({ status: 'exacerbation', start: m.index, text: m[0] });
        } else if (status === 'severe') out.push({ status: 'stable', start: m.index, text: '' });
        continue;
      }
      out.push({ status, start: m.index, text: m[0] });
    }
  }
  return out.filter((c) => c.text !== '');
}

/** The cues that belong to each mention: those after it and before the next mention, or before the first. */
function assignCues<T extends { start: number }>(mentions: readonly T[], cues: readonly Cue[]): Map<T, Cue> {
  const out = new Map<T, Cue>();
  for (const cue of cues) {
    const owner = [...mentions].reverse().find((m) => m.start < cue.start) ?? mentions[0];
    if (!owner) continue;
    const had = out.get(owner);
    if (!had || RANK[cue.status] > RANK[had.status]) out.set(owner, cue);
  }
  return out;
}

function mentionsIn(s: VisitSentence, decided: ReadonlySet<number>): ProblemMention[] {
  const lower = s.lower;
  const found = findTerms(PROBLEM_TERMS, lower).filter(
    (m) => !isAside(lower, m.start, m.end) && !conditionalBefore(lower, m.start),
  );
  if (found.length === 0) return [];
  const cues = cuesIn(
    lower,
    found.map((m) => [m.start, m.end] as const),
  );
  const owned = assignCues(found, cues);
  const deferred = isDeferral(lower);
  const causeUnknown = CAUSE_UNKNOWN.test(lower);
  // "I'm not sure what's causing your dizziness" does not negate the dizziness.
  const hedgeFree = causeUnknown ? lower.replace(CAUSE_UNKNOWN, (w) => ' '.repeat(w.length)) : lower;
  return found.flatMap((m): ProblemMention[] => {
    const cue = owned.get(m);
    const { entry, vague } = m.entry;
    const named =
      !vague ||
      cue !== undefined ||
      decided.has(s.index) ||
      TREATMENT_WORDS.test(lower) ||
      entry.cueWords?.test(lower) === true;
    if (!named) return [];
    const certainty: Certainty = isNegated(hedgeFree, m.text)
      ? 'negated'
      : isUncertain(hedgeFree, m.text)
        ? 'uncertain'
        : 'definite';
    return [
      {
        entry,
        text: s.text.slice(m.start, m.end),
        vague,
        sentence: s,
        start: m.start,
        certainty,
        leansNo: leansNo(lower),
        deferred,
        assessed: cue !== undefined || ASSESS.test(lower),
        ...(cue ? { status: cue.status, statusCue: cue.text } : {}),
        causeUnknown,
      },
    ];
  });
}

/**
 * Every condition the clinician's statements name, in order. `decided` holds the sentences with a
 * medication decision, which let a vague name ("for the blood pressure, …") name its problem.
 */
export function problemMentions(visit: Visit, decided: ReadonlySet<number>): ProblemMention[] {
  return clinicianStatements(visit).flatMap((s) => mentionsIn(s, decided));
}

/** Problem keys named anywhere, in questions and by anyone (a drug's indication may name them). */
export function namedAnywhere(visit: Visit): Set<string> {
  const keys = new Set<string>();
  for (const s of visit.sentences) {
    for (const m of findTerms(PROBLEM_TERMS, s.lower)) if (!m.entry.vague) keys.add(m.entry.entry.key);
  }
  return keys;
}
