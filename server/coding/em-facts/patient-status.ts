/**
 * New or established patient (CPT: new means no professional service from this practitioner, or
 * one of the same specialty in the group, within three years), and which evidence decided it, in
 * order of trust: the caller (the clinician's `--new-patient`), the Encounter's type ("Office
 * visit, new patient"), the clinician's words ("since you're new to us", "nice to meet you",
 * "new patient visit" against "since I last saw you", "last visit", "when I saw you three months
 * ago"), then notes by this practitioner within three years on the chart. Without any evidence
 * the visit is established: billing a new-patient code needs the documentation to show it.
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import type { PatientStatus } from '../../contract/coding.ts';
import type { Evidence } from '../../contract/note-draft.ts';
import { quoteEvidence, type Visit } from './visit-reading.ts';

export interface PatientStatusDecision {
  readonly status: PatientStatus;
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

const NEW_WORDS =
  /\bnew patient\b|\bnew to (?:us|me|the practice|this practice|our practice|the clinic|our clinic)\b|\b(?:nice|pleasure|good) to meet you\b|\bfirst (?:visit|time) (?:here|with (?:me|us))\b|\bi(?:'m| am) dr\.? [a-z]+\b|\bi(?:'m| am) the (?:cardiologist|endocrinologist|orthopaedic surgeon|orthopedic surgeon|surgeon|dermatologist|neurologist|psychiatrist|specialist)\b/;
const ESTABLISHED_WORDS =
  /\b(?:since|when) i (?:last )?saw you\b|\blast (?:visit|time i saw you|appointment)\b|\bat your last (?:visit|appointment)\b|\b(?:good|nice|great) to see you again\b|\bwelcome back\b|\blike we talked about\b|\bas we (?:discussed|talked about) last\b|\b(?:three|six|two|four)[- ](?:month|week) (?:check|follow-up|visit)\b|\bin your history with us\b|\bestablished patient\b/;
const THREE_YEARS_MS = 3 * 365.25 * 24 * 3600 * 1000;

function fromEncounter(context: ClinicalContext | undefined): PatientStatusDecision | undefined {
  const panel = context?.encounter;
  const enc = panel?.status === 'ok' ? panel.data : null;
  const type = enc?.type?.toLowerCase();
  if (!enc || !type) return undefined;
  const evidence: Evidence[] = [{ kind: 'fhir', ref: enc.ref, label: `Encounter type: ${enc.type}` }];
  if (/\bnew patient\b/.test(type))
    return { status: 'new', reason: `the encounter type says new patient ("${enc.type}")`, evidence };
  if (/\bestablished patient\b/.test(type)) {
    return {
      status: 'established',
      reason: `the encounter type says established patient ("${enc.type}")`,
      evidence,
    };
  }
  return undefined;
}

function fromWords(visit: Visit): PatientStatusDecision | undefined {
  for (const s of visit.sentences) {
    if (s.question) continue;
    const established = ESTABLISHED_WORDS.exec(s.lower);
    const fresh = established ? null : NEW_WORDS.exec(s.lower);
    const m = established ?? fresh;
    if (!m) continue;
    const quote = s.text.slice(m.index, m.index + m[0].length);
    return {
      status: established ? 'established' : 'new',
      reason: `the visit says so ("${quote}")`,
      evidence: [quoteEvidence(s, quote)],
    };
  }
  return undefined;
}

function fromNotes(context: ClinicalContext | undefined, today: Date): PatientStatusDecision | undefined {
  const practitioner = context?.practitioner;
  const notes = context?.notes;
  if (practitioner?.status !== 'ok' || !practitioner.data || notes?.status !== 'ok') return undefined;
  const surname = practitioner.data.name
    .replace(/\b(?:MD|DO|NP|PA|RN|PhD)\b\.?/g, '')
    .trim()
    .split(/\s+/)
    .at(-1)
    ?.split('-')[0];
  const mine = notes.data.find(
    (n) =>
      surname !== undefined &&
      n.author?.includes(surname) === true &&
      n.date !== undefined &&
      today.getTime() - Date.parse(n.date) < THREE_YEARS_MS,
  );
  if (!mine) return undefined;
  return {
    status: 'established',
    reason: `a note by this practitioner within three years is on the chart (${mine.type}, ${mine.date?.slice(0, 10)})`,
    evidence: [{ kind: 'fhir', ref: mine.ref, label: `${mine.type} by ${mine.author}` }],
  };
}

/** Decide new or established, saying which evidence decided. */
export function decidePatientStatus(visit: Visit, given: PatientStatus | undefined): PatientStatusDecision {
  if (given) return { status: given, reason: 'given by the clinician', evidence: [] };
  const context = visit.doc.context;
  return (
    fromEncounter(context) ??
    fromWords(visit) ??
    (context ? fromNotes(context, new Date(context.fetchedAt)) : undefined) ?? {
      status: 'established',
      reason:
        'nothing in the chart or the visit shows a new patient, so established (the documentation must show new)',
      evidence: [],
    }
  );
}
