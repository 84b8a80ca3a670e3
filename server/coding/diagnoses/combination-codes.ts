/**
 * ICD-10-CM's presumed links, applied to the codes chosen one by one: hypertension with heart
 * failure is I11.0, with CKD I12.-, with both I13.-, and the I10 goes (guideline I.C.9.a); diabetes
 * with CKD is E1x.22 beside the CKD stage ("with" presumes the link, guideline I.A.15), and a
 * diabetes code with a complication replaces E1x.9. Sequencing follows the code-first notes:
 * the hypertensive combination before the heart-failure and CKD codes it explains.
 *
 * @module
 */

export interface ChosenCode {
  readonly code: string;
  readonly conceptId: string;
  readonly rationale: string;
  readonly missing?: string;
}

const has = (codes: readonly ChosenCode[], prefix: string) => codes.some((c) => c.code.startsWith(prefix));

export function applyCombinations(chosen: readonly ChosenCode[]): ChosenCode[] {
  let codes = [...chosen];
  const hypertension = codes.find((c) => c.code === 'I10');
  const heartFailure = has(codes, 'I50');
  const ckd = codes.find((c) => c.code.startsWith('N18'));
  const stage5 = ckd !== undefined && /^N18\.[56]$/.test(ckd.code);

  if (hypertension && (heartFailure || ckd)) {
    const code =
      heartFailure && ckd
        ? stage5
          ? 'I13.2'
          : 'I13.0'
        : heartFailure
          ? 'I11.0'
          : stage5
            ? 'I12.0'
            : 'I12.9';
    const rationale =
      heartFailure && ckd
        ? 'hypertension with heart failure and CKD are presumed linked'
        : heartFailure
          ? 'hypertension with heart failure is presumed linked (hypertensive heart disease)'
          : 'hypertension with CKD is presumed linked (hypertensive CKD)';
    codes = codes.map((c) => (c === hypertension ? { ...c, code, rationale } : c));
  }

  for (const type of ['E10', 'E11'] as const) {
    const diabetes = codes.filter((c) => c.code.startsWith(type));
    if (diabetes.length === 0) continue;
    if (ckd && !codes.some((c) => c.code === `${type}.22`)) {
      const at = codes.indexOf(diabetes[diabetes.length - 1]!);
      codes.splice(at + 1, 0, {
        code: `${type}.22`,
        conceptId: diabetes[0]!.conceptId,
        rationale: 'diabetes with CKD: "with" presumes the link; the CKD stage is coded beside it',
      });
    }
    if (codes.filter((c) => c.code.startsWith(type)).length > 1) {
      codes = codes.filter((c) => c.code !== `${type}.9`);
    }
  }
  return sequence(codes);
}

/** Hypertensive combinations before the I50/N18 codes they explain; otherwise order kept. */
function sequence(codes: ChosenCode[]): ChosenCode[] {
  const combination = codes.find((c) => /^I1[123]\./.test(c.code));
  if (!combination) return codes;
  const firstExplained = codes.findIndex((c) => c.code.startsWith('I50') || c.code.startsWith('N18'));
  const at = codes.indexOf(combination);
  if (firstExplained === -1 || at < firstExplained) return codes;
  const rest = codes.filter((c) => c !== combination);
  rest.splice(firstExplained, 0, combination);
  return rest;
}
