/**
 * The problems column of 2021+ office MDM: the level the problems addressed at this encounter
 * reach, which of them reach it, and why the column is not higher. Each problem arrives already
 * classified (`ProblemKind`); this module applies the AMA table, including its two counting rows
 * (two or more self-limited problems are low; two or more stable chronic illnesses are moderate).
 * Problems of low complexity do not otherwise add up to a higher level.
 *
 * @module
 */
import type { MdmElementResult, MdmLevel, ProblemAddressed, ProblemKind } from '../../contract/coding.ts';
import { levelRank } from './mdm-scale.ts';
import { counted, joinAnd, labelList } from './reasoning-text.ts';

/** How a coder names each kind, one and many. */
const KIND_WORDS: Readonly<Record<ProblemKind, readonly [string, string]>> = {
  self_limited: ['self-limited or minor problem', 'self-limited or minor problems'],
  stable_chronic: ['stable chronic illness', 'stable chronic illnesses'],
  acute_uncomplicated: [
    'acute, uncomplicated illness or injury',
    'acute, uncomplicated illnesses or injuries',
  ],
  stable_acute: ['stable acute illness', 'stable acute illnesses'],
  acute_uncomplicated_inpatient: [
    'acute, uncomplicated illness or injury needing hospital inpatient or observation care',
    'acute, uncomplicated illnesses or injuries needing hospital inpatient or observation care',
  ],
  chronic_exacerbation: [
    'chronic illness with exacerbation, progression or side effects of treatment',
    'chronic illnesses with exacerbation, progression or side effects of treatment',
  ],
  undiagnosed_uncertain: [
    'undiagnosed new problem with uncertain prognosis',
    'undiagnosed new problems with uncertain prognosis',
  ],
  acute_systemic: ['acute illness with systemic symptoms', 'acute illnesses with systemic symptoms'],
  acute_complicated_injury: ['acute, complicated injury', 'acute, complicated injuries'],
  chronic_severe_exacerbation: [
    'chronic illness with severe exacerbation, progression or side effects of treatment',
    'chronic illnesses with severe exacerbation, progression or side effects of treatment',
  ],
  threat_to_life: [
    'illness or injury posing a threat to life or bodily function',
    'illnesses or injuries posing a threat to life or bodily function',
  ],
};

/** Kinds that reach a level on their own (one is enough). */
const SINGLE: Readonly<Record<ProblemKind, MdmLevel>> = {
  self_limited: 'straightforward',
  stable_chronic: 'low',
  acute_uncomplicated: 'low',
  stable_acute: 'low',
  acute_uncomplicated_inpatient: 'low',
  chronic_exacerbation: 'moderate',
  undiagnosed_uncertain: 'moderate',
  acute_systemic: 'moderate',
  acute_complicated_injury: 'moderate',
  chronic_severe_exacerbation: 'high',
  threat_to_life: 'high',
};

/** The counting rows: two or more of this kind reach one level higher than one does. */
const TWO_OR_MORE: Partial<Record<ProblemKind, MdmLevel>> = {
  self_limited: 'low',
  stable_chronic: 'moderate',
};

/** Why a column at this level is not one higher, in the table's words. */
const NOT_HIGHER: Readonly<Record<MdmLevel, string>> = {
  straightforward:
    'Not low: that needs two or more self-limited or minor problems, or one stable chronic illness, acute uncomplicated illness or injury, or stable acute illness.',
  low: 'Not moderate: no chronic illness with exacerbation, progression or side effects of treatment, no undiagnosed new problem with uncertain prognosis, no acute illness with systemic symptoms and no acute complicated injury.',
  moderate:
    'Not high: no chronic illness with severe exacerbation, progression or side effects of treatment, and no acute or chronic illness or injury posing a threat to life or bodily function.',
  high: '',
};

function kindOrder(problems: readonly ProblemAddressed[]): ProblemKind[] {
  return [...new Set(problems.map((p) => p.kind))];
}

/** The level one problem of this kind reaches within this visit (counting rows included). */
function levelOf(kind: ProblemKind, sameKind: number): MdmLevel {
  const counting = TWO_OR_MORE[kind];
  return counting && sameKind >= 2 ? counting : SINGLE[kind];
}

function describe(kind: ProblemKind, group: readonly ProblemAddressed[]): string {
  const [one, many] = KIND_WORDS[kind];
  return `${counted(group.length, one, many)} ${labelList(group.map((p) => p.label))}`;
}

/** The problems column: level, a coder's reasoning, and the evidence of the problems that reach it. */
export function problemsLevel(problems: readonly ProblemAddressed[]): MdmElementResult {
  if (problems.length === 0) {
    return {
      level: 'straightforward',
      reasoning: [
        'Problems: straightforward — no problem addressed at this encounter is documented.',
        'A problem counts only when it is evaluated or treated at this encounter; mentions alone do not.',
      ],
      evidence: [],
    };
  }
  const groups = kindOrder(problems).map((kind) => {
    const group = problems.filter((p) => p.kind === kind);
    return { kind, group, level: levelOf(kind, group.length) };
  });
  const top = groups.reduce<MdmLevel>(
    (best, g) => (levelRank(g.level) > levelRank(best) ? g.level : best),
    'straightforward',
  );
  const reaching = groups.filter((g) => g.level === top);
  const others = groups.filter((g) => g.level !== top);

  const reasoning = [`Problems: ${top} — ${joinAnd(reaching.map((g) => describe(g.kind, g.group)))}.`];
  if (others.length > 0) {
    reasoning.push(
      `Also addressed, below this level: ${joinAnd(others.map((g) => describe(g.kind, g.group)))}.`,
    );
  }
  if (top !== 'high') reasoning.push(notHigher(top, groups));
  return { level: top, reasoning, evidence: reaching.flatMap((g) => g.group.flatMap((p) => p.evidence)) };
}

/** The table's reason, plus what one more problem would have changed when a counting row is near. */
function notHigher(
  level: MdmLevel,
  groups: readonly { kind: ProblemKind; group: readonly unknown[] }[],
): string {
  const single = (kind: ProblemKind) => groups.find((g) => g.kind === kind)?.group.length === 1;
  const many = groups.reduce((n, g) => n + g.group.length, 0);
  if (level === 'low' && single('stable_chronic')) {
    return `${NOT_HIGHER.low} One stable chronic illness is low; two or more would be moderate.`;
  }
  if (level === 'straightforward' && single('self_limited')) {
    return 'Not low: one self-limited or minor problem; low needs two or more, or one stable chronic illness, acute uncomplicated illness or injury, or stable acute illness.';
  }
  if (level === 'low' && many > 1) {
    return `${NOT_HIGHER.low} Problems of low complexity do not add up to moderate, except two or more stable chronic illnesses.`;
  }
  return NOT_HIGHER[level];
}
