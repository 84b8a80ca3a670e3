/**
 * Documentation gaps a coder or auditor would raise, each with a severity and the fix: a code
 * resting only on the chart (no words from this visit), a detail a query could supply, an
 * uncertain diagnosis left to its symptoms, a time-based level without a time statement, an HCC
 * without MEAT, and text copied from an earlier note.
 *
 * @module
 */
import type { DocumentationFinding, EmResult, HccFlag, WithheldDiagnosis } from '../../contract/coding.ts';
import type { DiagnosisCandidate } from '../diagnoses/suggest-diagnoses.ts';
import { mostSimilarPrior, type PriorNote } from './cloned-text.ts';

export interface FindingInputs {
  readonly diagnoses: readonly DiagnosisCandidate[];
  readonly withheld: readonly WithheldDiagnosis[];
  readonly em: EmResult;
  /** True when the visit text states the total time (not only a number given with the request). */
  readonly timeStated: boolean;
  /** Minutes given with the request, when any. */
  readonly requestedMinutes?: number;
  readonly hcc: readonly HccFlag[];
  readonly visitText: string;
  readonly priorNotes: readonly PriorNote[];
}

const DETAIL_FIX: Readonly<Record<string, string>> = {
  laterality: 'State the side: left, right or both.',
  'CKD stage': 'State the CKD stage (1 to 5, 3a or 3b), from the latest eGFR.',
  'heart failure type': 'State the type: systolic (reduced EF), diastolic (preserved EF) or combined.',
  acuity: 'State the acuity: acute, chronic, or acute on chronic.',
  'atrial fibrillation type':
    'State the pattern: paroxysmal, persistent, longstanding persistent or permanent.',
  'episode severity': 'State the current episode severity: mild, moderate or severe.',
  'episode and severity': 'State whether single or recurrent, and the current severity.',
};

export function documentationFindings(inputs: FindingInputs): DocumentationFinding[] {
  const findings: DocumentationFinding[] = [];
  for (const d of inputs.diagnoses) {
    const fromVisit = d.evidence.some((e) => e.kind === 'input');
    if (!fromVisit && d.features.kind !== 'drug_status') {
      findings.push({
        kind: 'code_without_support',
        severity: 'error',
        code: d.code,
        message: `${d.code} rests only on the chart; nothing in this visit supports it.`,
        suggestedFix:
          'Document how the condition was monitored, evaluated, assessed or treated today, or remove the code.',
        evidence: d.evidence,
      });
    }
    if (d.missing) {
      findings.push({
        kind: 'missing_specificity',
        severity: 'warning',
        code: d.code,
        message: `${d.code} is unspecified: the note does not give the ${d.missing}.`,
        suggestedFix: DETAIL_FIX[d.missing] ?? `Document the ${d.missing}.`,
        evidence: d.evidence,
      });
    }
  }
  for (const w of inputs.withheld.filter((x) => x.reason === 'uncertain')) {
    findings.push({
      kind: 'uncertain_diagnosis_coded',
      severity: 'info',
      message: `${w.label} is documented as uncertain, so it is not coded; its signs and symptoms are.`,
      suggestedFix: `If ${w.label.toLowerCase()} is confirmed, state it plainly in the assessment.`,
      evidence: w.evidence,
    });
  }
  if (inputs.requestedMinutes !== undefined && !inputs.timeStated) {
    const byTime = inputs.em.time?.code !== undefined && inputs.em.basis === 'time';
    findings.push({
      kind: byTime ? 'level_not_supported' : 'time_without_statement',
      severity: byTime ? 'error' : 'warning',
      message: byTime
        ? `${inputs.em.code} is chosen by time, but the note does not state the total time.`
        : 'Time was given for this visit, but the note does not state it.',
      suggestedFix:
        'Add a time statement: total time on the date of the encounter and the activities it included.',
      evidence: [],
    });
  }
  for (const flag of inputs.hcc.filter((h) => !h.meat.met)) {
    findings.push({
      kind: 'meat_missing',
      severity: 'warning',
      code: flag.diagnosisCodes[0],
      message: `${flag.hcc} (${flag.label}) has no monitoring, evaluation, assessment or treatment documented today.`,
      suggestedFix: 'Document what was done for the condition at this visit (MEAT), or do not report it.',
      evidence: flag.meat.evidence,
    });
  }
  const cloned = mostSimilarPrior(inputs.visitText, inputs.priorNotes);
  if (cloned) {
    findings.push({
      kind: 'cloned_text',
      severity: 'warning',
      message: `${Math.round(cloned.similarity * 100)}% of this note repeats the ${cloned.prior.label}.`,
      suggestedFix: 'Rewrite copied passages to say what was found and decided today.',
      evidence: [],
    });
  }
  return findings;
}
