/**
 * Who is speaking when the transcript does not say: clinicians ask questions, say "you" and
 * "your", examine and prescribe; patients say "I" and "my" and answer. Used for labels that name
 * no role (`Speaker 1:`, a first name) and for unlabelled transcripts, where turns alternate.
 * When the cues disagree or are absent the answer is `undefined`: a wrong speaker would put a
 * patient's words in the clinician's mouth, which is worse than not knowing.
 *
 * @module
 */
import type { Speaker } from '../../contract/note-draft.ts';

const QUESTION_START =
  /^(?:so |and |okay,? |ok,? |now,? )?(?:any|do|does|did|are|is|was|were|have|has|had|can|could|would|will|how|what|when|where|which|who|why|tell me|describe)\b/i;
const SECOND_PERSON = /\b(?:you|your|you're|yours|yourself)\b/gi;
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|my|me|mine|myself)\b/gi;
const CLINICIAN_ACTS =
  /\b(?:let me (?:examine|take a look|listen|check)|i(?:'m| am) (?:going to|gonna) (?:prescribe|order|refer|start|increase|decrease|examine)|i(?:'ll| will) (?:prescribe|order|refer|send)|on exam(?:ination)?|your (?:blood pressure|heart|lungs|labs|x-ray|results|a1c)|i (?:prescribe|recommend)|we(?:'ll| will) (?:schedule|order|check|see you))\b/i;
const PATIENT_ACTS =
  /\b(?:i(?:'ve| have) (?:been|had)|it (?:hurts|started)|i (?:feel|felt|noticed|take|took|started|can't|cannot)|my (?:pain|chest|back|knee|ankle|head|stomach|husband|wife|mom|kids?))\b/i;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

/** Positive: sounds like the clinician; negative: like the patient; 0: no idea. */
export function clinicianScore(text: string): number {
  const t = text.trim();
  let score = 0;
  if (t.endsWith('?') || QUESTION_START.test(t)) score += 2;
  score += Math.min(2, count(SECOND_PERSON, t));
  score -= Math.min(2, count(FIRST_PERSON, t));
  if (CLINICIAN_ACTS.test(t)) score += 3;
  if (PATIENT_ACTS.test(t)) score -= 2;
  return score;
}

/**
 * Roles for labels that name none, from all of each label's turns: the label whose turns score
 * most like a clinician is the clinician and, in a two-person conversation, the other the patient.
 */
export function guessLabelRoles(turnsByKey: ReadonlyMap<string, readonly string[]>): Map<string, Speaker> {
  const scored = [...turnsByKey].map(([key, turns]) => ({
    key,
    score: turns.reduce((sum, turn) => sum + clinicianScore(turn), 0) / Math.max(1, turns.length),
  }));
  scored.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const roles = new Map<string, Speaker>();
  const top = scored[0];
  const bottom = scored[scored.length - 1];
  if (!top || !bottom || top === bottom || top.score <= bottom.score) return roles;
  roles.set(top.key, 'clinician');
  if (scored.length === 2) roles.set(bottom.key, 'patient');
  else if (bottom.score < 0) roles.set(bottom.key, 'patient');
  return roles;
}

/**
 * Speakers for the turns of an unlabelled transcript. A turn with clear cues gets its role; an
 * unclear turn right after a clinician's question is the patient's answer; anything else stays
 * unknown.
 */
export function guessTurnSpeakers(turns: readonly string[]): (Speaker | undefined)[] {
  const speakers: (Speaker | undefined)[] = [];
  let previous: Speaker | undefined;
  let previousAsked = false;
  for (const turn of turns) {
    const score = clinicianScore(turn);
    let speaker: Speaker | undefined;
    if (score >= 2) speaker = 'clinician';
    else if (score <= -1) speaker = 'patient';
    else if (previous === 'clinician' && previousAsked) speaker = 'patient';
    speakers.push(speaker);
    previous = speaker;
    previousAsked = turn.trim().endsWith('?');
  }
  return speakers;
}
