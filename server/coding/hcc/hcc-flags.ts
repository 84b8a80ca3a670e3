/**
 * HCC flags for a visit's diagnoses: each code mapped to its CMS-HCC categories, the model's
 * hierarchies applied (a more severe category drops the less severe one of its family, and lists
 * it in `supersedes`), each category labelled and MEAT-checked from its diagnoses' evidence.
 *
 * A category whose diagnoses lack MEAT never hides one that has it: a parent drops a child only
 * when the parent is supported, or the child is not either. Otherwise a copied-forward "acute on
 * chronic heart failure" would silently replace today's well-documented heart failure.
 *
 * @module
 */
import { canonicalIcd10cm } from '../code-sets/icd10cm-code-format.ts';
import type { HccFlag } from '../../contract/coding.ts';
import type { Evidence } from '../../contract/note-draft.ts';
import { hccName, type HccModelData } from './hcc-model.ts';
import { MEAT_ELEMENTS } from './meat-lexicon.ts';
import { checkMeat, type MeatInputs, type MeatResult } from './meat.ts';

export interface HccDiagnosis {
  /** ICD-10-CM, dotted or not. */
  readonly code: string;
  readonly evidence: readonly Evidence[];
}

interface Category {
  readonly cc: number;
  readonly codes: string[];
  readonly meats: MeatResult[];
}

function evidenceKey(e: Evidence): string {
  return e.kind === 'input' ? `input:${e.start}:${e.end}` : `fhir:${e.ref}`;
}

function mergeMeat(results: readonly MeatResult[]): MeatResult {
  const elements = new Set(results.flatMap((r) => r.elements));
  const evidence = new Map<string, Evidence>();
  for (const e of results.flatMap((r) => r.evidence)) evidence.set(evidenceKey(e), e);
  return {
    met: results.some((r) => r.met),
    elements: MEAT_ELEMENTS.filter((e) => elements.has(e)),
    evidence: [...evidence.values()],
  };
}

/** Categories present, in the order their first diagnosis was listed. */
function categoriesOf(diagnoses: readonly HccDiagnosis[], model: HccModelData, meatInputs: MeatInputs) {
  const byCc = new Map<number, Category>();
  for (const diagnosis of diagnoses) {
    const code = canonicalIcd10cm(diagnosis.code);
    const ccs = model.categoriesByCode.get(code) ?? [];
    if (ccs.length === 0) continue;
    const meat = checkMeat(diagnosis.evidence, meatInputs);
    for (const cc of ccs) {
      const category = byCc.get(cc) ?? { cc, codes: [], meats: [] };
      if (!category.codes.includes(code)) category.codes.push(code);
      category.meats.push(meat);
      byCc.set(cc, category);
    }
  }
  return [...byCc.values()].map((c) => ({ cc: c.cc, codes: c.codes, meat: mergeMeat(c.meats) }));
}

/**
 * The HCC flags for `diagnoses` under `model`, after hierarchies. Codes the model does not map
 * are skipped; a code that maps to two categories (E11.52: diabetes with chronic complications,
 * and vascular disease with complications) flags both.
 */
export function hccFlagsFor(
  diagnoses: readonly HccDiagnosis[],
  model: HccModelData,
  meatInputs: MeatInputs = {},
): HccFlag[] {
  const present = categoriesOf(diagnoses, model, meatInputs);
  const byCc = new Map(present.map((c) => [c.cc, c]));
  const dropped = new Set<number>();
  const supersedes = new Map<number, number[]>();
  for (const parent of present) {
    for (const childCc of model.dropsByParent.get(parent.cc) ?? []) {
      const child = byCc.get(childCc);
      if (child === undefined || (!parent.meat.met && child.meat.met)) continue;
      dropped.add(childCc);
      supersedes.set(parent.cc, [...(supersedes.get(parent.cc) ?? []), childCc]);
    }
  }
  return present
    .filter((c) => !dropped.has(c.cc))
    .map((c) => ({
      hcc: hccName(c.cc),
      label: model.labels.get(c.cc) ?? hccName(c.cc),
      model: model.model.name,
      diagnosisCodes: c.codes,
      supersedes: (supersedes.get(c.cc) ?? []).sort((a, b) => a - b).map(hccName),
      meat: c.meat,
    }));
}
