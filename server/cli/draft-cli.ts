/**
 * `npm run draft -- <input file> [options]`: drafts a note from a transcript, dictation or bullet
 * file and prints it as JSON (sections, sentences, evidence, flags), for scripting and support.
 * Templates are the shipped ones (no database needed); the chart comes from an R4 bundle file.
 *
 * Exit codes: 0 drafted, 1 drafting failed (the message says why), 2 usage.
 *
 * @module
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { contextFromBundle } from '../context/context-from-bundle.ts';
import type { InputKind, ProviderName } from '../contract/note-draft.ts';
import { draftNote } from '../drafting/draft-note.ts';
import type { DraftingProviders } from '../drafting/drafting-providers.ts';
import { renderNoteText } from '../drafting/render-note-text.ts';
import { DEFAULT_TEMPLATE_ID, SEED_TEMPLATES } from '../drafting/templates/seed-templates.ts';

export const DRAFT_CLI_USAGE = `Usage: npm run draft -- <input file> [options]

Drafts a visit note from a transcript, dictation or bullet list and prints it as JSON.

Options:
  --patient <bundle.json>   The patient's chart as a FHIR R4 Bundle (medications, allergies, vitals…)
  --encounter <id>          The visit's Encounter id in that bundle (default: the most recent)
  --template <id>           ${SEED_TEMPLATES.map((t) => t.id).join(' | ')}
                            (default: ${DEFAULT_TEMPLATE_ID})
  --provider <name>         builtin | openai-compatible | llama-cpp (default: DRAFT_PROVIDER or builtin)
  --kind <kind>             transcript | dictation | bullets (default: transcript)
  --format <format>         json | text (default: json)
  -h, --help                This help

Model providers read the same settings as the server (OPENAI_BASE_URL, OPENAI_MODEL, LLAMA_MODEL_PATH…).`;

export interface DraftCliDeps {
  readonly providers: DraftingProviders;
  readonly maxInputChars: number;
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
  readonly readFile?: (path: string) => Promise<string>;
  readonly now?: () => Date;
}

const KINDS: readonly InputKind[] = ['transcript', 'dictation', 'bullets'];
const PROVIDERS: readonly ProviderName[] = ['builtin', 'openai-compatible', 'llama-cpp'];

export async function runDraftCli(argv: readonly string[], deps: DraftCliDeps): Promise<number> {
  const readFile = deps.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        patient: { type: 'string' },
        encounter: { type: 'string' },
        template: { type: 'string', default: DEFAULT_TEMPLATE_ID },
        provider: { type: 'string' },
        kind: { type: 'string', default: 'transcript' },
        format: { type: 'string', default: 'json' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    deps.err(`error: ${(e as Error).message}`);
    deps.err(DRAFT_CLI_USAGE);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    deps.out(DRAFT_CLI_USAGE);
    return 0;
  }
  const usage = (problem: string) => {
    deps.err(`error: ${problem}`);
    deps.err(DRAFT_CLI_USAGE);
    return 2;
  };
  if (positionals.length !== 1) return usage('give exactly one input file');
  const template = SEED_TEMPLATES.find((t) => t.id === values.template);
  if (!template) return usage(`unknown template "${values.template}"`);
  const kind = KINDS.find((k) => k === values.kind);
  if (!kind) return usage(`--kind must be one of ${KINDS.join(', ')}`);
  const providerName =
    values.provider === undefined
      ? deps.providers.defaultProvider
      : PROVIDERS.find((p) => p === values.provider);
  if (!providerName) return usage(`--provider must be one of ${PROVIDERS.join(', ')}`);
  if (values.format !== 'json' && values.format !== 'text') return usage('--format must be json or text');

  try {
    const text = await readFile(positionals[0]!);
    const context = values.patient
      ? await contextFromBundle(JSON.parse(await readFile(values.patient)) as unknown, {
          ...(values.encounter ? { encounterId: values.encounter } : {}),
          ...(deps.now ? { now: deps.now() } : {}),
        })
      : undefined;
    const note = await draftNote(
      deps.providers.get(providerName),
      { template, input: { kind, text }, ...(context ? { context } : {}) },
      { maxInputChars: deps.maxInputChars, ...(deps.now ? { now: deps.now } : {}) },
    );
    deps.out(values.format === 'text' ? renderNoteText(note) : JSON.stringify(note, null, 2));
    return 0;
  } catch (e) {
    // The terminal is the user's own: the message (a missing file, a bad bundle, a model error) helps.
    deps.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
