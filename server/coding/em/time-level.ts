/**
 * Time-based E/M selection with the 2024 minimums: total practitioner time on the date of the
 * encounter (not clinical staff time, not separately reported services) meets a code when it
 * reaches that code's minimum. Below the lowest minimum time supports no level, and 99211 has no
 * time threshold at all since 2021.
 *
 * @module
 */
import type { EmCode, PatientStatus } from '../../contract/coding.ts';
import { AppError } from '../../errors/app-error.ts';
import { statusWords } from './em-codes.ts';

/** Minimum minutes per code, highest first so the first met is the level. */
export const TIME_THRESHOLDS: Readonly<Record<PatientStatus, readonly (readonly [EmCode, number])[]>> = {
  new: [
    ['99205', 60],
    ['99204', 45],
    ['99203', 30],
    ['99202', 15],
  ],
  established: [
    ['99215', 40],
    ['99214', 30],
    ['99213', 20],
    ['99212', 10],
  ],
};

export interface TimeLevel {
  readonly minutes: number;
  readonly code: EmCode | undefined;
  readonly reasoning: string;
}

/** The code total time supports, with the threshold it met and the one it did not. */
export function timeLevel(status: PatientStatus, minutes: number): TimeLevel {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new AppError('bad_request', 'Total time must be a number of minutes, zero or more.');
  }
  const ladder = TIME_THRESHOLDS[status];
  const index = ladder.findIndex(([, min]) => minutes >= min);
  const met = ladder[index];
  if (!met) {
    const lowest = ladder[ladder.length - 1];
    return {
      minutes,
      code: undefined,
      reasoning: `Time: ${minutes} minutes is below the ${lowest?.[1]}-minute minimum for ${lowest?.[0]} (${statusWords(status)}), so time supports no level.`,
    };
  }
  const [code, min] = met;
  const higher = ladder[index - 1];
  const next = higher ? ` ${higher[0]} needs ${higher[1]}.` : ` ${code} is the highest time level.`;
  return {
    minutes,
    code,
    reasoning: `Time: ${minutes} minutes meets the ${min}-minute minimum for ${code} (${statusWords(status)}).${next}`,
  };
}
