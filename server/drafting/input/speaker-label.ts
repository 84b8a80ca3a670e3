/**
 * Speaker labels at the start of a transcript line: `DOCTOR:`, `Dr. Okafor:`, `[doctor]`,
 * `Nurse:`, `Mother:`, `Speaker 1:`, `DOCTOR (DICTATION):`. A label names a role when its words say so (doctor, nurse,
 * patient, mother); otherwise (`Speaker 1`, a first name) the role is left for
 * `speaker-guess.ts` to infer from what that label's turns say.
 *
 * @module
 */
import type { Speaker } from '../../contract/note-draft.ts';

export interface SpeakerLabel {
  /** The label as written, lower-cased and with spacing collapsed: the key its turns share. */
  readonly key: string;
  /** Offset just past the label (and the colon or bracket), where the turn's words begin. */
  readonly textStart: number;
  /** The role the label names, when it names one. */
  readonly speaker?: Speaker;
}

const CLINICIAN_WORDS =
  /^(?:dr\.?|doctor|doc|physician|clinician|provider|nurse|rn|np|pa|md|do|cardiologist|pediatrician|paediatrician|psychiatrist|therapist|surgeon|practitioner|attending|resident|medical assistant|ma)\b/;
const PATIENT_WORDS = /^(?:patient|pt|client)\b/;
const OTHER_WORDS =
  /^(?:mother|mom|mum|father|dad|parent|caregiver|guardian|wife|husband|spouse|partner|daughter|son|sister|brother|family( member)?|friend|interpreter|translator|relative|grandmother|grandfather)\b/;

/** `[doctor]`, `[patient_guest]`: the ACI-bench style. */
const BRACKET = /^[ \t]*\[([a-z_ ]{2,20})\][ \t]*/i;
/**
 * `Word:`, `Dr. Name:`, `Speaker 1:`: at most four short words and no sentence punctuation before
 * the colon, so "Plan: start metformin" in prose only counts when the caller expects labels.
 */
const COLON =
  /^[ \t]*((?:[A-Z][A-Za-z'’-]*\.?|[a-z]+|\d{1,2})(?:[ \t]+(?:[A-Za-z][A-Za-z'’-]*\.?|\d{1,2})){0,3})(?:[ \t]*\([A-Za-z ]{1,20}\))?[ \t]*:[ \t]*/;

/** Whether `text` (a label without punctuation) names a role. */
export function roleOfLabel(label: string): Speaker | undefined {
  const words = label.toLowerCase().replace(/_/g, ' ').trim();
  if (CLINICIAN_WORDS.test(words)) return 'clinician';
  if (PATIENT_WORDS.test(words)) return 'patient';
  if (OTHER_WORDS.test(words)) return 'other';
  return undefined;
}

/** The label at `text[lineStart…]`, or null when the line does not open with one. */
export function readSpeakerLabel(text: string, lineStart: number, lineEnd: number): SpeakerLabel | null {
  const line = text.slice(lineStart, lineEnd);
  const bracket = BRACKET.exec(line);
  if (bracket) {
    const key = bracket[1]!.toLowerCase().replace(/\s+/g, ' ');
    const speaker = roleOfLabel(key);
    return { key, textStart: lineStart + bracket[0].length, ...(speaker ? { speaker } : {}) };
  }
  const colon = COLON.exec(line);
  if (!colon) return null;
  // "10:30" or "BP: 120/80" are not speakers: a label is words, or "Speaker 2".
  const label = colon[1]!;
  if (/^\d/.test(label)) return null;
  const key = label.toLowerCase().replace(/\s+/g, ' ');
  const speaker = roleOfLabel(key);
  return { key, textStart: lineStart + colon[0].length, ...(speaker ? { speaker } : {}) };
}
