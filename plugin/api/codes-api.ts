/**
 * The Codes step's calls to the companion server: the encounter's latest code suggestions (null
 * before the coder has run) and running the coder on the saved draft, with the clinician's
 * payer, time and new/established overrides. Answers are shape-checked before the UI reads them.
 *
 * @module
 */
import type { EncounterCodeSuggestions, SuggestCodesRequest } from '../../server/contract/coding.ts';
import { ApiError, type ApiClient } from './client.ts';

export interface CodesApi {
  /** The stored suggestions, or null when the coder has never run for this encounter. */
  latest(): Promise<EncounterCodeSuggestions | null>;
  /** Runs the coder; rejects with code `not_found` (404) when there is no saved draft yet. */
  suggest(request: SuggestCodesRequest): Promise<EncounterCodeSuggestions>;
}

const unreadable = () =>
  new ApiError('bad_response', 'The RevenuePilot server sent an answer the app cannot read.', 502);

/** Enough of the contract for every list and the E/M grid to render without a crash. */
export function checkSuggestions(value: unknown): EncounterCodeSuggestions {
  const s = value as Partial<EncounterCodeSuggestions> | null;
  const mdm = s?.em?.mdm;
  const lists = [s?.diagnoses, s?.withheld, s?.services, s?.hcc, s?.findings, s?.em?.addOns];
  if (
    !lists.every(Array.isArray) ||
    !Array.isArray(s?.em?.addOnsNotSuggested) ||
    typeof s?.em?.code !== 'string' ||
    ![mdm?.problems, mdm?.data, mdm?.risk].every((c) => Array.isArray(c?.reasoning)) ||
    typeof s.draftVersion !== 'number' ||
    typeof s.createdAt !== 'string'
  ) {
    throw unreadable();
  }
  return s as EncounterCodeSuggestions;
}

export function createCodesApi(client: ApiClient): CodesApi {
  const codesPath = `${client.basePath}/codes`;
  return {
    async latest() {
      try {
        return checkSuggestions(await client.request<unknown>(codesPath));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.code === 'not_found') return null;
        throw error;
      }
    },
    async suggest(request) {
      return checkSuggestions(
        await client.request<unknown>(`${codesPath}/suggest`, { method: 'POST', body: request }),
      );
    },
  };
}
