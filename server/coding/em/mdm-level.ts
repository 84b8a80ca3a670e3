/**
 * Overall MDM from its three columns by the 2-of-3 rule: the level is the highest at which at
 * least two columns qualify, which is the middle of the three levels once sorted. Also the code
 * the MDM supports for a new or established patient, with 99211 for an established patient when
 * nothing at all of MDM is documented (99211 needs neither MDM nor time).
 *
 * @module
 */
import type { EmCode, MdmElementResult, MdmLevel, PatientStatus } from '../../contract/coding.ts';
import { aStatus, codeForMdm, statusWords } from './em-codes.ts';
import { levelRank, nextLevel } from './mdm-scale.ts';
import { capitalise, joinAnd } from './reasoning-text.ts';

export interface MdmColumns {
  readonly problems: MdmElementResult;
  readonly data: MdmElementResult;
  readonly risk: MdmElementResult;
}

export interface MdmSummary {
  readonly overall: MdmLevel;
  readonly code: EmCode;
  readonly reasoning: string;
}

type Column = readonly [name: string, level: MdmLevel];

const named = (columns: readonly Column[]) => joinAnd(columns.map(([name, level]) => `${name} (${level})`));

/** The 2-of-3 level: sort the three levels and take the middle one. */
export function overallLevel(levels: readonly [MdmLevel, MdmLevel, MdmLevel]): MdmLevel {
  const sorted = [...levels].sort((a, b) => levelRank(a) - levelRank(b));
  return sorted[1] ?? 'straightforward';
}

/** The 2-of-3 explanation: which columns meet the level, and why it is not the next one up. */
function explain(overall: MdmLevel, columns: readonly Column[]): string {
  const meeting = columns.filter(([, l]) => levelRank(l) >= levelRank(overall));
  const short = columns.filter(([, l]) => levelRank(l) < levelRank(overall));
  const first =
    short.length === 0
      ? `${capitalise(overall)}: ${named(meeting)} all meet it.`
      : `${capitalise(overall)}: ${named(meeting)} meet it, two of the three columns; ${named(short)} does not.`;
  const up = nextLevel(overall);
  if (!up) return first;
  const above = columns.filter(([, l]) => levelRank(l) >= levelRank(up));
  const second =
    above.length === 0
      ? `Not ${up}: no column reaches ${up}.`
      : `Not ${up}: only ${named(above)} reaches ${up}, and a level needs two of the three columns.`;
  return `${first} ${second}`;
}

/**
 * Overall MDM and the code it supports. `documented` is false when the visit documents no problem,
 * no data and no management at all: an established patient's visit is then 99211; a new patient
 * has no such code, so the lowest new-patient level stands and the reasoning says why.
 */
export function summariseMdm(status: PatientStatus, columns: MdmColumns, documented: boolean): MdmSummary {
  const list: Column[] = [
    ['problems', columns.problems.level],
    ['data', columns.data.level],
    ['risk', columns.risk.level],
  ];
  const overall = overallLevel([columns.problems.level, columns.data.level, columns.risk.level]);
  if (!documented && status === 'established') {
    return {
      overall,
      code: '99211',
      reasoning:
        'No problem addressed, no data and no management are documented, so there is no medical decision making to credit: 99211, the established-patient visit that needs neither MDM nor time (typically a nurse visit under supervision).',
    };
  }
  const code = codeForMdm(status, overall);
  const tail = documented
    ? `MDM supports ${code} for ${aStatus(status)}.`
    : `Nothing of MDM is documented; ${code} is the lowest ${statusWords(status)} level, and there is no new-patient equivalent of 99211.`;
  return { overall, code, reasoning: `${explain(overall, list)} ${tail}` };
}
