/**
 * The details ICD-10-CM codes turn on, read from the words around a diagnosis: side, acuity,
 * heart-failure type, atrial-fibrillation pattern, CKD stage, depressive episode and severity.
 * Each returns undefined when the documentation does not say, so the code falls back to the
 * unspecified one and a query can ask for the detail.
 *
 * @module
 */

export type Side = 'right' | 'left' | 'bilateral';

/** The side named in `text`, or undefined when none or both sides are named separately. */
export function sideOf(text: string): Side | undefined {
  const t = text.toLowerCase();
  if (/\bbilateral(?:ly)?\b|\bboth (?:ears|ankles|knees|sides|eyes|hips|shoulders|feet|hands)\b/.test(t)) {
    return 'bilateral';
  }
  const left = /\bleft\b/.test(t);
  const right = /\bright\b(?! now| away| there| here| after| before| thing| choice)/.test(t);
  if (left && right) return undefined;
  return left ? 'left' : right ? 'right' : undefined;
}

export type Acuity = 'acute' | 'chronic' | 'acute_on_chronic';

export function acuityOf(text: string): Acuity | undefined {
  const t = text.toLowerCase();
  if (/acute on chronic|(?:exacerbation|decompensat\w*|flare)\b/.test(t) && /\bchronic\b/.test(t)) {
    return 'acute_on_chronic';
  }
  if (/\bchronic\b/.test(t)) return 'chronic';
  if (/\bacute\b/.test(t)) return 'acute';
  return undefined;
}

export type HeartFailureType = 'systolic' | 'diastolic' | 'combined';

export function heartFailureTypeOf(text: string): HeartFailureType | undefined {
  const t = text.toLowerCase();
  const systolic = /\bsystolic\b|\bhfref\b|reduced ejection fraction/.test(t);
  const diastolic = /\bdiastolic\b|\bhfpef\b|preserved ejection fraction/.test(t);
  if (systolic && diastolic) return 'combined';
  return systolic ? 'systolic' : diastolic ? 'diastolic' : undefined;
}

export type AfibPattern = 'paroxysmal' | 'persistent' | 'longstanding_persistent' | 'permanent' | 'chronic';

export function afibPatternOf(text: string): AfibPattern | undefined {
  const t = text.toLowerCase();
  if (/long-?standing persistent/.test(t)) return 'longstanding_persistent';
  if (/\bpersistent\b/.test(t)) return 'persistent';
  if (/\bparoxysmal\b/.test(t)) return 'paroxysmal';
  if (/\bpermanent\b/.test(t)) return 'permanent';
  if (/\bchronic\b/.test(t)) return 'chronic';
  return undefined;
}

/** `N18.31` for "stage 3a"; undefined when no stage is stated. */
export function ckdStageCode(text: string): string | undefined {
  const t = text.toLowerCase();
  if (/end[- ]stage (?:renal|kidney)|\besrd\b/.test(t)) return 'N18.6';
  const m = /stage (1|2|3a|3b|3|4|5|one|two|three|four|five)\b/.exec(t);
  if (!m) return undefined;
  const stage = { one: '1', two: '2', three: '3', four: '4', five: '5' }[m[1]!] ?? m[1]!;
  return {
    '1': 'N18.1',
    '2': 'N18.2',
    '3': 'N18.30',
    '3a': 'N18.31',
    '3b': 'N18.32',
    '4': 'N18.4',
    '5': 'N18.5',
  }[stage];
}

export type Severity = 'mild' | 'moderate' | 'severe';

export function severityOf(text: string): Severity | undefined {
  const t = text.toLowerCase();
  if (/\bsevere\b/.test(t)) return 'severe';
  if (/\bmoderate\b/.test(t)) return 'moderate';
  if (/\bmild\b/.test(t)) return 'mild';
  return undefined;
}
