/**
 * Code suggestions as the coder stores them for a fixture visit, built from the visit's gold answer
 * with evidence spans cut from its transcript (found by quote, so the offsets are real): what the
 * billing review tests and the end-to-end spec put in `code_suggestion` when they need a
 * realistic encounter without running the coder.
 *
 * @module
 */
import { primaryCareDiabetes } from '../../fhir-fixtures/patients/primary-care-diabetes.ts';
import type { PatientFixture } from '../../fhir-fixtures/patients/types.ts';
import type { EncounterCodeSuggestions, MdmElementResult } from '../../server/contract/coding.ts';
import type { Evidence, InputEvidence } from '../../server/contract/note-draft.ts';

/** An input evidence span for `quote`, which must occur in `text`. */
export function quoteEvidence(text: string, quote: string): InputEvidence {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in the transcript: ${quote}`);
  return { kind: 'input', start, end: start + quote.length, quote, speaker: 'clinician' };
}

/** Quotes from the diabetes visit's transcript that support each gold code. */
export const DIABETES_QUOTES: Readonly<Record<string, string>> = {
  'E11.65': 'So your diabetes is not controlled right now. This is hyperglycemia',
  'E11.22': 'I think the kidney disease is caused by the diabetes and the blood pressure together',
  'I12.9': "I'm going to increase your lisinopril from 20 to 40 milligrams once a day",
  'N18.31': 'So you have chronic kidney disease stage 3a',
  'E78.5': 'LDL, the bad cholesterol, is 68',
  'Z79.84': "You're on metformin 1000 milligrams twice a day",
  G2211: "I'll keep coordinating everything with the eye doctor and anyone else you see, like always",
};

const element = (level: MdmElementResult['level'], reasoning: string, evidence: Evidence[]) => ({
  level,
  reasoning: [reasoning],
  evidence,
});

export function fixtureCodeSuggestions(
  fixture: PatientFixture,
  quotes: Readonly<Record<string, string>>,
  createdAt = '2026-11-25T10:00:00.000Z',
): EncounterCodeSuggestions {
  const { transcript, gold } = fixture.visit;
  const evidenceFor = (code: string): Evidence[] => {
    const quote = quotes[code];
    return quote ? [quoteEvidence(transcript, quote)] : [];
  };
  const { mdm } = gold.em;
  return {
    release: 'seed',
    diagnoses: gold.diagnoses.map((d, i) => ({
      code: d.code,
      description: d.description,
      rank: i + 1,
      evidence: [
        ...evidenceFor(d.code),
        ...(d.code === 'I12.9'
          ? [
              {
                kind: 'fhir' as const,
                ref: 'Condition/rp-quill-cond-htn',
                label: 'Essential (primary) hypertension (problem list)',
              },
            ]
          : []),
      ],
      confidence: Math.max(0.55, 0.95 - i * 0.06),
      rationale: d.rationale,
    })),
    em: {
      code: gold.em.code,
      patientStatus: gold.em.patientStatus,
      basis: gold.em.basis,
      mdm: {
        problems: element(mdm.problems.level, mdm.problems.rationale, evidenceFor('E11.65')),
        data: element(mdm.data.level, mdm.data.rationale, []),
        risk: element(mdm.risk.level, mdm.risk.rationale, evidenceFor('I12.9')),
        overall: mdm.overall,
        reasoning: `${mdm.overall[0]!.toUpperCase()}${mdm.overall.slice(1)}: two of the three columns reach it.`,
        code: gold.em.code,
      },
      addOns: gold.addOns.map((a) => ({
        code: a.code,
        units: 1,
        reasoning: a.rationale,
        evidence: evidenceFor(a.code),
      })),
      addOnsNotSuggested: [],
    },
    hcc: [],
    findings: [],
    withheld: [],
    services: [],
    draftVersion: 1,
    createdAt,
  };
}

/** The primary-care diabetes visit (Walter Quill, Medicare, 99214 + G2211, six diagnoses). */
export const diabetesVisitSuggestions = (createdAt?: string): EncounterCodeSuggestions =>
  fixtureCodeSuggestions(primaryCareDiabetes, DIABETES_QUOTES, createdAt);
