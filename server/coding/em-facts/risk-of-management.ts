/**
 * The risk column's management items, graded with the AMA table's examples: prescription drug
 * management (moderate), over-the-counter drugs and physical therapy (low), drug therapy needing
 * intensive monitoring for toxicity, a decision about hospitalisation, DNR or de-escalation and
 * parenteral controlled substances (high), elective major surgery (moderate; high when emergent),
 * minor procedures (low; moderate with risk factors), and diagnosis or treatment significantly
 * limited by social determinants of health (moderate). Return precautions ("if it gets worse, go
 * to the emergency room") are instructions, not decisions, and negated or conditional decisions
 * do not count (a decision not to admit counts only when the clinician says it was weighed).
 *
 * @module
 */
import type { RiskItem, RiskLevel } from '../../contract/coding.ts';
import type { DrugAction, DrugDecision } from './drug-decisions.ts';
import { conditionalBefore, isNegated, MINOR_PROCEDURE } from './sentence-cues.ts';
import type { TestActivity } from './test-activity.ts';
import { clinicianStatements, quoteEvidence, type Visit, type VisitSentence } from './visit-reading.ts';

const ACTION_RANK: Readonly<Record<DrugAction, number>> = {
  continue: 0,
  start: 2,
  stop: 2,
  increase: 3,
  reduce: 3,
  adjust: 3,
};
const ACTION_WORDS: Readonly<Record<DrugAction, string>> = {
  start: 'started',
  increase: 'increased',
  reduce: 'reduced',
  adjust: 'adjusted',
  stop: 'stopped or held',
  continue: 'continued',
};

/** The name to show: the most specific the clinician used ("furosemide", not "the water pill"). */
function drugName(group: readonly DrugDecision[]): string {
  const drug = group[0]!.drug;
  const specific = group.find((d) => {
    const lower = d.name.toLowerCase();
    return !GENERIC_NAMES.has(lower) && !(drug.contextTerms ?? []).includes(lower.replace(/e?s$/, ''));
  });
  return specific?.name ?? drug.label;
}
const GENERIC_NAMES = new Set(['water pill', 'diuretic', 'nitro', 'patch', 'patches', 'rescue inhaler']);

/** One risk item per drug: the strongest decision made about it, with every decision as evidence. */
function drugRisks(decisions: readonly DrugDecision[], tests: TestActivity): RiskItem[] {
  const byDrug = new Map<string, DrugDecision[]>();
  for (const d of decisions) byDrug.set(d.drug.key, [...(byDrug.get(d.drug.key) ?? []), d]);
  const ordered = new Set(tests.ordered.map((t) => t.key));
  return [...byDrug.values()].map((group) => {
    const main = group.reduce((a, b) => (ACTION_RANK[b.action] > ACTION_RANK[a.action] ? b : a));
    const name = drugName(group);
    const prescription = group.some((d) => d.prescription);
    const evidence = group.slice(0, 3).map((d) => quoteEvidence(d.sentence, d.quote));
    const monitored = main.drug.toxicityTests?.find((t) => ordered.has(t));
    if (prescription && monitored) {
      return {
        level: 'high',
        label: `Drug therapy requiring intensive monitoring for toxicity: ${name} ${ACTION_WORDS[main.action]}, monitoring ordered`,
        evidence,
      };
    }
    return prescription
      ? {
          level: 'moderate',
          label: `Prescription drug management: ${name} ${ACTION_WORDS[main.action]}`,
          evidence,
        }
      : { level: 'low', label: `Over-the-counter drug: ${name} ${ACTION_WORDS[main.action]}`, evidence };
  });
}

interface Rule {
  readonly pattern: RegExp;
  readonly level: RiskLevel;
  readonly label: string;
  /** A negated mention still counts when the sentence says the option was weighed. */
  readonly weighedCounts?: boolean;
  /** Raises the level when the sentence (or the visit) names risk factors. */
  readonly riskFactors?: RiskLevel;
}

const WEIGHED = /\b(?:consider(?:ed|ing)?|discuss(?:ed|ing)?|weigh(?:ed|ing)?|talked about)\b/;
const RISK_FACTORS =
  /\b(?:risk factors?|on (?:a )?blood thinners?|anticoagula\w*|immunosuppress\w*|bleeding disorder)\b/;

const RULES: readonly Rule[] = [
  {
    pattern:
      /\b(?:admit(?:ting)?(?: (?:you|him|her|them))?(?: to the hospital)?|admission|hospitali[sz](?:e|ed|ing|ation)|(?:send|sending|direct) (?:you|him|her) (?:straight )?(?:to|into) (?:the )?(?:hospital|emergency (?:room|department)|er|ed)|(?:go|head) (?:straight )?(?:to|into) the (?:emergency (?:room|department)|er|hospital) (?:right )?(?:now|today|immediately)|observation (?:unit|stay|status))\b/,
    level: 'high',
    label: 'Decision regarding hospitalisation',
    weighedCounts: true,
  },
  {
    pattern: /\b(?:dnr|do not resuscitate|do-not-resuscitate|comfort (?:care|measures)|hospice)\b/,
    level: 'high',
    label: 'Decision for DNR or de-escalation of care because of poor prognosis',
    weighedCounts: true,
  },
  {
    pattern:
      /\b(?:iv|intravenous|im|intramuscular|injection of|shot of)\s+(?:[a-z]+\s+)?(?:morphine|hydromorphone|dilaudid|fentanyl|ketamine|lorazepam|midazolam|meperidine)\b/,
    level: 'high',
    label: 'Parenteral controlled substance',
  },
  {
    pattern: /\b(?:emergency|emergent|urgent) (?:surgery|operation)\b/,
    level: 'high',
    label: 'Decision for emergency major surgery',
  },
  {
    pattern:
      /\b(?:schedul\w* (?:you )?for (?:surgery|an? operation|a [a-z ]{3,30}(?:replacement|repair|ectomy))|recommend(?:ing)? (?:surgery|an operation)|(?:we(?:'ll| will)|i(?:'ll| will)) (?:operate|do (?:the|an?) (?:surgery|operation|replacement|repair))|(?:surgery|an operation) is (?:the best option|recommended|indicated))\b/,
    level: 'moderate',
    label: 'Decision for elective major surgery',
    riskFactors: 'high',
  },
  { pattern: MINOR_PROCEDURE, level: 'low', label: 'Minor procedure', riskFactors: 'moderate' },
  {
    pattern:
      /\b(?:refer\w*|order\w*|start\w*|putting in|prescrib\w*) [^.]{0,30}\b(?:physical|occupational) therapy\b|\b(?:physical|occupational) therapy (?:referral|order)\b/,
    level: 'low',
    label: 'Physical or occupational therapy',
  },
];

/** Words at least one rule needs: sentences without any are not tried against every rule. */
const RULE_HINT =
  /admi|hospital|emergen|er\b|ed\b|observation|dnr|resuscitat|comfort|hospice|\biv\b|\bim\b|intra|injecti|shot of|surgery|operat|schedul|drain|incision|i ?& ?d|repair|suture|stitch|biopsy|cryo|froze|inject|removed|excis|therapy/;

function ruleRisk(rule: Rule, s: VisitSentence, lower: string): RiskItem | undefined {
  const m = rule.pattern.exec(lower);
  if (!m || conditionalBefore(lower, m.index)) return undefined;
  if (isNegated(lower, m[0]) && !(rule.weighedCounts && WEIGHED.test(lower))) return undefined;
  const level = rule.riskFactors && RISK_FACTORS.test(lower) ? rule.riskFactors : rule.level;
  return {
    level,
    label: rule.label,
    evidence: [quoteEvidence(s, s.text.slice(m.index, m.index + m[0].length))],
  };
}

const SDOH_BARRIER =
  /\b(?:can(?:no|')?t afford|cannot afford|too expensive|(?:no|lost (?:my|his|her)) (?:insurance|coverage)|no (?:transportation|ride|car)|homeless|(?:unstable|no) housing|food insecurity|(?:isn't|not) covered|doesn't cover)\b/;
const SDOH_HINT = /afford|expensive|insurance|coverage|transport|ride|car\b|homeless|housing|food|cover/;
const SDOH_RESPONSE =
  /\b(?:cheaper|generic|cost|coupon|afford|instead|assistance|samples?|program|social work\w*|pharmacy card)\b/;

/** A social barrier (cost, transport, housing) named, and the clinician's plan changed for it. */
function socialDeterminants(visit: Visit): RiskItem | undefined {
  const sentences = visit.sentences;
  for (const s of sentences) {
    if (!SDOH_HINT.test(s.lower)) continue;
    const m = SDOH_BARRIER.exec(s.lower);
    if (!m || s.question || isNegated(s.lower, m[0])) continue;
    const reply = sentences
      .slice(s.index, s.index + 6)
      .find((r) => r.clinician && !r.question && SDOH_RESPONSE.test(r.lower));
    if (reply) {
      return {
        level: 'moderate',
        label: 'Diagnosis or treatment significantly limited by social determinants of health',
        evidence: [quoteEvidence(s, s.text.slice(m.index, m.index + m[0].length)), quoteEvidence(reply)],
      };
    }
  }
  return undefined;
}

/** Every management item of the visit with its risk level. */
export function riskOfManagement(
  visit: Visit,
  decisions: readonly DrugDecision[],
  tests: TestActivity,
): RiskItem[] {
  const items = drugRisks(decisions, tests);
  const candidates = clinicianStatements(visit).filter((s) => RULE_HINT.test(s.lower));
  for (const rule of RULES) {
    const found = candidates.map((s) => ruleRisk(rule, s, s.lower)).find((r) => r !== undefined);
    if (found) items.push(found);
  }
  const social = socialDeterminants(visit);
  if (social) items.push(social);
  return items;
}
