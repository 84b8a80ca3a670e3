/**
 * How one addressed problem counts in the AMA problems column, from what the visit says about it:
 * a chronic illness is stable only at its treatment goal (a status of "not controlled", "above
 * goal", "progressing", a complication of treatment, or a start, change or stop of its treatment
 * makes it an exacerbation, progression or side effect); an acute illness has systemic symptoms
 * when three groups are affirmed, or two with a serious alternative being excluded by testing; an
 * injury is complicated only when the clinician says so ("displaced", "dislocation"). Also the
 * plain-words label a coder would write.
 *
 * @module
 */
import type { Evidence } from '../../contract/note-draft.ts';
import type { ProblemKind } from '../../contract/coding.ts';
import type { ProblemEntry } from './problem-lexicon.ts';
import type { ProblemStatus } from './problem-mentions.ts';
import { isNegated } from './sentence-cues.ts';
import type { SystemicSymptoms } from './systemic-symptoms.ts';
import type { VisitSentence } from './visit-reading.ts';

/** What the extractor has gathered about one problem before it is classified. */
export interface ProblemDraft {
  readonly entry: ProblemEntry;
  /** The problem as the clinician or the chart names it. */
  name: string;
  status?: ProblemStatus;
  statusCue?: string;
  /** A drug for it was started, changed or stopped ("levothyroxine increased"). */
  treatmentChange?: string;
  /** Only ever named with a hedge: an undiagnosed problem. */
  uncertain: boolean;
  /** A more serious alternative was hedged for it ("can't exclude an early pneumonia"). */
  differential: boolean;
  readonly sentences: VisitSentence[];
  readonly evidence: Evidence[];
}

const COMPLICATED =
  /\b(?:complicated|displaced|open fracture|compound fracture|dislocat\w*|neurovascular (?:compromise|injury)|multiple fractures|comminuted|compartment syndrome)\b/;

function complicatedInjury(draft: ProblemDraft): boolean {
  return draft.sentences.some((s) => {
    const m = COMPLICATED.exec(s.lower);
    return m !== null && !isNegated(s.lower, m[0]);
  });
}

/** The AMA problem kind of a draft. */
export function problemKind(
  draft: ProblemDraft,
  systemic: SystemicSymptoms,
  testsOrdered: number,
): ProblemKind {
  if (draft.entry.course === 'threat') return 'threat_to_life';
  if (draft.uncertain) return 'undiagnosed_uncertain';
  switch (draft.entry.course) {
    case 'chronic':
      if (draft.status === 'severe') return 'chronic_severe_exacerbation';
      if (draft.status === 'exacerbation' || draft.treatmentChange) return 'chronic_exacerbation';
      return 'stable_chronic';
    case 'acute': {
      if (draft.status === 'improving') return 'stable_acute';
      const groups = systemic.groups.length;
      if (groups >= 3 || (groups >= 2 && draft.differential && testsOrdered > 0)) return 'acute_systemic';
      return 'acute_uncomplicated';
    }
    case 'injury':
      if (draft.status === 'improving') return 'stable_acute';
      return complicatedInjury(draft) ? 'acute_complicated_injury' : 'acute_uncomplicated';
    case 'minor':
      return 'self_limited';
    case 'symptom':
      return 'undiagnosed_uncertain';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Diabetes: not controlled", "Acute bronchitis with systemic symptoms (fever, chills, sweats)". */
export function problemLabel(draft: ProblemDraft, kind: ProblemKind, systemic: SystemicSymptoms): string {
  const name = capitalise(draft.name);
  switch (kind) {
    case 'chronic_exacerbation':
    case 'chronic_severe_exacerbation':
      return draft.statusCue
        ? `${name}: ${draft.statusCue}`
        : `${name}: not at treatment goal (${draft.treatmentChange ?? 'treatment changed'})`;
    case 'stable_chronic':
      return `${name}: ${draft.statusCue ?? 'stable on current treatment'}`;
    case 'acute_systemic':
      return `${name} with systemic symptoms (${systemic.groups.join(', ')})`;
    case 'undiagnosed_uncertain':
      return `${name}: not yet diagnosed, prognosis uncertain`;
    case 'threat_to_life':
      return `${name}: threat to life or bodily function`;
    case 'stable_acute':
      return `${name}: improving`;
    case 'self_limited':
    case 'acute_uncomplicated':
    case 'acute_uncomplicated_inpatient':
    case 'acute_complicated_injury':
      return name;
  }
}
