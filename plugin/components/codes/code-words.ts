/**
 * Coding terms as a clinician reads them on the Codes step: why a condition was not coded, what a
 * confidence means, the MDM level words of each column (AMA's "Limited", "Extensive" for data),
 * severities, and the documented MEAT elements.
 *
 * @module
 */
import type {
  DocumentationFinding,
  HccFlag,
  MdmLevel,
  WithheldDiagnosis,
} from '../../../server/contract/coding.ts';

export const WITHHELD_REASONS: Readonly<Record<WithheldDiagnosis['reason'], string>> = {
  negated: 'Denied or ruled out in the visit',
  uncertain: 'Uncertain (probable, suspected, rule out): code the symptoms instead',
  deferred: 'Deferred to a later visit',
  not_addressed: 'Mentioned but not addressed today',
  explained_by_diagnosis: 'Explained by another diagnosis that is coded',
  not_billable: 'Not billable: a more specific code is needed',
};

/** "92%" with words for screen readers and for anyone who does not read percentages as odds. */
export function confidenceWords(confidence: number): { percent: string; meaning: string } {
  const percent = `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
  const meaning =
    confidence >= 0.85
      ? 'high confidence'
      : confidence >= 0.6
        ? 'moderate confidence: check it'
        : 'low confidence: check it carefully';
  return { percent, meaning };
}

export type MdmColumn = 'problems' | 'data' | 'risk';

export const MDM_COLUMNS: readonly { readonly key: MdmColumn; readonly title: string }[] = [
  { key: 'problems', title: 'Problems' },
  { key: 'data', title: 'Data' },
  { key: 'risk', title: 'Risk' },
];

const LEVEL_ORDER: readonly MdmLevel[] = ['straightforward', 'low', 'moderate', 'high'];

export function levelRank(level: MdmLevel): number {
  return LEVEL_ORDER.indexOf(level);
}

const COLUMN_LEVELS: Readonly<Record<MdmColumn | 'overall', readonly string[]>> = {
  problems: ['Minimal', 'Low', 'Moderate', 'High'],
  data: ['Minimal or none', 'Limited', 'Moderate', 'Extensive'],
  risk: ['Minimal', 'Low', 'Moderate', 'High'],
  overall: ['Straightforward', 'Low', 'Moderate', 'High'],
};

/** The word the AMA table uses for `level` in `column` ("Limited" for low data). */
export function levelWord(column: MdmColumn | 'overall', level: MdmLevel): string {
  return COLUMN_LEVELS[column][levelRank(level)] ?? level;
}

export const SEVERITIES: readonly {
  readonly key: DocumentationFinding['severity'];
  readonly word: string;
}[] = [
  { key: 'error', word: 'Must fix' },
  { key: 'warning', word: 'Should fix' },
  { key: 'info', word: 'Worth a look' },
];

type MeatElement = HccFlag['meat']['elements'][number];

export const MEAT_ELEMENTS: readonly { readonly key: MeatElement; readonly word: string }[] = [
  { key: 'monitor', word: 'Monitor' },
  { key: 'evaluate', word: 'Evaluate' },
  { key: 'assess', word: 'Assess/Address' },
  { key: 'treat', word: 'Treat' },
];
