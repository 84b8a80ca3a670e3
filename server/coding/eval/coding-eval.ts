/**
 * The coding evaluation over labelled visits: gold ICD-10-CM recall and precision, the first-listed
 * code, E/M exact match (and each MDM element), add-ons, codes that are invalid or not billable,
 * and the calibration of the confidence model (leave-one-visit-out reliability table and ECE,
 * plus a fresh fit to compare with the shipped weights).
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import type { EncounterCodeSuggestions, MdmLevel } from '../../contract/coding.ts';
import type { ClinicianInput } from '../../contract/note-draft.ts';
import { assembleSuggestions } from '../assemble-suggestions.ts';
import { calibrationReport, type CalibrationReport } from '../confidence/calibration-report.ts';
import { CONFIDENCE_FIT } from '../confidence/confidence-model.ts';
import { fitOn, labelledItems, leaveOneVisitOut, type LabelledItem } from '../confidence/labelled-set.ts';
import { suggestDiagnoses, type CodeLookup } from '../diagnoses/suggest-diagnoses.ts';
import { codingDocument } from '../document/coding-document.ts';
import type { HccModelData } from '../hcc/hcc-model.ts';

export interface CodingGold {
  readonly diagnoses: readonly string[];
  readonly em: {
    readonly code: string;
    readonly basis: 'mdm' | 'time';
    readonly problems: MdmLevel;
    readonly data: MdmLevel;
    readonly risk: MdmLevel;
  };
  /** E/M add-ons and separately reported services (G2211, 99417, 99406). */
  readonly addOns: readonly string[];
}

export interface CodingEvalCase {
  readonly key: string;
  readonly input: ClinicianInput;
  readonly context: ClinicalContext;
  readonly gold: CodingGold;
}

export interface VisitResult {
  readonly key: string;
  readonly suggested: readonly string[];
  readonly gold: readonly string[];
  readonly missed: readonly string[];
  readonly extra: readonly string[];
  readonly firstListedRight: boolean;
  readonly em: string;
  readonly goldEm: string;
  readonly mdmRight: number;
  readonly addOns: readonly string[];
  readonly goldAddOns: readonly string[];
  readonly invalid: readonly string[];
  readonly ms: number;
}

export interface CodingEvalReport {
  readonly visits: readonly VisitResult[];
  readonly recall: number;
  readonly precision: number;
  readonly emExact: number;
  readonly calibration: CalibrationReport;
  readonly freshWeights: readonly number[];
}

export interface CodingEvalDeps {
  readonly codes: { readonly release: string; readonly lookup: CodeLookup };
  readonly hccModel?: HccModelData;
  readonly now: Date;
}

function evaluateVisit(c: CodingEvalCase, deps: CodingEvalDeps, items: LabelledItem[]): VisitResult {
  const started = performance.now();
  const doc = codingDocument({ input: c.input, context: c.context });
  const diagnoses = suggestDiagnoses(doc, deps.codes.lookup);
  const s: EncounterCodeSuggestions = assembleSuggestions({
    doc,
    release: deps.codes.release,
    diagnoses,
    request: {},
    ...(deps.hccModel ? { hccModel: deps.hccModel } : {}),
    priorNotes: [],
    draftVersion: 0,
    now: deps.now,
  });
  const ms = performance.now() - started;
  items.push(...labelledItems(c.key, diagnoses, c.gold.diagnoses));
  const suggested = s.diagnoses.map((d) => d.code);
  const { mdm } = s.em;
  return {
    key: c.key,
    suggested,
    gold: c.gold.diagnoses,
    missed: c.gold.diagnoses.filter((g) => !suggested.includes(g)),
    extra: suggested.filter((x) => !c.gold.diagnoses.includes(x)),
    firstListedRight: suggested[0] === c.gold.diagnoses[0],
    em: `${s.em.code} (${s.em.basis})`,
    goldEm: `${c.gold.em.code} (${c.gold.em.basis})`,
    mdmRight: [
      mdm.problems.level === c.gold.em.problems,
      mdm.data.level === c.gold.em.data,
      mdm.risk.level === c.gold.em.risk,
    ].filter(Boolean).length,
    addOns: [...s.em.addOns.map((a) => a.code), ...s.services.map((a) => a.code)],
    goldAddOns: c.gold.addOns,
    invalid: suggested.filter((code) => deps.codes.lookup.get(code)?.billable !== true),
    ms,
  };
}

export function evaluateCoding(cases: readonly CodingEvalCase[], deps: CodingEvalDeps): CodingEvalReport {
  const items: LabelledItem[] = [];
  const visits = cases.map((c) => evaluateVisit(c, deps, items));
  const tp = visits.reduce((n, v) => n + v.gold.length - v.missed.length, 0);
  const gold = visits.reduce((n, v) => n + v.gold.length, 0);
  const suggested = visits.reduce((n, v) => n + v.suggested.length, 0);
  return {
    visits,
    recall: gold ? tp / gold : 0,
    precision: suggested ? tp / suggested : 0,
    emExact: visits.filter((v) => v.em === v.goldEm).length / Math.max(1, visits.length),
    calibration: calibrationReport(
      leaveOneVisitOut(items, CONFIDENCE_FIT),
      items.map((i) => i.y),
    ),
    freshWeights: fitOn(items, CONFIDENCE_FIT).map((w) => Number(w.toFixed(4))),
  };
}
