import { describe, expect, it } from 'vitest';
import type { EmResult, HccFlag } from '../../contract/coding.ts';
import type { DiagnosisCandidate } from '../diagnoses/suggest-diagnoses.ts';
import { documentationFindings, type FindingInputs } from './documentation-findings.ts';

const features = {
  kind: 'diagnosis' as const,
  clinicianMentions: 1,
  inAssessment: true,
  onProblemList: false,
  missingDetail: false,
  combination: false,
};
const spoken = { kind: 'input' as const, start: 0, end: 5, quote: 'otitis' };
const chartOnly = { kind: 'fhir' as const, ref: 'Condition/1', label: 'Gout' };

function em(basis: 'mdm' | 'time'): EmResult {
  const element = { level: 'low' as const, reasoning: [], evidence: [] };
  return {
    code: '99214',
    patientStatus: 'established',
    basis,
    mdm: { problems: element, data: element, risk: element, overall: 'low', reasoning: '', code: '99213' },
    ...(basis === 'time' ? { time: { minutes: 35, code: '99214' as const, reasoning: '' } } : {}),
    addOns: [],
    addOnsNotSuggested: [],
  };
}

function inputs(over: Partial<FindingInputs>): FindingInputs {
  return {
    diagnoses: [],
    withheld: [],
    em: em('mdm'),
    timeStated: true,
    hcc: [],
    visitText: '',
    priorNotes: [],
    ...over,
  };
}

function dx(code: string, over: Partial<DiagnosisCandidate>): DiagnosisCandidate {
  return { code, description: code, rationale: '', evidence: [spoken], features, ...over };
}

describe('documentationFindings', () => {
  it('flags a code that rests only on the chart, but not a long-term drug status code', () => {
    const found = documentationFindings(
      inputs({
        diagnoses: [
          dx('M10.9', { evidence: [chartOnly] }),
          dx('Z79.01', { evidence: [chartOnly], features: { ...features, kind: 'drug_status' } }),
        ],
      }),
    );
    expect(found.map((f) => [f.kind, f.code])).toEqual([['code_without_support', 'M10.9']]);
  });

  it('asks for a missing detail with a concrete fix', () => {
    const [finding] = documentationFindings(inputs({ diagnoses: [dx('H66.90', { missing: 'laterality' })] }));
    expect(finding).toMatchObject({ kind: 'missing_specificity', code: 'H66.90' });
    expect(finding?.suggestedFix).toMatch(/left, right or both/);
  });

  it('explains an uncertain diagnosis left to its symptoms', () => {
    const [finding] = documentationFindings(
      inputs({ withheld: [{ label: 'Angina', reason: 'uncertain', evidence: [spoken] }] }),
    );
    expect(finding).toMatchObject({ kind: 'uncertain_diagnosis_coded', severity: 'info' });
  });

  it('refuses a time-based level the note does not state time for', () => {
    expect(
      documentationFindings(inputs({ em: em('time'), requestedMinutes: 35, timeStated: false }))[0],
    ).toMatchObject({
      kind: 'level_not_supported',
      severity: 'error',
    });
    expect(documentationFindings(inputs({ requestedMinutes: 12, timeStated: false }))[0]?.kind).toBe(
      'time_without_statement',
    );
    expect(documentationFindings(inputs({ requestedMinutes: 35, timeStated: true }))).toEqual([]);
  });

  it('flags an HCC without MEAT and a note copied from a prior one', () => {
    const hcc: HccFlag = {
      hcc: 'HCC38',
      label: 'Diabetes',
      model: 'V28',
      diagnosisCodes: ['E11.9'],
      supersedes: [],
      meat: { met: false, elements: [], evidence: [] },
    };
    const text =
      'Type 2 diabetes follow up, A1c 7.2, metformin continued, diet reviewed, return in three months.';
    const found = documentationFindings(
      inputs({ hcc: [hcc], visitText: text, priorNotes: [{ label: 'note of 2026-08-01', text }] }),
    );
    expect(found.map((f) => f.kind)).toEqual(['meat_missing', 'cloned_text']);
  });
});
