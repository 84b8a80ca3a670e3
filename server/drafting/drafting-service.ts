/**
 * Drafting for one encounter, as the API offers it: read the working draft, autosave the
 * clinician's input and edits, and generate a draft with a provider. The input is saved before
 * any provider sees it, so a failing or slow model never costs the clinician their text. Every
 * read and write of a draft leaves an audit row (ids and counts only).
 *
 * @module
 */
import type { AuditLog } from '../audit/audit-log.ts';
import type { ClinicalContext } from '../contract/clinical-context.ts';
import {
  unresolvedSentences,
  type DraftingOptions,
  type DraftRecord,
  type GenerateDraftRequest,
  type NoteDraft,
  type SaveDraftRequest,
  type TemplateSummary,
} from '../contract/note-draft.ts';
import { AppError } from '../errors/app-error.ts';
import { applyEdits } from './evidence/apply-edits.ts';
import { medicationLexicon } from './evidence/medication-lexicon.ts';
import { checkInputSize, draftNote } from './draft-note.ts';
import type { DraftKey, DraftStore } from './draft-store.ts';
import type { DraftingProviders } from './drafting-providers.ts';
import type { DraftProgress } from './provider.ts';
import { DEFAULT_TEMPLATE_ID } from './templates/seed-templates.ts';
import type { TemplateStore } from './templates/template-store.ts';

/** Who is asking, about which encounter, under which request. */
export interface DraftCaller {
  readonly key: DraftKey;
  readonly actor: string | null;
  readonly requestId: string;
}

export interface DraftingServiceDeps {
  readonly templates: TemplateStore;
  readonly drafts: DraftStore;
  readonly providers: DraftingProviders;
  readonly audit: AuditLog;
  readonly maxInputChars: number;
  readonly now?: () => Date;
}

export interface GenerateOptions {
  readonly context?: ClinicalContext;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DraftProgress) => void;
}

export interface DraftingService {
  options(): Promise<DraftingOptions>;
  templates(): Promise<TemplateSummary[]>;
  get(caller: DraftCaller): Promise<DraftRecord | null>;
  save(caller: DraftCaller, request: SaveDraftRequest): Promise<DraftRecord>;
  generate(
    caller: DraftCaller,
    request: GenerateDraftRequest,
    options?: GenerateOptions,
  ): Promise<DraftRecord>;
}

/** Medication names the note's chart evidence mentions, so edited sentences are checked against them too. */
function lexiconOf(note: NoteDraft) {
  const names = note.sections
    .flatMap((section) => section.sentences.flatMap((s) => s.evidence))
    .flatMap((e) => (e.kind === 'fhir' && e.ref.startsWith('MedicationRequest/') ? [e.label] : []));
  return medicationLexicon(names);
}

export function createDraftingService(deps: DraftingServiceDeps): DraftingService {
  const now = deps.now ?? (() => new Date());

  const audit = (caller: DraftCaller, action: string, outcome: 'success' | 'failure', detail = {}) =>
    deps.audit.record({
      requestId: caller.requestId,
      actor: caller.actor,
      patientRef: `Patient/${caller.key.patientId}`,
      action,
      outcome,
      detail,
    });

  async function save(caller: DraftCaller, request: SaveDraftRequest): Promise<DraftRecord> {
    if (request.input) checkInputSize(request.input, deps.maxInputChars);
    const existing = await deps.drafts.find(caller.key);
    if (!existing && request.baseVersion !== 0) {
      throw new AppError('conflict', 'This draft no longer exists. Reload to start again.');
    }
    const template =
      request.templateId !== undefined && request.templateId !== existing?.template.id
        ? await deps.templates.latest(request.templateId)
        : existing
          ? undefined
          : await deps.templates.latest(DEFAULT_TEMPLATE_ID);
    let note: NoteDraft | undefined;
    if (request.sections) {
      if (!existing?.note) throw new AppError('bad_request', 'There is no drafted note to edit yet.');
      note = applyEdits(existing.note, request.sections, lexiconOf(existing.note));
    }
    if (request.status === 'ready_to_sign') {
      const current = note ?? existing?.note;
      if (!current) throw new AppError('bad_request', 'Draft a note before marking it ready to sign.');
      const open = unresolvedSentences(current).length;
      if (open > 0) {
        throw new AppError(
          'bad_request',
          `${open} drafted sentence${open === 1 ? '' : 's'} still lack${open === 1 ? 's' : ''} evidence for what ${open === 1 ? 'it says' : 'they say'}. Edit or delete ${open === 1 ? 'it' : 'them'} first.`,
        );
      }
    }
    const saved = await deps.drafts.save(
      caller.key,
      {
        baseVersion: request.baseVersion,
        ...(template ? { template: { id: template.id, version: template.version } } : {}),
        ...(request.input ? { input: request.input } : {}),
        ...(note ? { note } : {}),
        ...(request.status ? { status: request.status } : {}),
      },
      caller.actor,
    );
    await audit(caller, 'draft.save', 'success', {
      version: saved.version,
      edited: request.sections !== undefined,
      status: saved.status,
    });
    return saved;
  }

  async function generate(
    caller: DraftCaller,
    request: GenerateDraftRequest,
    options: GenerateOptions = {},
  ): Promise<DraftRecord> {
    checkInputSize(request.input, deps.maxInputChars);
    const providerName = request.provider ?? deps.providers.defaultProvider;
    const provider = deps.providers.get(providerName, { replay: request.replay === true });
    const template = await deps.templates.latest(request.templateId);
    // The input is stored first: whatever the provider does next, the clinician's text is kept.
    const withInput = await save(caller, {
      baseVersion: request.baseVersion ?? 0,
      templateId: template.id,
      input: request.input,
      status: 'draft',
    });
    const started = now().getTime();
    let note: NoteDraft;
    try {
      note = await draftNote(
        provider,
        { template, input: request.input, ...(options.context ? { context: options.context } : {}) },
        {
          maxInputChars: deps.maxInputChars,
          now,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        },
      );
    } catch (err) {
      await audit(caller, 'draft.generate', 'failure', {
        provider: providerName,
        error: err instanceof AppError ? err.code : 'internal',
      });
      throw err;
    }
    const saved = await deps.drafts.save(caller.key, { baseVersion: withInput.version, note }, caller.actor);
    const sentences = note.sections.flatMap((s) => s.sentences);
    await audit(caller, 'draft.generate', 'success', {
      provider: providerName,
      replayed: note.replayed,
      version: saved.version,
      sentences: sentences.length,
      flagged: sentences.filter((s) => s.flags.length > 0).length,
      ms: now().getTime() - started,
    });
    return saved;
  }

  return {
    options: () => deps.providers.options(deps.maxInputChars),
    async templates() {
      return (await deps.templates.list()).map((t) => ({
        id: t.id,
        version: t.version,
        name: t.name,
        specialty: t.specialty,
        sections: t.sections.map(({ key, title, instruction }) => ({ key, title, instruction })),
      }));
    },
    async get(caller) {
      const found = await deps.drafts.find(caller.key);
      await audit(caller, 'draft.read', 'success', { found: found !== null });
      return found;
    },
    save,
    generate,
  };
}
