/**
 * Which note section a spoken sentence belongs to, and how much it matters. Relevance is a count
 * of clinical words (symptoms, anatomy, conditions, drugs, tests, numbers) minus small talk; the
 * section follows who spoke and what the words are about: the clinician's examination findings go
 * to the exam, test values to results, decisions and orders to the assessment and plan; what the
 * patient tells goes to the history. Keyword rules, tuned on ACI-bench train dialogues.
 *
 * @module
 */
import type { Speaker } from '../../contract/note-draft.ts';
import type { SectionRole } from '../templates/note-template.ts';
import {
  ANATOMY,
  CONDITIONS,
  COURSE,
  EXAM,
  count,
  hits,
  MEDICATION,
  NUMBER,
  PLAN,
  SMALL_TALK,
  SYMPTOMS,
  TESTS,
  tokens,
} from './clinical-lexicon.ts';

export interface Classification {
  readonly role: SectionRole;
  /** Higher is more worth keeping; at or below 0 the sentence is small talk. */
  readonly score: number;
}

/** "Martha is a 50-year-old female with…": the clinician's one-line summary of the patient. */
const SUMMARY = /\b\d+[- ]year[- ]old\b|\b(?:years?|months?) old\b.*\b(?:presents?|history|here|with)\b/i;
const EXAM_CUE =
  /\b(?:on (?:physical )?exam(?:ination)?|physical exam(?:ination)?|(?:i|we) (?:do not )?(?:hear|feel|see|notice|appreciate)|let me (?:examine|listen|look|feel|check|take a look)|(?:looks?|sounds?|feels?) (?:good|normal|clear|fine|healthy)|lungs (?:are|sound)|heart (?:sounds|rate|is regular)|(?:is|are) (?:tender|clear|soft|intact|normal|swollen)|vital signs|blood pressure (?:is|was|today)|temperature (?:is|was)|range of motion|pain (?:to|with) palpation|tenderness)\b/i;
const RESULT_CUE =
  /\b(?:showed|shows|show|revealed|reveals|came back|results?|levels?|was elevated|is elevated|were normal|was normal|is normal|(?:a1c|hemoglobin|cholesterol|ldl|creatinine|potassium|ejection fraction|tsh|glucose) (?:is|was|of|at)|x-ray|mri|ct scan|ultrasound|echocardiogram|ekg|ecg|stress test|lab work|blood work|bloodwork)\b/i;
const PLAN_CUE =
  /\b(?:i (?:want|would like|will|am going to|think|recommend|suggest|prescribe|need)|we (?:will|are going to|can|should|need to|want)|let us|(?:going to|will) (?:order|prescribe|refer|start|increase|decrease|continue|stop|schedule|send|get|check|have)|follow up|come back|see (?:you|her|him|the patient) (?:back|again|in)|my (?:impression|assessment|diagnosis|recommendation|plan)|(?:most )?likely|consistent with|diagnosis|(?:it|this) (?:sounds|looks) like|for (?:your|the|her|his) [a-z ]{3,30}(?:,|i|we))/i;
const HISTORY_CUE =
  /\b(?:history of|surgery|surgeries|smoke|smoking|smoker|alcohol|drink|drinks|drinking|family history|my (?:mom|mother|dad|father|brother|sister)|works? (?:as|at|in)|lives? (?:with|alone))\b/i;
const FIRST_PERSON_CLINICIAN = /\b(?:i|we)\b/i;
/** A sentence this long usually says something; tuned on ACI-bench train. */
const WORDY = 6;
const LENGTH_BONUS = 0.5;
const TOLD_BONUS = 0.4;
/** The clinician's findings and decisions are what a note is for. */
const ROLE_BONUS = 1;

function relevance(text: string, words: readonly string[]): number {
  const clinical =
    count(SYMPTOMS, words) * 1.2 +
    count(ANATOMY, words) * 0.6 +
    count(CONDITIONS, words) * 1.2 +
    hits(MEDICATION, text) * 1.5 +
    count(TESTS, words) * 1 +
    hits(NUMBER, text) * 0.7 +
    count(COURSE, words) * 0.4;
  // Small talk sinks a sentence with nothing clinical in it; beside clinical words it is context
  // ("since the wedding weekend my ankles have been puffy").
  const smallTalk = count(SMALL_TALK, words) * (clinical > 0 ? 0.3 : 2);
  return clinical - smallTalk + (words.length >= WORDY ? LENGTH_BONUS : 0) - (words.length < 4 ? 1 : 0);
}

/** The section and weight of one cleaned sentence (first-person speech, before any rewriting). */
export function classifySentence(text: string, speaker: Speaker | undefined): Classification {
  const words = tokens(text);
  const base = relevance(text, words);
  if (speaker !== 'clinician') {
    // What the patient (or a parent) tells is history unless it is small talk.
    return { role: HISTORY_CUE.test(text) ? 'history' : 'hpi', score: base + (base > -0.5 ? TOLD_BONUS : 0) };
  }
  const exam = count(EXAM, words) * 0.5 + (EXAM_CUE.test(text) ? 2 : 0);
  const results = RESULT_CUE.test(text) ? 2 + count(TESTS, words) * 0.5 : 0;
  const plan = count(PLAN, words) * 0.6 + (PLAN_CUE.test(text) ? 2 : 0);
  if (SUMMARY.test(text)) return { role: 'hpi', score: base + 3 };
  const best = Math.max(exam, results, plan);
  if (best < 1.5) return { role: 'hpi', score: base };
  if (results === best) return { role: 'results', score: base + ROLE_BONUS + results * 0.5 };
  if (exam === best && exam > plan) return { role: 'exam', score: base + ROLE_BONUS + exam * 0.5 };
  return {
    role: 'assessment_plan',
    score: base + ROLE_BONUS + plan * 0.5 + (FIRST_PERSON_CLINICIAN.test(text) ? 0.5 : 0),
  };
}
