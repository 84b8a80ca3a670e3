/**
 * Whether a code a reviewer reports instead of a suggestion may be reported for that kind of
 * line: a diagnosis by a billable ICD-10-CM code of the active release, the E/M level by an
 * office or outpatient E/M code, an add-on or other service by a CPT or HCPCS Level II code.
 * Answers the code in its canonical spelling (`e1165` → `E11.65`), or a `bad_request` that says
 * what to pick instead.
 *
 * @module
 */
import type { ReviewCodeKind } from '../../contract/billing-review.ts';
import type { Icd10CmCode } from '../../contract/coding.ts';
import type { Queryable } from '../../db/db.ts';
import { AppError } from '../../errors/app-error.ts';
import { canonicalIcd10cm } from '../code-sets/icd10cm-code-format.ts';
import { ICD10CM_SYSTEM } from '../code-sets/icd10cm-release-store.ts';

export interface Icd10cmLookup {
  /** The code in the active release, headers included; undefined when it is not there. */
  find(code: string): Promise<Icd10CmCode | undefined>;
}

export function createIcd10cmLookup(db: Queryable): Icd10cmLookup {
  return {
    async find(code) {
      const { rows } = await db.query<Icd10CmCode>(
        `select c.code, c.billable, c.description from icd10cm_code c
         join code_release r on r.id = c.release_id
         where r.system = $1 and r.active and c.code = $2`,
        [ICD10CM_SYSTEM, code],
      );
      return rows[0];
    },
  };
}

const ICD10CM_SHAPE = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const EM_CODES = /^(9920[2-5]|9921[1-5])$/;
/** CPT Category I (five digits), II (…F), III (…T), or HCPCS Level II (a letter A–V and four digits). */
const CPT_OR_HCPCS = /^(\d{5}|\d{4}[FT]|[A-V]\d{4})$/;

const refuse = (message: string) => new AppError('bad_request', message);

export async function checkReplacementCode(
  kind: ReviewCodeKind,
  suggested: string,
  replacement: string,
  icd10cm: Icd10cmLookup,
): Promise<string> {
  const code = kind === 'diagnosis' ? canonicalIcd10cm(replacement) : replacement.trim().toUpperCase();
  if (code === suggested) throw refuse(`${code} is the suggested code itself: choose Accept instead.`);
  switch (kind) {
    case 'diagnosis': {
      if (!ICD10CM_SHAPE.test(code))
        throw refuse(
          `${code} is not an ICD-10-CM code. Search for the diagnosis, or type a code such as E11.65.`,
        );
      const found = await icd10cm.find(code);
      if (!found)
        throw refuse(
          `${code} is not in the loaded ICD-10-CM release. Check the code, or search for the diagnosis.`,
        );
      if (!found.billable)
        throw refuse(
          `${code} (${found.description}) is a category, not a billable code. Pick a more specific code under it.`,
        );
      return code;
    }
    case 'em':
      if (!EM_CODES.test(code))
        throw refuse(
          `${code} is not an office visit E/M code. Use 99202–99205 for a new patient or 99211–99215 for an established one.`,
        );
      return code;
    case 'add_on':
    case 'service':
      if (!CPT_OR_HCPCS.test(code))
        throw refuse(
          `${code} is not a CPT or HCPCS code. Use five digits (99417) or a letter and four digits (G2211).`,
        );
      return code;
  }
}
