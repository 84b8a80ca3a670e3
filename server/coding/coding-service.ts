/**
 * Code suggestions for one launch's encounter: reads the saved draft (its input and note) and the
 * launch's chart, runs the coder, stores the answer for the billing queue and audits both the read
 * and the write. The clinician's input is never changed here.
 *
 * @module
 */
import type { ClinicalContext } from '../contract/clinical-context.ts';
import type { EncounterCodeSuggestions, SuggestCodesRequest } from '../contract/coding.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Queryable } from '../db/db.ts';
import type { DraftStore } from '../drafting/draft-store.ts';
import type { DraftCaller } from '../drafting/drafting-service.ts';
import { AppError } from '../errors/app-error.ts';
import { assembleSuggestions, payerTypeOf } from './assemble-suggestions.ts';
import type { CodeLookup } from './diagnoses/suggest-diagnoses.ts';
import { suggestDiagnoses } from './diagnoses/suggest-diagnoses.ts';
import { codingDocument } from './document/coding-document.ts';
import type { HccStore } from './hcc/hcc-store.ts';
import { createCodeSuggestionStore } from './store/code-suggestion-store.ts';
import { priorNotesOf } from './store/prior-notes.ts';

/** The loaded ICD-10-CM release: its name and a lookup over every row. */
export interface LoadedCodeSet {
  readonly release: string;
  readonly lookup: CodeLookup;
}

export interface CodingServiceDeps {
  readonly db: Queryable;
  readonly drafts: DraftStore;
  readonly hcc: HccStore;
  readonly codeSet: () => Promise<LoadedCodeSet>;
  readonly audit: AuditLog;
  readonly now?: () => Date;
}

export interface CodingService {
  suggest(
    caller: DraftCaller,
    context: ClinicalContext,
    request: SuggestCodesRequest,
  ): Promise<EncounterCodeSuggestions>;
  latest(caller: DraftCaller): Promise<EncounterCodeSuggestions>;
}

export function createCodingService(deps: CodingServiceDeps): CodingService {
  const store = createCodeSuggestionStore(deps.db);
  const now = deps.now ?? (() => new Date());
  const audit = (caller: DraftCaller, action: string, detail: Record<string, number | string>) =>
    deps.audit.record({
      requestId: caller.requestId,
      actor: caller.actor,
      patientRef: `Patient/${caller.key.patientId}`,
      action,
      outcome: 'success',
      detail,
    });

  async function hccModelFor(codes: readonly string[]) {
    try {
      return await deps.hcc.modelData(codes);
    } catch (err) {
      // No HCC map loaded: codes are still suggested, without risk-adjustment flags.
      if (err instanceof AppError && err.code === 'not_found') return undefined;
      throw err;
    }
  }

  return {
    async suggest(caller, context, request) {
      const draft = await deps.drafts.find(caller.key);
      if (!draft) {
        throw new AppError(
          'not_found',
          'There is no draft for this visit yet. Draft the note, then suggest codes.',
        );
      }
      const doc = codingDocument({
        input: draft.input,
        context,
        ...(draft.note ? { note: draft.note } : {}),
      });
      const codeSet = await deps.codeSet();
      const diagnoses = suggestDiagnoses(doc, codeSet.lookup);
      const [hccModel, priorNotes] = await Promise.all([
        hccModelFor(diagnoses.candidates.map((c) => c.code)),
        priorNotesOf(deps.db, caller.key),
      ]);
      const suggestions = assembleSuggestions({
        doc,
        release: codeSet.release,
        diagnoses,
        request,
        ...(hccModel ? { hccModel } : {}),
        priorNotes,
        draftVersion: draft.version,
        now: now(),
      });
      const encounter = context.encounter.status === 'ok' ? context.encounter.data : null;
      await store.save(
        caller.key,
        {
          patientName: context.patient.name,
          // The billing queue shows the clinician by name; the EHR reference when the chart lacks it.
          provider:
            (context.practitioner.status === 'ok' ? context.practitioner.data?.name : undefined) ??
            caller.actor ??
            '',
          payerType: payerTypeOf(doc, request),
          dateOfService: (encounter?.start ?? now().toISOString()).slice(0, 10),
          suggestions,
        },
        caller.actor,
      );
      await audit(caller, 'codes.suggest', {
        diagnoses: suggestions.diagnoses.length,
        em: suggestions.em.code,
        draftVersion: draft.version,
      });
      return suggestions;
    },

    async latest(caller) {
      const found = await store.find(caller.key);
      if (!found) throw new AppError('not_found', 'No codes have been suggested for this visit yet.');
      await audit(caller, 'codes.read', { diagnoses: found.suggestions.diagnoses.length });
      return found.suggestions;
    },
  };
}
