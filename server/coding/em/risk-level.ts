/**
 * The risk column of 2021+ office MDM: the risk of complications, morbidity or mortality of the
 * patient management decided at this encounter. The extractor grades each management item
 * (`RiskItem.level`, with examples from the AMA table); the column takes the highest, because one
 * high-risk decision is enough, and says what would have made it higher.
 *
 * @module
 */
import type { MdmElementResult, MdmLevel, RiskItem } from '../../contract/coding.ts';
import { levelRank, mdmLevelForRisk, riskLevelWords } from './mdm-scale.ts';
import { labelList } from './reasoning-text.ts';

/** What the next row up would need, in the table's examples. */
const NOT_HIGHER: Readonly<Record<MdmLevel, string>> = {
  straightforward:
    'Not low: no management of low risk is documented (for example over-the-counter drugs, or minor surgery without risk factors).',
  low: 'Not moderate: no prescription drug management, no minor surgery with risk factors, no elective major surgery, and no diagnosis or treatment significantly limited by social determinants of health.',
  moderate:
    'Not high: no drug therapy needing intensive monitoring for toxicity, no decision about hospitalisation or escalation of care, no major surgery with risk factors or emergency major surgery, no decision for DNR or de-escalation because of poor prognosis, and no parenteral controlled substances.',
  high: '',
};

/**
 * "Prescription drug management (sertraline increased; trazodone continued)": items labelled
 * "Kind: detail" are grouped under their kind, so a list of drugs does not repeat it.
 */
function describe(items: readonly RiskItem[]): string {
  const groups = new Map<string, string[]>();
  for (const { label } of items) {
    const colon = label.indexOf(': ');
    const [kind, detail] = colon > 0 ? [label.slice(0, colon), label.slice(colon + 2)] : [label, ''];
    groups.set(kind, [...(groups.get(kind) ?? []), ...(detail ? [detail] : [])]);
  }
  return [...groups]
    .map(([kind, details]) => (details.length ? `${kind} ${labelList(details)}` : kind))
    .join('; ');
}

/** The risk column: level, a coder's reasoning, and the evidence of the items at that level. */
export function riskLevel(risks: readonly RiskItem[]): MdmElementResult {
  const level = risks.reduce<MdmLevel>((top, r) => {
    const l = mdmLevelForRisk(r.level);
    return levelRank(l) > levelRank(top) ? l : top;
  }, 'straightforward');
  const atLevel = risks.filter((r) => mdmLevelForRisk(r.level) === level);
  const below = risks.filter((r) => mdmLevelForRisk(r.level) !== level);

  const reasoning =
    atLevel.length === 0
      ? [`Risk: ${riskLevelWords(level)} — no management with more than minimal risk is documented.`]
      : [`Risk: ${riskLevelWords(level)} — ${describe(atLevel)}.`];
  if (below.length > 0) {
    reasoning.push(`Also documented at lower risk ${labelList(below.map((r) => `${r.label}: ${r.level}`))}.`);
  }
  if (level !== 'high') reasoning.push(NOT_HIGHER[level]);
  return { level, reasoning, evidence: atLevel.flatMap((r) => r.evidence) };
}
