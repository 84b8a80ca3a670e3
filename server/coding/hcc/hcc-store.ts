/**
 * CMS-HCC model data from Postgres (`hcc_dx_map`, `hcc_label`, `hcc_hierarchy`, migration 0007):
 * for the diagnoses of one visit, the categories they map to, with the model's labels and
 * hierarchies. The payment year is the newest one whose map holds the model (the shipped seed is
 * 2026), unless the caller names one; labels and hierarchies come from the newest year at or
 * before it that has them, so an imported map for a new year still gets labelled.
 *
 * @module
 */
import { canonicalIcd10cm } from '../code-sets/icd10cm-code-format.ts';
import type { Queryable } from '../../db/db.ts';
import { AppError } from '../../errors/app-error.ts';
import { hccModelData, HCC_MODEL_V28, type HccModelData, type HccModelId } from './hcc-model.ts';

export interface HccModelOptions {
  /** Defaults to V28, the model flags use. */
  readonly model?: HccModelId;
  /** Defaults to the newest payment year loaded for the model. */
  readonly paymentYear?: number;
}

export interface HccStore {
  /**
   * The map rows for `codes` (any spelling: `E119`, `e11.9`), and all labels and hierarchies, of
   * one model and payment year. `not_found` when no map for the model (or that year) is loaded.
   */
  modelData(codes: readonly string[], options?: HccModelOptions): Promise<HccModelData>;
}

export function createHccStore(db: Queryable): HccStore {
  async function mapYear(model: HccModelId, wanted: number | undefined): Promise<number> {
    const { rows } = await db.query<{ year: number | null }>(
      `select max(payment_year) as year from hcc_dx_map
        where model_name = $1 and ($2::int is null or payment_year = $2)`,
      [model.name, wanted ?? null],
    );
    const year = rows[0]?.year;
    if (year === null || year === undefined) {
      const which = wanted === undefined ? '' : ` for payment year ${wanted}`;
      throw new AppError(
        'not_found',
        `No ${model.name} map is loaded${which}; load the CMS file with npm run codes:import -- ra_dx_to_cc_YYYY.csv`,
      );
    }
    return Number(year);
  }

  /** The newest payment year at or before `year` for which `table` holds the model. */
  const modelYear = (table: 'hcc_label' | 'hcc_hierarchy') =>
    `(select max(payment_year) from ${table}
       where model_domain = $1 and model_version = $2 and payment_year <= $3)`;

  return {
    async modelData(codes, options = {}) {
      const model = options.model ?? HCC_MODEL_V28;
      const paymentYear = await mapYear(model, options.paymentYear);
      const wanted = [...new Set(codes.map(canonicalIcd10cm))];
      const [map, labels, hierarchies] = await Promise.all([
        db.query<{ code: string; cc: number }>(
          `select diagnosis_code as code, cc from hcc_dx_map
            where model_name = $1 and payment_year = $2 and diagnosis_code = any($3::text[])
            order by diagnosis_code, cc`,
          [model.name, paymentYear, wanted],
        ),
        db.query<{ cc: number; label: string }>(
          `select cc, label from hcc_label
            where model_domain = $1 and model_version = $2 and payment_year = ${modelYear('hcc_label')}`,
          [model.domain, model.version, paymentYear],
        ),
        db.query<{ parent: number; child: number }>(
          `select cc_parent as parent, cc_child as child from hcc_hierarchy
            where model_domain = $1 and model_version = $2 and payment_year = ${modelYear('hcc_hierarchy')}
            order by cc_parent, cc_child`,
          [model.domain, model.version, paymentYear],
        ),
      ]);
      return hccModelData({
        model,
        paymentYear,
        map: map.rows,
        labels: labels.rows,
        hierarchies: hierarchies.rows,
      });
    },
  };
}
