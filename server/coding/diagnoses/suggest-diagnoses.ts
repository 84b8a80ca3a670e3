/**
 * ICD-10-CM diagnoses from a visit: conditions the clinician affirmed and addressed today, coded
 * to the detail the words support, combined as the guidelines presume, plus status codes (family
 * history, tobacco, long-term drugs). Denied and uncertain conditions are never coded (a symptom
 * they would explain is, in their place); conditions put off to another visit are not addressed.
 * Only billable codes of the loaded release leave here, each with its evidence.
 *
 * @module
 */
import type { Icd10CmCode, WithheldDiagnosis } from '../../contract/coding.ts';
import type { Evidence } from '../../contract/note-draft.ts';
import { sentenceEvidence, type CodingDocument } from '../document/coding-document.ts';
import { applyCombinations, type ChosenCode } from './combination-codes.ts';
import { CONCEPTS, type Concept } from './concepts.ts';
import { drugStatusCodes } from './drug-status-codes.ts';
import { findMentions, mentionWindow, type Mention } from './find-mentions.ts';

export interface CodeLookup {
  get(code: string): Icd10CmCode | undefined;
}

/** What a suggestion rests on, for its confidence and for the reviewer. */
export interface CandidateFeatures {
  readonly kind: Concept['kind'] | 'drug_status' | 'counselling';
  readonly clinicianMentions: number;
  readonly inAssessment: boolean;
  readonly onProblemList: boolean;
  readonly missingDetail: boolean;
  readonly combination: boolean;
}

export interface DiagnosisCandidate {
  readonly code: string;
  readonly description: string;
  readonly rationale: string;
  readonly missing?: string;
  readonly evidence: readonly Evidence[];
  readonly features: CandidateFeatures;
}

/**
 * Conditions spoken of but not coded, with why (the reviewer's "why not X?"), the code they would
 * have had, and the same features a suggestion has, so the confidence model sees both sides.
 */
export interface NotCoded extends WithheldDiagnosis {
  readonly features: CandidateFeatures;
}

export interface DiagnosisResult {
  readonly candidates: readonly DiagnosisCandidate[];
  readonly notCoded: readonly NotCoded[];
}

const COUNSELLING =
  /\b(?:quit(?:ting)?|cessation|nicotine (?:replacement|patch|gum|lozenge)|the patch|stop smoking|set a (?:quit )?date|varenicline|bupropion)\b/i;

interface ConceptFinding {
  readonly concept: Concept;
  readonly affirmed: readonly Mention[];
  readonly all: readonly Mention[];
}

/**
 * First-listed is the main reason for the visit: an acute problem or an exacerbated or
 * uncontrolled chronic one, then a presenting symptom left without a diagnosis, then the chronic
 * conditions managed alongside, then status codes; ties in the order the visit first affirmed them.
 */
function tierOf(concept: Concept, active: boolean): number {
  switch (concept.kind) {
    case 'diagnosis':
      return active || !concept.chronic ? 0 : 2;
    case 'symptom':
      return 1;
    case 'family_history':
    case 'tobacco':
      return 3;
  }
}

interface RankedCode extends ChosenCode {
  readonly tier: number;
  readonly firstSaid: number;
}

function spansOf(mentions: readonly Mention[], max = 3): Evidence[] {
  const preferred = [...mentions].sort(
    (a, b) =>
      Number(b.affirmedBy === 'clinician') - Number(a.affirmedBy === 'clinician') ||
      Number(b.sentence.role === 'assessment_plan') - Number(a.sentence.role === 'assessment_plan') ||
      a.sentence.index - b.sentence.index,
  );
  return preferred.slice(0, max).map((m) => sentenceEvidence(m.sentence, m.quote));
}

function treatedToday(doc: CodingDocument, concept: Concept): boolean {
  const drug = concept.treatedWith;
  return (
    drug !== undefined &&
    doc.sentences.some((s) => s.speaker === 'clinician' && !s.question && drug.test(s.text))
  );
}

function isAddressed(doc: CodingDocument, f: ConceptFinding): boolean {
  const byClinician = f.affirmed.filter((m) => m.affirmedBy === 'clinician');
  switch (f.concept.kind) {
    case 'tobacco':
      return f.affirmed.length > 0;
    case 'symptom':
      return byClinician.length > 0 || f.affirmed.length >= 2;
    case 'family_history':
      return byClinician.length > 0;
    case 'diagnosis': {
      // Hedged anywhere by the clinician: only a statement about this patient confirms it.
      const hedged = f.all.some((m) => m.status === 'uncertain' && m.sentence.speaker === 'clinician');
      const confirmed = hedged ? byClinician.filter((m) => m.attributive) : byClinician;
      if (confirmed.length > 0) return true;
      const known = f.affirmed.length > 0 || f.all.some((m) => m.status === 'question');
      return !hedged && known && treatedToday(doc, f.concept);
    }
  }
}

/** Bare "diabetes" in a type 1 patient's visit is the type 1. */
function typeOneOwnsDiabetes(findings: readonly ConceptFinding[], f: ConceptFinding): boolean {
  return (
    f.concept.id === 'diabetes-type-2' &&
    findings.some((x) => x.concept.id === 'diabetes-type-1' && x.affirmed.length > 0) &&
    !f.all.some((m) => /type (?:2|two)|t2dm/i.test(m.quote))
  );
}

function withheld(
  doc: CodingDocument,
  f: ConceptFinding,
  reason: NotCoded['reason'],
  mentions: readonly Mention[],
): NotCoded {
  const choice = f.concept.code(mentions.map((m) => mentionWindow(doc, m)).join(' '));
  const onList = problemListEvidence(doc, choice.code);
  return {
    label: f.concept.label,
    reason,
    code: choice.code,
    evidence: spansOf(mentions, 1),
    features: {
      kind: f.concept.kind,
      clinicianMentions: f.affirmed.filter((m) => m.affirmedBy === 'clinician').length,
      inAssessment: f.affirmed.some((m) => m.sentence.role === 'assessment_plan'),
      onProblemList: onList.length > 0,
      missingDetail: choice.missing !== undefined,
      combination: false,
    },
  };
}

function whyNot(f: ConceptFinding): NotCoded['reason'] {
  if (f.all.some((m) => m.deferred && m.status === 'affirmed')) return 'deferred';
  if (f.all.some((m) => m.status === 'uncertain')) return 'uncertain';
  if (f.all.some((m) => m.status === 'negated')) return 'negated';
  return 'not_addressed';
}

function problemListEvidence(doc: CodingDocument, code: string): Evidence[] {
  const problems = doc.context?.problems.status === 'ok' ? doc.context.problems.data : [];
  return problems
    .filter((p) => p.icd10 && (p.icd10.code === code || p.icd10.code.slice(0, 3) === code.slice(0, 3)))
    .map((p) => ({ kind: 'fhir' as const, ref: p.ref, label: p.display }));
}

export function suggestDiagnoses(doc: CodingDocument, codes: CodeLookup): DiagnosisResult {
  const mentions = findMentions(doc, CONCEPTS);
  const findings: ConceptFinding[] = CONCEPTS.map((concept) => {
    const all = mentions.filter((m) => m.concept === concept);
    return { concept, all, affirmed: all.filter((m) => m.status === 'affirmed' && !m.deferred) };
  }).filter((f) => f.all.length > 0);

  const notCoded: NotCoded[] = [];
  const addressed = findings.filter((f) => {
    if (typeOneOwnsDiabetes(findings, f)) return false;
    if (isAddressed(doc, f)) return true;
    notCoded.push(withheld(doc, f, whyNot(f), f.all));
    return false;
  });
  const addressedIds = new Set(addressed.map((f) => f.concept.id));
  const kept = addressed.filter((f) => {
    const explainer = f.concept.explainedBy?.find((id) => addressedIds.has(id));
    if (!explainer) return true;
    notCoded.push(withheld(doc, f, 'explained_by_diagnosis', f.affirmed));
    return false;
  });
  const byConcept = new Map(kept.map((f) => [f.concept.id, f]));
  const chosen: RankedCode[] = kept.map((f) => {
    const text = f.affirmed.map((m) => mentionWindow(doc, m)).join(' ');
    const choice = f.concept.code(text);
    return {
      code: choice.code,
      conceptId: f.concept.id,
      rationale: choice.rationale,
      ...(choice.missing ? { missing: choice.missing } : {}),
      tier: tierOf(f.concept, choice.active === true),
      firstSaid: Math.min(...f.affirmed.map((m) => m.sentence.index)),
    };
  });
  chosen.sort((a, b) => a.tier - b.tier || a.firstSaid - b.firstSaid);
  const combined = applyCombinations(chosen);

  const candidates: DiagnosisCandidate[] = [];
  const add = (
    code: string,
    rationale: string,
    evidence: Evidence[],
    features: CandidateFeatures,
    missing?: string,
  ) => {
    if (candidates.some((c) => c.code === code)) return;
    const row = codes.get(code);
    if (!row || !row.billable) {
      notCoded.push({ label: row?.description ?? code, reason: 'not_billable', code, evidence, features });
      return;
    }
    candidates.push({
      code,
      description: row.description,
      rationale,
      evidence,
      features,
      ...(missing ? { missing } : {}),
    });
  };

  for (const c of combined) {
    const f = byConcept.get(c.conceptId)!;
    const onList = problemListEvidence(doc, c.code);
    add(
      c.code,
      `${f.concept.label}: ${c.rationale}`,
      [...spansOf(f.affirmed), ...onList],
      {
        kind: f.concept.kind,
        clinicianMentions: f.affirmed.filter((m) => m.affirmedBy === 'clinician').length,
        inAssessment: f.affirmed.some((m) => m.sentence.role === 'assessment_plan'),
        onProblemList: onList.length > 0,
        missingDetail: c.missing !== undefined,
        combination: !chosen.some((x) => x.code === c.code),
      },
      c.missing,
    );
  }

  const tobacco = byConcept.get('cigarette-smoking');
  const counselling = tobacco
    ? doc.sentences.filter((s) => s.speaker === 'clinician' && !s.question && COUNSELLING.test(s.text))
    : [];
  if (tobacco && counselling.length > 0) {
    add(
      'Z71.6',
      'Tobacco use counselling given at this visit',
      counselling.slice(0, 2).map((s) => sentenceEvidence(s)),
      {
        kind: 'counselling',
        clinicianMentions: counselling.length,
        inAssessment: true,
        onProblemList: false,
        missingDetail: false,
        combination: false,
      },
    );
  }

  for (const status of drugStatusCodes(
    doc.context,
    candidates.map((c) => c.code),
  )) {
    add(status.code, status.rationale, [...status.evidence], {
      kind: 'drug_status',
      clinicianMentions: 0,
      inAssessment: false,
      onProblemList: false,
      missingDetail: false,
      combination: false,
    });
  }
  return { candidates, notCoded };
}
