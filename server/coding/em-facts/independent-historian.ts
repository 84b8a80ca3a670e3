/**
 * Whether the assessment needed an independent historian: a parent, carer or family member gives
 * the history because the patient cannot give a reliable one (a young child, confusion,
 * dementia). Read from the transcript's speaker labels (`MOTHER:` answering the history
 * questions) or from the clinician's words ("history obtained from his daughter"). A relative who
 * adds a remark while an adult patient tells their own story is not one.
 *
 * @module
 */
import type { DataItem } from '../../contract/coding.ts';
import { quoteEvidence, type Visit, type VisitSentence } from './visit-reading.ts';

const CAREGIVER =
  /^(?:mother|mom|mum|father|dad|parent|caregiver|carer|guardian|grandmother|grandfather|grandma|grandpa|wife|husband|spouse|partner|daughter|son|sister|brother|aunt|uncle|foster (?:mother|father|parent))\b/;
const STATED =
  /\bhistory (?:was |is )?(?:obtained|provided|given|taken) (?:from|by) (?:the |his |her |their )?(mother|father|parents?|caregiver|carer|guardian|wife|husband|spouse|partner|daughter|son|family|staff)\b|\b(mother|father|parents?|caregiver|carer|guardian|wife|husband|daughter|son) (?:provides|provided|gives|gave) (?:the|most of the) history\b/;
const UNRELIABLE =
  /\b(?:dementia|confused|confusion|nonverbal|non-verbal|cannot give (?:a )?history|unable to give (?:a )?history|poor historian)\b/;
/** Under this age a child's history comes from the parent. */
const CHILD_YEARS = 12;

function ageYears(age: string | undefined): number | undefined {
  const m = /^(\d+)\s*([ymwd])/.exec(age ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'y' ? n : 0;
}

/** "4 y" → "4-year-old", "18 m" → "18-month-old". */
function ageWords(age: string | undefined): string {
  const m = /^(\d+)\s*([ymwd])/.exec(age ?? '');
  if (!m) return 'young';
  const unit = { y: 'year', m: 'month', w: 'week', d: 'day' }[m[2] as 'y' | 'm' | 'w' | 'd'];
  return `${m[1]}-${unit}-old`;
}

function historyGiven(s: VisitSentence): boolean {
  return !s.question && /[a-z]{3,}/.test(s.lower) && s.lower.split(/\s+/).length >= 3;
}

/** The independent historian, when the visit used one. */
export function independentHistorian(visit: Visit): DataItem | undefined {
  for (const s of visit.sentences) {
    const m = s.clinician ? STATED.exec(s.lower) : null;
    if (m)
      return { label: `history from the ${m[1] ?? m[2]}`, key: 'historian', evidence: [quoteEvidence(s)] };
  }
  const fromCarer = visit.sentences.filter(
    (s) => s.speaker === 'other' && CAREGIVER.test(s.label ?? '') && historyGiven(s),
  );
  if (fromCarer.length < 2) return undefined;
  const fromPatient = visit.sentences.filter((s) => s.speaker === 'patient' && historyGiven(s)).length;
  const years = ageYears(visit.doc.context?.patient.age);
  const child = years !== undefined && years < CHILD_YEARS;
  const unreliable = visit.sentences.some((s) => s.clinician && UNRELIABLE.test(s.lower));
  if (!child && !unreliable && fromCarer.length < fromPatient) return undefined;
  const who = fromCarer[0]!.label!.split(/\s/)[0]!;
  const age = child ? ` for a ${ageWords(visit.doc.context?.patient.age)} child` : '';
  return {
    label: `${who} gives the history${age}`,
    key: 'historian',
    evidence: fromCarer.slice(0, 2).map((s) => quoteEvidence(s)),
  };
}
