/**
 * `npm run codes:suggest -- <transcript or draft file> [options]`: codes a visit and prints JSON:
 * diagnoses (code, description, evidence, confidence), the E/M level with each MDM element's
 * reasoning, add-ons, services, HCCs and findings. No database needed: codes come from the shipped
 * seed set, or from an official ICD-10-CM CSV given with `--codes`; HCCs from the shipped V28 seed.
 *
 * Exit codes: 0 coded, 1 failed (the message says why), 2 usage.
 *
 * @module
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { contextFromBundle } from '../context/context-from-bundle.ts';
import type { PatientStatus, SuggestCodesRequest } from '../contract/coding.ts';
import type { ClinicianInput, NoteDraft } from '../contract/note-draft.ts';
import { renderNoteText } from '../drafting/render-note-text.ts';
import { assembleSuggestions } from '../coding/assemble-suggestions.ts';
import { parseIcd10cmCsv } from '../coding/code-sets/icd10cm-csv-importer.ts';
import { splitImportLines } from '../coding/code-sets/import-file.ts';
import { SEED_ICD10CM, SEED_RELEASE } from '../coding/code-sets/seed-icd10cm.ts';
import { suggestDiagnoses, type CodeLookup } from '../coding/diagnoses/suggest-diagnoses.ts';
import { codingDocument } from '../coding/document/coding-document.ts';
import { seedHccModelData } from '../coding/hcc/seed-hcc.ts';
import { parseSuggestCodesRequest } from '../coding/suggest-request-schema.ts';

export const CODES_SUGGEST_USAGE = `Usage: npm run codes:suggest -- <transcript or draft file> [options]

Suggests ICD-10-CM diagnoses, the E/M level with its MDM reasoning, add-ons and HCCs for a visit,
and prints them as JSON. The file is a visit transcript (or dictation), or a draft as printed by
npm run draft.

Options:
  --patient <bundle.json>   The patient's chart as a FHIR R4 Bundle (problems, medications, coverage…)
  --encounter <id>          The visit's Encounter id in that bundle (default: the most recent)
  --payer <type>            medicare | medicaid | commercial (default: from the chart's Coverage)
  --minutes <n>             Total time on the date of service, when the note does not state it
  --new-patient             The patient is new to this practitioner (default: from the visit)
  --codes <file.csv>        An official ICD-10-CM CSV (code,code_nodot,billable,description);
                            default: the shipped seed set
  -h, --help                This help`;

export interface CodesSuggestCliDeps {
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
  readonly readFile?: (path: string) => Promise<string>;
  readonly now?: () => Date;
}

function lookupOf(codes: readonly { code: string }[]): CodeLookup {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  return { get: (code) => byCode.get(code) as ReturnType<CodeLookup['get']> };
}

/** A draft JSON (from `npm run draft`) is coded from its text; anything else is the visit's words. */
function inputOf(text: string): ClinicianInput {
  if (text.trimStart().startsWith('{')) {
    const parsed = JSON.parse(text) as Partial<NoteDraft>;
    if (Array.isArray(parsed.sections)) {
      return { kind: 'dictation', text: renderNoteText(parsed as NoteDraft) };
    }
  }
  return { kind: 'transcript', text };
}

export async function runCodesSuggestCli(
  argv: readonly string[],
  deps: CodesSuggestCliDeps,
): Promise<number> {
  const readFile = deps.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        patient: { type: 'string' },
        encounter: { type: 'string' },
        payer: { type: 'string' },
        minutes: { type: 'string' },
        'new-patient': { type: 'boolean' },
        codes: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    deps.err(`error: ${(e as Error).message}`);
    deps.err(CODES_SUGGEST_USAGE);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    deps.out(CODES_SUGGEST_USAGE);
    return 0;
  }
  const usage = (problem: string) => {
    deps.err(`error: ${problem}`);
    deps.err(CODES_SUGGEST_USAGE);
    return 2;
  };
  if (positionals.length !== 1) return usage('give exactly one transcript or draft file');
  let request: SuggestCodesRequest;
  try {
    const patientStatus: PatientStatus | undefined = values['new-patient'] ? 'new' : undefined;
    request = parseSuggestCodesRequest({
      ...(values.payer ? { payerType: values.payer } : {}),
      ...(values.minutes ? { minutes: Number(values.minutes) } : {}),
      ...(patientStatus ? { patientStatus } : {}),
    });
  } catch (e) {
    return usage((e as Error).message);
  }

  try {
    const now = deps.now?.() ?? new Date();
    const input = inputOf(await readFile(positionals[0]!));
    const context = values.patient
      ? await contextFromBundle(JSON.parse(await readFile(values.patient)) as unknown, {
          ...(values.encounter ? { encounterId: values.encounter } : {}),
          now,
        })
      : undefined;
    const codes = values.codes
      ? {
          release: values.codes,
          rows: parseIcd10cmCsv(splitImportLines(await readFile(values.codes), values.codes), values.codes),
        }
      : { release: SEED_RELEASE, rows: SEED_ICD10CM };
    const doc = codingDocument({ input, ...(context ? { context } : {}) });
    const suggestions = assembleSuggestions({
      doc,
      release: codes.release,
      diagnoses: suggestDiagnoses(doc, lookupOf(codes.rows)),
      request,
      hccModel: seedHccModelData(),
      priorNotes: [],
      draftVersion: 0,
      now,
    });
    deps.out(JSON.stringify(suggestions, null, 2));
    return 0;
  } catch (e) {
    deps.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
