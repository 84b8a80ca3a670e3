/**
 * Cuts the clinician's input into numbered segments (`u1…un`) that providers cite: one per sentence
 * of each transcript turn (so a citation points at the exact words), one per dictated sentence, one
 * per bullet. Offsets index the original text exactly and a segment's text never includes its
 * speaker label or bullet marker. Transcript speakers come from labels when there are labels, and
 * from `speaker-guess.ts` when a label names no role or there are none.
 *
 * @module
 */
import type { ClinicianInput, Speaker } from '../../contract/note-draft.ts';
import type { InputSegment } from '../provider.ts';
import { sentenceSpans, trimSpan, type Span } from './sentence-spans.ts';
import { guessLabelRoles, guessTurnSpeakers } from './speaker-guess.ts';
import { readSpeakerLabel, type SpeakerLabel } from './speaker-label.ts';

/** `- `, `* `, `• `, `1. `, `2) `, `[ ] `: what opens a bullet line. */
const BULLET_MARKER = /^[ \t]*(?:[-*•‣◦▪–—+]|\d{1,3}[.)]|\[[ xX]?\])[ \t]+/;
const HAS_WORD = /[A-Za-z0-9]/;

interface Turn {
  readonly start: number;
  end: number;
  readonly key?: string;
  speaker?: Speaker;
}

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

/** Sentences of a turn, line by line, so a line break without a full stop still ends a sentence. */
function turnSentences(text: string, lines: readonly Span[], turn: Turn): Span[] {
  const out: Span[] = [];
  for (const line of lines) {
    const start = Math.max(line.start, turn.start);
    const end = Math.min(line.end, turn.end);
    if (start < end) out.push(...sentenceSpans(text, start, end));
  }
  return out;
}

function transcriptTurns(text: string, lines: readonly Span[]): Turn[] {
  const labels = lines.map((line) => readSpeakerLabel(text, line.start, line.end));
  const uses = new Map<string, number>();
  for (const label of labels) if (label) uses.set(label.key, (uses.get(label.key) ?? 0) + 1);
  // A one-off "Plan:" in a labelled transcript is content; a label is a role or a repeated name.
  const accepted = (label: SpeakerLabel | null): label is SpeakerLabel =>
    label !== null && (label.speaker !== undefined || (uses.get(label.key) ?? 0) >= 2);

  const turns: Turn[] = [];
  lines.forEach((line, i) => {
    const label = labels[i] ?? null;
    if (accepted(label)) {
      turns.push({
        start: label.textStart,
        end: line.end,
        key: label.key,
        ...(label.speaker ? { speaker: label.speaker } : {}),
      });
    } else if (turns.length > 0 && labels.some(accepted)) {
      turns[turns.length - 1]!.end = line.end;
    } else {
      turns.push({ start: line.start, end: line.end });
    }
  });

  if (!labels.some(accepted)) {
    const kept = turns.filter((t) => HAS_WORD.test(text.slice(t.start, t.end)));
    const speakers = guessTurnSpeakers(kept.map((t) => text.slice(t.start, t.end)));
    kept.forEach((turn, i) => {
      const speaker = speakers[i];
      if (speaker) turn.speaker = speaker;
    });
    return kept;
  }

  const unnamed = new Map<string, string[]>();
  for (const turn of turns) {
    if (turn.key !== undefined && turn.speaker === undefined) {
      const list = unnamed.get(turn.key) ?? [];
      list.push(text.slice(turn.start, turn.end));
      unnamed.set(turn.key, list);
    }
  }
  if (unnamed.size > 0) {
    const roles = guessLabelRoles(unnamed);
    for (const turn of turns) {
      const role = turn.key === undefined ? undefined : roles.get(turn.key);
      if (turn.speaker === undefined && role) turn.speaker = role;
    }
  }
  return turns;
}

/** The input's segments, in order, ids `u1…un`. */
export function segmentInput(input: ClinicianInput): InputSegment[] {
  const { text } = input;
  const lines = lineSpans(text);
  const pieces: { span: Span; speaker?: Speaker }[] = [];

  switch (input.kind) {
    case 'bullets':
      for (const line of lines) {
        const marker = BULLET_MARKER.exec(text.slice(line.start, line.end));
        const span = trimSpan(text, line.start + (marker?.[0].length ?? 0), line.end);
        if (span) pieces.push({ span, speaker: 'clinician' });
      }
      break;
    case 'dictation':
      for (const line of lines) {
        for (const span of sentenceSpans(text, line.start, line.end))
          pieces.push({ span, speaker: 'clinician' });
      }
      break;
    case 'transcript':
      for (const turn of transcriptTurns(text, lines)) {
        for (const span of turnSentences(text, lines, turn)) {
          pieces.push({ span, ...(turn.speaker ? { speaker: turn.speaker } : {}) });
        }
      }
      break;
  }

  return pieces
    .filter((p) => HAS_WORD.test(text.slice(p.span.start, p.span.end)))
    .map((p, i) => ({
      id: `u${i + 1}`,
      start: p.span.start,
      end: p.span.end,
      text: text.slice(p.span.start, p.span.end),
      ...(p.speaker ? { speaker: p.speaker } : {}),
    }));
}
