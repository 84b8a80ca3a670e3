/**
 * ICD-10-CM releases in Postgres (`code_release`, `icd10cm_code`, migration 0006): the active
 * release and its codes for search and coding, and saving an imported release. A save runs in one
 * transaction: the codes go in by batches of arrays (`unnest`), then the release becomes the only
 * active one; re-importing a year replaces that year's release. A failure leaves everything as it
 * was, the previous release still active.
 *
 * @module
 */
import type { Icd10CmCode } from '../../contract/coding.ts';
import type { Db, Queryable } from '../../db/db.ts';

export const ICD10CM_SYSTEM = 'icd10cm';

export interface CodeRelease {
  /** Changes with every import, so a cached index can tell it is out of date. */
  readonly id: number;
  /** `2026`, or `seed` for the shipped seed set. */
  readonly fiscalYear: string;
  readonly source: string;
  readonly rowCount: number;
  readonly loadedAt: Date;
}

interface ReleaseRow {
  id: number;
  fiscal_year: string;
  source: string;
  row_count: number;
  loaded_at: Date | string;
}

const fromRow = (row: ReleaseRow): CodeRelease => ({
  id: row.id,
  fiscalYear: row.fiscal_year,
  source: row.source,
  rowCount: row.row_count,
  loadedAt: row.loaded_at instanceof Date ? row.loaded_at : new Date(row.loaded_at),
});

/** The release search and coding use; undefined only if someone deactivated every release. */
export async function activeIcd10cmRelease(db: Queryable): Promise<CodeRelease | undefined> {
  const { rows } = await db.query<ReleaseRow>(
    `select id, fiscal_year, source, row_count, loaded_at from code_release
     where system = $1 and active`,
    [ICD10CM_SYSTEM],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Every code of a release, headers included, in no particular order. */
export async function icd10cmCodesOf(db: Queryable, releaseId: number): Promise<Icd10CmCode[]> {
  const { rows } = await db.query<Icd10CmCode>(
    'select code, billable, description from icd10cm_code where release_id = $1',
    [releaseId],
  );
  return rows;
}

export interface NewRelease {
  readonly fiscalYear: string;
  readonly source: string;
  readonly codes: readonly Icd10CmCode[];
}

/** Rows per insert: about half a megabyte of parameters, well inside any statement timeout. */
const BATCH_ROWS = 5_000;

export async function saveIcd10cmRelease(
  db: Db,
  release: NewRelease,
  batchRows = BATCH_ROWS,
): Promise<CodeRelease> {
  return db.transaction(async (tx) => {
    // Readers go on reading the active release; a second import waits for this one.
    await tx.query('lock table code_release in exclusive mode');
    await tx.query('delete from code_release where system = $1 and fiscal_year = $2', [
      ICD10CM_SYSTEM,
      release.fiscalYear,
    ]);
    const inserted = await tx.query<ReleaseRow>(
      `insert into code_release (system, fiscal_year, source, row_count, active) values ($1, $2, $3, $4, false)
       returning id, fiscal_year, source, row_count, loaded_at`,
      [ICD10CM_SYSTEM, release.fiscalYear, release.source, release.codes.length],
    );
    const saved = fromRow(inserted.rows[0]!);
    for (let start = 0; start < release.codes.length; start += batchRows) {
      const batch = release.codes.slice(start, start + batchRows);
      await tx.query(
        `insert into icd10cm_code (release_id, code, billable, description)
         select $1, code, billable, description from unnest($2::text[], $3::boolean[], $4::text[])
           as t (code, billable, description)`,
        [saved.id, batch.map((c) => c.code), batch.map((c) => c.billable), batch.map((c) => c.description)],
      );
    }
    // Two statements: the partial unique index allows one active release per system at any moment.
    await tx.query('update code_release set active = false where system = $1 and active', [ICD10CM_SYSTEM]);
    await tx.query('update code_release set active = true where id = $1', [saved.id]);
    return saved;
  });
}
