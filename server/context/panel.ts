/**
 * How one panel of the clinical context ends: with data (and warnings in plain words), or
 * unavailable with a reason a clinician can act on. A panel never fails the whole context,
 * except when the session has expired: then every read fails alike and the user must relaunch,
 * so the `FhirReadError` is rethrown for the caller to turn into a relaunch prompt.
 *
 * @module
 */
import type { ResourceType } from '@medplum/fhirtypes';
import type { Panel, PanelName } from '../contract/clinical-context.ts';
import { FhirReadError, type FhirReader } from './fhir-reader.ts';

/** Plain-language name of each panel, as it reads inside a sentence. */
export const PANEL_LABELS: Readonly<Record<PanelName, string>> = {
  encounter: 'the visit',
  problems: 'the problem list',
  medications: 'medications',
  allergies: 'allergies',
  vitals: 'vital signs',
  labs: 'lab results',
  coverage: 'insurance coverage',
  practitioner: 'your clinician record',
  notes: 'recent notes',
};

/** A panel's data plus anything the clinician should know about what is not shown. */
export interface PanelData<T> {
  readonly data: T;
  readonly warnings: readonly string[];
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function okPanel<T>(result: PanelData<T>): Panel<T> {
  return result.warnings.length > 0
    ? { status: 'ok', data: result.data, warnings: result.warnings }
    : { status: 'ok', data: result.data };
}

export function notGrantedPanel<T>(panel: PanelName): Panel<T> {
  return {
    status: 'unavailable',
    cause: 'not_granted',
    retryable: false,
    reason: `The EHR did not grant RevenuePilot access to ${PANEL_LABELS[panel]}.`,
  };
}

/** The session expired: no panel can load, so the whole context fails and the user relaunches. */
export function isSessionExpired(error: unknown): error is FhirReadError {
  return error instanceof FhirReadError && error.failure === 'session_expired';
}

/**
 * The panel a failed load leaves behind. Rethrows `session_expired`: that is not one panel's
 * problem. Errors that are not `FhirReadError`s (a reader bug, a dropped socket surfacing as a
 * `TypeError`) are treated as a transient failure.
 */
export function failedPanel<T>(panel: PanelName, error: unknown): Panel<T> {
  if (isSessionExpired(error)) throw error;
  const label = PANEL_LABELS[panel];
  const rest = 'the rest is current.';
  if (!(error instanceof FhirReadError)) {
    return {
      status: 'unavailable',
      cause: 'failed',
      retryable: true,
      reason: `${sentenceCase(label)} could not be loaded from the EHR; ${rest}`,
    };
  }
  switch (error.failure) {
    case 'unavailable':
      return {
        status: 'unavailable',
        cause: 'failed',
        retryable: true,
        reason: `${sentenceCase(label)} could not be loaded from the EHR; ${rest}`,
      };
    case 'forbidden':
      return {
        status: 'unavailable',
        cause: 'failed',
        retryable: false,
        reason: `The EHR refused to share ${label} with RevenuePilot; ${rest}`,
      };
    case 'not_found':
      return {
        status: 'unavailable',
        cause: 'failed',
        retryable: false,
        reason: `The EHR could not find ${label}; ${rest}`,
      };
    case 'malformed':
      return malformedPanel(panel);
    case 'session_expired':
      throw error;
  }
}

/** The EHR answered, but not with anything RevenuePilot can read. */
export function malformedPanel<T>(panel: PanelName): Panel<T> {
  return {
    status: 'unavailable',
    cause: 'malformed',
    retryable: false,
    reason: `The EHR sent ${PANEL_LABELS[panel]} in a form RevenuePilot cannot read; the rest is current.`,
  };
}

/** Thrown by a panel loader when the one resource it reads cannot be normalised. */
export class UnreadableResourceError extends Error {
  override readonly name = 'UnreadableResourceError';
}

export interface RunPanelOptions {
  /** Told about every failed panel (for logs: panel name and error code only, never bodies). */
  readonly onFailure?: (panel: PanelName, error: unknown) => void;
}

/**
 * Runs one panel's loader unless the grant lacks one of `types` (then no request is made), and
 * turns what it throws into an unavailable panel. Rejects only for an expired session.
 */
export async function runPanel<T>(
  panel: PanelName,
  reader: FhirReader,
  types: readonly ResourceType[],
  load: () => Promise<PanelData<T>>,
  options: RunPanelOptions = {},
): Promise<Panel<T>> {
  if (!types.every((type) => reader.canRead(type))) return notGrantedPanel(panel);
  try {
    return okPanel(await load());
  } catch (error) {
    if (isSessionExpired(error)) throw error;
    options.onFailure?.(panel, error);
    if (error instanceof UnreadableResourceError) return malformedPanel(panel);
    return failedPanel(panel, error);
  }
}
