/**
 * The two facts G2211 turns on. Continuing care: the clinician says they are the continuing
 * focal point for the patient's care ("I'll keep coordinating everything … like always", "as your
 * primary care doctor") or give ongoing care for one serious or complex condition ("I'm the one
 * looking after your heart failure"); a follow-up appointment alone is not that. Modifier 25: a
 * separately reported service the same day (a minor procedure, counselling billed on its own
 * code, a vaccine, a wellness visit), and whether every such service is preventive (a vaccine,
 * an annual wellness visit, a Part B preventive service such as tobacco-cessation counselling),
 * which since 2025 does not block G2211.
 *
 * @module
 */
import type { Evidence } from '../../contract/note-draft.ts';
import { PROBLEM_TERMS } from './problem-lexicon.ts';
import { conditionalBefore, MINOR_PROCEDURE } from './sentence-cues.ts';
import type { StatedService } from './service-add-ons.ts';
import { findTerms } from './term-matcher.ts';
import { clinicianStatements, quoteEvidence, type Visit } from './visit-reading.ts';

export interface ContinuingCare {
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

const ONE_CONDITION =
  /\bi(?:'m| am) (?:the one|your (?:doctor|physician|specialist|cardiologist|endocrinologist|psychiatrist|nephrologist|oncologist|neurologist|rheumatologist|pulmonologist))\b[^.;]{0,30}?\b(?:looking after|managing|taking care of|following|treating|responsible for)\b/;
const FOCAL_POINT =
  /\b(?:i(?:'ll| will)|we(?:'ll| will)) (?:keep|continue(?: to)?) (?:coordinat\w*|manag\w*|follow\w*|look\w* after|tak\w* care of|overseeing|oversee)\b|\bas your (?:primary(?:[- ]care)?|regular|main|family) (?:doctor|physician|provider|clinician)\b|\bi(?:'m| am) your (?:primary(?:[- ]care)?|regular|main|family) (?:doctor|physician|provider|clinician)\b|\b(?:long[- ]term|ongoing|longitudinal) (?:care|management|relationship)\b/;

/** The clinician's statement of a continuing relationship, with why it fits G2211. */
export function continuingCare(visit: Visit): ContinuingCare | undefined {
  for (const s of clinicianStatements(visit)) {
    const one = ONE_CONDITION.exec(s.lower);
    if (one && !conditionalBefore(s.lower, one.index)) {
      const condition = findTerms(PROBLEM_TERMS, s.lower.slice(one.index)).find(
        (m) => m.entry.entry.course === 'chronic' && m.entry.entry.serious === true,
      );
      if (condition) {
        return {
          reason: `ongoing longitudinal care for a single serious or complex condition (${condition.entry.entry.label.toLowerCase()})`,
          evidence: [quoteEvidence(s)],
        };
      }
    }
    const focal = FOCAL_POINT.exec(s.lower);
    if (focal && !conditionalBefore(s.lower, focal.index)) {
      return { reason: "the continuing focal point for the patient's care", evidence: [quoteEvidence(s)] };
    }
  }
  return undefined;
}

const PREVENTIVE =
  /\b(?:(?:flu|influenza|tetanus|tdap|pneumonia|pneumococcal|shingles|shingrix|covid|hpv|hepatitis [ab]) (?:shot|vaccine|booster)s? (?:today|now)|(?:giving|give you|gave you|got) (?:your|the|a) [a-z ]{0,20}(?:shot|vaccine|booster)|annual wellness visit|welcome to medicare)\b/;

export interface Modifier25 {
  readonly modifier25: boolean;
  readonly preventiveOnly: boolean;
}

/** Whether a separately reported service the same day puts modifier 25 on the E/M. */
export function modifier25(visit: Visit, services: readonly StatedService[]): Modifier25 {
  const preventive: boolean[] = services.map((s) => s.preventive);
  for (const s of clinicianStatements(visit)) {
    const p = MINOR_PROCEDURE.exec(s.lower);
    if (p && !conditionalBefore(s.lower, p.index)) preventive.push(false);
    const v = PREVENTIVE.exec(s.lower);
    if (v && !conditionalBefore(s.lower, v.index)) preventive.push(true);
  }
  return {
    modifier25: preventive.length > 0,
    preventiveOnly: preventive.length > 0 && preventive.every(Boolean),
  };
}
