/**
 * The office/outpatient E/M code ladder: which code an MDM level gives a new or established
 * patient, and how codes compare, so "the higher of MDM and time" is one comparison. Codes carry
 * our own plain labels (CPT descriptors are AMA copyright and are not shipped).
 *
 * @module
 */
import type { EmCode, MdmLevel, PatientStatus } from '../../contract/coding.ts';

const CODE_FOR_MDM: Readonly<Record<PatientStatus, Readonly<Record<MdmLevel, EmCode>>>> = {
  new: { straightforward: '99202', low: '99203', moderate: '99204', high: '99205' },
  established: { straightforward: '99212', low: '99213', moderate: '99214', high: '99215' },
};

/**
 * Position on the ladder: 99211 is 1, 99202/99212 are 2 up to 99205/99215 at 5. New and
 * established codes share positions, since a visit is only ever compared within its own status.
 */
const RANK: Readonly<Record<EmCode, number>> = {
  '99211': 1,
  '99202': 2,
  '99212': 2,
  '99203': 3,
  '99213': 3,
  '99204': 4,
  '99214': 4,
  '99205': 5,
  '99215': 5,
};

/** The code an MDM level supports for this patient status. */
export function codeForMdm(status: PatientStatus, level: MdmLevel): EmCode {
  return CODE_FOR_MDM[status][level];
}

/** Positive when `a` is the higher level, negative when `b` is, zero when they are the same level. */
export function compareCodes(a: EmCode, b: EmCode): number {
  return RANK[a] - RANK[b];
}

/** The top of the ladder for this status (99205 or 99215), the only codes prolonged time adds to. */
export function isTopLevel(code: EmCode): boolean {
  return RANK[code] === 5;
}

/** "new patient" / "established patient", for sentences. */
export function statusWords(status: PatientStatus): string {
  return `${status} patient`;
}

/** "a new patient" / "an established patient". */
export function aStatus(status: PatientStatus): string {
  return `${status === 'new' ? 'a' : 'an'} ${statusWords(status)}`;
}
