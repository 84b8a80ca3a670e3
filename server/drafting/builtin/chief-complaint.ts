/**
 * The chief complaint: a few words for why the patient came. Taken from the clinician's framing
 * ("presents for her annual exam", "asked me to see you about chest pain") or, failing that, from
 * the patient's answer to "what brings you in", cut down to its complaint ("I've been having
 * chest pain" → "Chest pain"). Every word comes from the cited segment; when neither is found the
 * section stays empty rather than guessing.
 *
 * @module
 */
import type { InputSegment } from '../provider.ts';
import type { EvidenceCitation } from '../provider-draft-schema.ts';
import { detokenise, expandContractions, removeFillers } from './clean-speech.ts';
import { ANATOMY, CONDITIONS, count, SYMPTOMS, tokens } from './clinical-lexicon.ts';

export interface ChiefComplaint {
  readonly text: string;
  readonly evidence: readonly EvidenceCitation[];
}

const FRAMING =
  /\b(?:presents?|presenting|is here|are here|here today|coming in|came in|come in|referred|referral|see you|seeing you|evaluation)\s+(?:today\s+|to the clinic\s+|to clinic\s+|in clinic\s+)?(?:for|with|about|because of|regarding)\s+(?:an?\s+|his\s+|her\s+|your\s+|some\s+|the\s+|evaluation of\s+|further evaluation of\s+|follow[- ]up (?:of|for|on)\s+)*([a-z0-9][a-z0-9 '/-]*?)(?=\s*(?:[,.?;]|\s(?:and (?:she|he|is|has|was|i)|that|which|who|since|for the past|over the|today)\b|$))/i;
const BRINGS_YOU =
  /\b(?:what brings you|what brought you|what can i do for you|how can i help|what is going on|tell me (?:about|what))\b/i;
const LEAD_IN =
  /^(?:well\s+|so\s+|yeah\s+)?(?:i\s+(?:have been|had been|have|had|am|was|been|just)?\s*(?:having|getting|experiencing|dealing with|noticing|feeling|got|had)?\s*|it is\s+|my\s+)/i;
const MAX_WORDS = 8;

/** The complaint itself: up to the first clause break, without a leading article, a few words. */
function trimWords(text: string): string {
  const clause = text.split(/,|;|\s(?:and|but|so|which|because)\s/)[0] ?? '';
  return clause
    .replace(/^(?:an?|some|the|this)\s+/i, '')
    .split(/\s+/)
    .slice(0, MAX_WORDS)
    .join(' ')
    .replace(/[\s,.?!]+$/, '');
}

function isComplaint(words: string): boolean {
  return (
    count(SYMPTOMS, tokens(words)) + count(CONDITIONS, tokens(words)) + count(ANATOMY, tokens(words)) > 0 ||
    /\b(?:exam|physical|check-?up|follow[- ]up|visit)\b/i.test(words)
  );
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Verbatim `words` inside the segment when they are there, else the whole segment. */
function cite(segment: InputSegment, words: string): EvidenceCitation {
  const at = segment.text.toLowerCase().indexOf(words.toLowerCase());
  return at >= 0
    ? { segment: segment.id, quote: segment.text.slice(at, at + words.length) }
    : { segment: segment.id };
}

export function chiefComplaint(segments: readonly InputSegment[]): ChiefComplaint | null {
  // The framing comes early in a visit; later "for" phrases are plans ("see you back for…").
  const early = segments.slice(0, Math.max(12, Math.ceil(segments.length * 0.3)));
  for (const segment of early) {
    if (segment.speaker === 'patient') continue;
    const match = FRAMING.exec(detokenise(segment.text));
    const words = match?.[1] ? trimWords(match[1]) : '';
    if (words && isComplaint(words)) return { text: capitalise(words), evidence: [cite(segment, words)] };
  }
  for (let i = 0; i < early.length - 1; i++) {
    if (early[i]!.speaker !== 'clinician' || !BRINGS_YOU.test(early[i]!.text)) continue;
    const answer = early.slice(i + 1).find((s) => s.speaker !== 'clinician');
    if (!answer) continue;
    const spoken = removeFillers(expandContractions(detokenise(answer.text)));
    const words = trimWords(spoken.replace(LEAD_IN, '').replace(/[.?!]+$/, ''));
    if (words && isComplaint(words)) {
      return { text: capitalise(words), evidence: [{ segment: early[i]!.id }, cite(answer, words)] };
    }
  }
  return null;
}
