/**
 * The Draft step's state and actions, kept out of the components so they can be tested without
 * rendering: it loads the templates, the drafting options and the stored draft; holds the
 * clinician's input and working note; autosaves every change (see `api/autosave.ts`); drafts from
 * the NDJSON stream with progress and Cancel (see `draft-generation.ts`); and on a 409 reloads the
 * stored draft and says so.
 * Nothing here touches web storage: closing the frame loses nothing because the server has it.
 *
 * @module
 */
import type { DraftRecord, DraftStatus, InputKind, NoteDraft } from '../server/contract/note-draft.ts';
import { isSessionOver, type ApiError } from './api/api-error.ts';
import { createAutosave } from './api/autosave.ts';
import type { DraftApi } from './api/draft-api.ts';
import {
  clinicianSentence,
  insertSentence,
  removeSentence,
  replaceSentence,
  sectionsForSave,
} from './draft-edits.ts';
import {
  asApiError,
  CONFLICT_NOTICE,
  defaultTemplate,
  initialSnapshot,
  type DraftChoice,
  type DraftSnapshot,
} from './draft-snapshot.ts';
import { runGeneration } from './draft-generation.ts';

export type { DraftChoice, DraftSnapshot } from './draft-snapshot.ts';

export interface DraftController {
  readonly snapshot: () => DraftSnapshot;
  readonly subscribe: (listener: (snapshot: DraftSnapshot) => void) => () => void;
  readonly load: () => Promise<void>;
  readonly setInputText: (text: string) => void;
  readonly setInputKind: (kind: InputKind) => void;
  readonly setTemplate: (id: string) => void;
  readonly generate: (choice: DraftChoice) => Promise<void>;
  readonly cancel: () => void;
  /** An empty text deletes the sentence. */
  readonly editSentence: (id: string, text: string) => void;
  readonly deleteSentence: (id: string) => void;
  readonly undoDelete: () => void;
  /** Returns the new sentence's id. */
  readonly addSentence: (sectionKey: string, text: string) => string;
  readonly setStatus: (status: DraftStatus) => void;
  readonly dismissNotice: () => void;
  /** The page is going away: send anything unsaved with `keepalive`. */
  readonly flushOnExit: () => void;
  readonly dispose: () => void;
}

export interface DraftControllerDeps {
  readonly api: DraftApi;
  readonly onSessionOver: () => void;
  readonly autosaveDelayMs?: number;
  readonly retryDelaysMs?: readonly number[];
  readonly now?: () => number;
}

export function createDraftController(deps: DraftControllerDeps): DraftController {
  const { api } = deps;
  const now = deps.now ?? Date.now;
  const listeners = new Set<(snapshot: DraftSnapshot) => void>();
  let abort: AbortController | null = null;
  let state: DraftSnapshot = initialSnapshot();

  const set = (patch: Partial<DraftSnapshot>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  const fail = (error: ApiError): void => {
    if (isSessionOver(error)) deps.onSessionOver();
  };

  const saver = createAutosave({
    save: (request, options) => api.save(request, options),
    onState: (save) => set({ save }),
    onSaved: (record, settled) => {
      // With nothing newer queued, take the server's copy: it carries the re-checked flags.
      if (settled) set({ note: record.note, status: record.status });
    },
    onConflict: () => void reload(),
    onFailed: (error, patch) => {
      fail(error);
      // The server said no to the status change (sentences still unsupported): undo it and say why.
      if (patch.status && state.status === patch.status) {
        set({
          status: patch.status === 'ready_to_sign' ? 'draft' : 'ready_to_sign',
          notice: `The status could not be changed: ${error.message}`,
        });
      }
    },
    ...(deps.autosaveDelayMs === undefined ? {} : { delayMs: deps.autosaveDelayMs }),
    ...(deps.retryDelaysMs ? { retryDelaysMs: deps.retryDelaysMs } : {}),
    now,
  });

  function adopt(record: DraftRecord) {
    saver.reset(record.version);
    set({ input: record.input, templateId: record.template.id, note: record.note, status: record.status });
  }

  async function reload() {
    try {
      const record = await api.load();
      if (record) adopt(record);
      set({ notice: CONFLICT_NOTICE });
    } catch (reason) {
      fail(asApiError(reason));
      set({
        notice:
          'This draft was changed in another window and the newest version could not be loaded. Reload the app to continue; your input is still in the box.',
      });
    }
  }

  const editable = () => state.phase === 'ready' && !state.generation.running;
  const queueInput = () =>
    saver.change({ input: state.input, ...(state.templateId ? { templateId: state.templateId } : {}) });
  const queueNote = (note: NoteDraft) => {
    set({ note });
    saver.change({ sections: sectionsForSave(note) });
  };

  function deleteSentence(id: string) {
    if (!state.note || !editable()) return;
    const result = removeSentence(state.note, id);
    if (!result) return;
    set({ lastRemoved: result.removed });
    queueNote(result.note);
  }

  return {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      set({ phase: 'loading', loadError: null });
      try {
        const [templates, options, record] = await Promise.all([
          api.templates(),
          // Without the options the editor still drafts, with the server's default provider.
          api.options().catch(() => null),
          api.load(),
        ]);
        if (record) adopt(record);
        else set({ templateId: defaultTemplate(templates) });
        set({ phase: 'ready', templates, options });
      } catch (reason) {
        const error = asApiError(reason);
        fail(error);
        set({ phase: 'failed', loadError: error });
      }
    },
    setInputText(text) {
      if (!editable() || state.status !== 'draft') return;
      set({ input: { ...state.input, text } });
      queueInput();
    },
    setInputKind(kind) {
      if (!editable() || state.status !== 'draft') return;
      set({ input: { ...state.input, kind } });
      queueInput();
    },
    setTemplate(id) {
      if (!editable() || state.status !== 'draft') return;
      set({ templateId: id });
      queueInput();
    },
    async generate(choice) {
      if (!editable() || state.status !== 'draft' || !state.templateId) return;
      if (state.input.text.trim() === '') return;
      const controller = new AbortController();
      abort = controller;
      try {
        await runGeneration(
          { api, saver, state: () => state, set, adopt, reload, fail, now },
          choice,
          controller.signal,
        );
      } finally {
        if (abort === controller) abort = null;
      }
    },
    cancel() {
      abort?.abort();
    },
    editSentence(id, text) {
      if (!state.note || !editable()) return;
      const trimmed = text.trim();
      if (trimmed === '') deleteSentence(id);
      else {
        const note = replaceSentence(state.note, id, trimmed);
        if (note !== state.note) queueNote(note);
      }
    },
    deleteSentence,
    undoDelete() {
      const removed = state.lastRemoved;
      if (!state.note || !removed || !editable()) return;
      set({ lastRemoved: null });
      queueNote(insertSentence(state.note, removed.sectionKey, removed.sentence, removed.index));
    },
    addSentence(sectionKey, text) {
      const sentence = clinicianSentence(text.trim(), now());
      if (state.note && editable() && sentence.text !== '') {
        queueNote(insertSentence(state.note, sectionKey, sentence));
      }
      return sentence.id;
    },
    setStatus(status) {
      if (!state.note || !editable() || status === state.status) return;
      set({ status });
      saver.change({ status });
      void saver.flush();
    },
    dismissNotice() {
      set({ notice: null });
    },
    flushOnExit() {
      if (saver.pending) void saver.flush({ keepalive: true });
    },
    dispose() {
      abort?.abort();
      saver.dispose();
      listeners.clear();
    },
  };
}
