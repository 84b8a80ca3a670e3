/**
 * The four MDM levels in order, and the words each column uses for them: the data column says
 * "limited" and "extensive", the risk column "minimal", where the table's rows say "low" and
 * "high". Reasoning shows both, so a coder reading either vocabulary recognises the level.
 *
 * @module
 */
import type { MdmLevel, RiskLevel } from '../../contract/coding.ts';

export const MDM_LEVELS: readonly MdmLevel[] = ['straightforward', 'low', 'moderate', 'high'];

/** 0 for straightforward up to 3 for high. */
export function levelRank(level: MdmLevel): number {
  return MDM_LEVELS.indexOf(level);
}

/** The next level up, or undefined at high. */
export function nextLevel(level: MdmLevel): MdmLevel | undefined {
  return MDM_LEVELS[levelRank(level) + 1];
}

const DATA_WORDS: Readonly<Record<MdmLevel, string>> = {
  straightforward: 'minimal or none',
  low: 'limited',
  moderate: 'moderate',
  high: 'extensive',
};

/** "low (limited)", "high (extensive)", "moderate". */
export function dataLevelWords(level: MdmLevel): string {
  const words = DATA_WORDS[level];
  return words === level ? level : `${level} (${words})`;
}

/** Risk is graded minimal/low/moderate/high; minimal risk sits on the straightforward row. */
export function mdmLevelForRisk(risk: RiskLevel): MdmLevel {
  return risk === 'minimal' ? 'straightforward' : risk;
}

/** "straightforward (minimal)", "moderate". */
export function riskLevelWords(level: MdmLevel): string {
  return level === 'straightforward' ? 'straightforward (minimal)' : level;
}
