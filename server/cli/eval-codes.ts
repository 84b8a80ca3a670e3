/**
 * Entry for `npm run eval:codes [-- --write docs/QUALITY.md] [--codes <official csv>]`: codes the
 * synthetic fixture visits and reports ICD-10-CM recall and precision, E/M exact match and the
 * confidence calibration. Codes are checked against the official FY2026 file under ../shared/data
 * when it is there (so "never an invalid or non-billable code" is checked against the real set),
 * else against the shipped seed.
 *
 * A development tool, like `eval:notes`: the one place besides it that reads `fhir-fixtures/`.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseIcd10cmCsv } from '../coding/code-sets/icd10cm-csv-importer.ts';
import { splitImportLines } from '../coding/code-sets/import-file.ts';
import { SEED_ICD10CM, SEED_RELEASE } from '../coding/code-sets/seed-icd10cm.ts';
import type { CodeLookup } from '../coding/diagnoses/suggest-diagnoses.ts';
import { evaluateCoding, type CodingEvalCase } from '../coding/eval/coding-eval.ts';
import { CODES_RESULTS, codingReportMarkdown } from '../coding/eval/coding-report-text.ts';
import { seedHccModelData } from '../coding/hcc/seed-hcc.ts';
import type { Icd10CmCode } from '../contract/coding.ts';
import { fixtureCase } from '../drafting/eval/fixture-cases.ts';
import { replaceResultsBlock } from '../drafting/eval/results-block.ts';
// eslint-disable-next-line no-restricted-imports -- the evaluation codes the synthetic fixture visits
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
// eslint-disable-next-line no-restricted-imports -- and finds the official code file under ../shared/data
import { sharedDataPath } from '../../fhir-fixtures/shared-data.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);

async function codeSet(path: string | undefined): Promise<{ release: string; lookup: CodeLookup }> {
  const file = path ?? sharedDataPath('icd10cm', 'icd10cm_fy2026_codes.csv');
  const rows: readonly Icd10CmCode[] = existsSync(file)
    ? parseIcd10cmCsv(splitImportLines(await readFile(file, 'utf8'), file), file)
    : SEED_ICD10CM;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return {
    release: existsSync(file) ? file.split('/').pop()! : SEED_RELEASE,
    lookup: { get: (c) => byCode.get(c) },
  };
}

async function run(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { write: { type: 'string' }, codes: { type: 'string' } },
  });
  const now = new Date();
  const cases: CodingEvalCase[] = await Promise.all(
    patientFixtures.map(async (f) => {
      const visit = await fixtureCase(f, now);
      const em = f.visit.gold.em;
      return {
        key: f.key,
        input: visit.input,
        context: visit.context,
        gold: {
          diagnoses: f.visit.gold.diagnoses.map((d) => d.code),
          em: {
            code: em.code,
            basis: em.basis,
            problems: em.mdm.problems.level,
            data: em.mdm.data.level,
            risk: em.mdm.risk.level,
          },
          addOns: f.visit.gold.addOns.map((a) => a.code),
        },
      };
    }),
  );
  const codes = await codeSet(values.codes);
  const report = evaluateCoding(cases, { codes, hccModel: seedHccModelData(), now });
  const markdown = codingReportMarkdown(report, now.toISOString().slice(0, 10), codes.release);
  out(markdown);
  if (values.write) {
    const doc = await readFile(values.write, 'utf8');
    await writeFile(values.write, replaceResultsBlock(doc, markdown, values.write, CODES_RESULTS));
    out(`wrote the coding results block of ${values.write}`);
  }
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
