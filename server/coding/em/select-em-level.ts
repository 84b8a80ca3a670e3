/**
 * The E/M engine's one entry point: from the facts an extractor found (with evidence) to the
 * office/outpatient code, its basis, each MDM column's reasoning, the time level and the add-ons.
 * Pure and deterministic: a model may extract facts, never pick the level.
 *
 * When both MDM and time are documented the higher level is billed. At the same level MDM is
 * named as the basis (it does not depend on a time statement surviving audit), except when the
 * time reaches prolonged services: those are reported only with a level chosen by time, so time
 * is then the basis that captures everything the documentation supports.
 *
 * @module
 */
import type { EmFacts, EmResult } from '../../contract/coding.ts';
import { dataLevel } from './data-level.ts';
import { compareCodes, isTopLevel } from './em-codes.ts';
import { g2211 } from './g2211.ts';
import { summariseMdm } from './mdm-level.ts';
import { problemsLevel } from './problems-level.ts';
import { prolongedServices } from './prolonged-services.ts';
import { riskLevel } from './risk-level.ts';
import { timeLevel, type TimeLevel } from './time-level.ts';

/** Whether anything at all of MDM is documented (99211 is for visits with none). */
function hasMdmElements(facts: EmFacts): boolean {
  const d = facts.data;
  return (
    facts.problems.length > 0 ||
    facts.risks.length > 0 ||
    d.externalNotes.length + d.testsReviewed.length + d.testsOrdered.length > 0 ||
    d.independentInterpretations.length + d.externalDiscussions.length > 0 ||
    d.independentHistorian !== undefined
  );
}

/** Time wins when it supports a higher code, or the same top code with prolonged minutes. */
function timeWins(facts: EmFacts, mdmCode: EmResult['code'], time: TimeLevel | undefined): boolean {
  if (!time?.code) return false;
  const order = compareCodes(time.code, mdmCode);
  if (order !== 0) return order > 0;
  if (!isTopLevel(time.code)) return false;
  const byTime = prolongedServices({
    code: time.code,
    basis: 'time',
    minutes: time.minutes,
    payerType: facts.payerType,
    timeEvidence: [],
  });
  return byTime.addOns.length > 0;
}

/** How time relates to the MDM level, appended to the time reasoning. */
function basisSentence(time: TimeLevel, mdmCode: EmResult['code'], byTime: boolean): string {
  if (!time.code) return ` The level rests on MDM (${mdmCode}).`;
  if (byTime && compareCodes(time.code, mdmCode) > 0) {
    return ` Time supports a higher level than MDM (${mdmCode}), so ${time.code} is chosen by time.`;
  }
  if (byTime)
    return ` MDM supports the same level; time is the basis because it also supports prolonged services.`;
  if (compareCodes(time.code, mdmCode) === 0)
    return ' MDM supports the same level, so MDM is named as the basis.';
  return ` MDM supports a higher level (${mdmCode}), so the level rests on MDM.`;
}

/** Select the office/outpatient E/M level, with its reasoning and add-ons, from extracted facts. */
export function selectEmLevel(facts: EmFacts): EmResult {
  const columns = {
    problems: problemsLevel(facts.problems),
    data: dataLevel(facts.data),
    risk: riskLevel(facts.risks),
  };
  const mdm = summariseMdm(facts.patientStatus, columns, hasMdmElements(facts));
  const time =
    facts.totalTimeMinutes === undefined ? undefined : timeLevel(facts.patientStatus, facts.totalTimeMinutes);
  const byTime = timeWins(facts, mdm.code, time);
  const code = byTime && time?.code ? time.code : mdm.code;
  const basis = byTime ? 'time' : 'mdm';

  const prolonged = prolongedServices({
    code,
    basis,
    minutes: facts.totalTimeMinutes,
    payerType: facts.payerType,
    timeEvidence: facts.timeEvidence ?? [],
  });
  const visitComplexity = g2211(facts);
  return {
    code,
    patientStatus: facts.patientStatus,
    basis,
    mdm: { ...columns, overall: mdm.overall, reasoning: mdm.reasoning, code: mdm.code },
    ...(time ? { time: { ...time, reasoning: time.reasoning + basisSentence(time, mdm.code, byTime) } } : {}),
    addOns: [...visitComplexity.addOns, ...prolonged.addOns],
    addOnsNotSuggested: [...visitComplexity.notSuggested, ...prolonged.notSuggested],
  };
}
