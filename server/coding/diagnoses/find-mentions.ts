/**
 * Every place a known condition is spoken of, with how (affirmed, denied, uncertain, asked) and
 * whether the clinician put it off to another visit or another doctor ("bring that up with Dr.
 * Okafor", "we'll leave the gout with her"): a deferred problem is not addressed today, so it is
 * not coded. A question answered "yes" by the next speaker affirms what it asked.
 *
 * @module
 */
import { answerPolarity } from '../../drafting/builtin/negation.ts';
import type { CodingDocument, CodingSentence } from '../document/coding-document.ts';
import type { Concept } from './concepts.ts';
import { isAttributive, mentionStatus, type MentionStatus } from './mention-status.ts';

export interface Mention {
  readonly concept: Concept;
  readonly sentence: CodingSentence;
  /** The matched words, for the evidence quote. */
  readonly quote: string;
  readonly status: MentionStatus;
  /** Who affirmed it: the speaker, or the answerer of a question. */
  readonly affirmedBy?: CodingSentence['speaker'];
  readonly deferred: boolean;
  /** Said of this patient ("you have", "your"), not as teaching ("people with angina"). */
  readonly attributive: boolean;
}

const DEFERRAL =
  /\b(?:bring (?:it|that|this) up with|leave (?:the \w+|that|it|this) (?:with|to|for)|(?:with|see) (?:your|her|his|their) (?:primary|regular|family) (?:care|doctor)|(?:a )?separate (?:visit|appointment)|another (?:visit|appointment|day)|next (?:visit|time)|at (?:your|his|her|the) (?:\w+[- ])?(?:checkup|check-up|physical)|not (?:for )?today|(?:look at|deal with|talk about) (?:that|it|the \w+) (?:properly )?(?:then|next time|another time)|sports medicine|for (?:your|her|his) audiologist|deferred)\b/i;

function sameTurnNext(doc: CodingDocument, s: CodingSentence, count: number): CodingSentence[] {
  const out: CodingSentence[] = [];
  for (let i = s.index + 1; i < doc.sentences.length && out.length < count; i++) {
    const next = doc.sentences[i]!;
    if (next.speaker !== s.speaker) break;
    out.push(next);
  }
  return out;
}

function isDeferred(doc: CodingDocument, s: CodingSentence): boolean {
  return [s, ...sameTurnNext(doc, s, 2)].some((x) => DEFERRAL.test(x.text));
}

/** The first sentence after a question from someone else, when it answers yes. */
function answeredYes(doc: CodingDocument, question: CodingSentence): CodingSentence | undefined {
  const next = doc.sentences[question.index + 1];
  return next && next.speaker !== question.speaker && answerPolarity(next.text) === 'yes' ? next : undefined;
}

export function findMentions(doc: CodingDocument, concepts: readonly Concept[]): Mention[] {
  const mentions: Mention[] = [];
  for (const sentence of doc.sentences) {
    for (const concept of concepts) {
      concept.pattern.lastIndex = 0;
      for (const match of sentence.text.matchAll(concept.pattern)) {
        let status = mentionStatus(sentence, match.index);
        let affirmedBy = status === 'affirmed' ? sentence.speaker : undefined;
        if (status === 'question') {
          const answer = answeredYes(doc, sentence);
          if (answer) {
            status = 'affirmed';
            affirmedBy = answer.speaker;
          }
        }
        mentions.push({
          concept,
          sentence,
          quote: match[0],
          status,
          ...(affirmedBy ? { affirmedBy } : {}),
          deferred: isDeferred(doc, sentence),
          attributive: isAttributive(sentence, match.index),
        });
      }
    }
  }
  return mentions;
}

/** The sentence and the next one of the same speaker: where a diagnosis's details are said. */
export function mentionWindow(doc: CodingDocument, mention: Mention): string {
  return [mention.sentence, ...sameTurnNext(doc, mention.sentence, 1)].map((s) => s.text).join(' ');
}
