/**
 * A light structural check of the context the server sends, so one odd panel degrades to an
 * "unavailable" panel instead of breaking the page. The server builds this object from the shared
 * contract; this guards against version skew between a cached plugin and a newer server, without
 * shipping a schema library in the iframe bundle.
 *
 * @module
 */
import {
  PANEL_NAMES,
  type ClinicalContext,
  type Panel,
  type PanelName,
} from '../../server/contract/clinical-context.ts';
import { ApiError } from './api-error.ts';

/** Panels whose `data` is one object or null; every other panel holds a list. */
const SINGLE_PANELS = new Set<PanelName>(['encounter', 'practitioner']);

const UNREADABLE: Panel<never> = {
  status: 'unavailable',
  reason: 'This part of the chart came back in a form the app cannot read; the rest is current.',
  cause: 'malformed',
  retryable: true,
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkPanel(name: PanelName, value: unknown): Panel<unknown> {
  if (!isObject(value)) return UNREADABLE;
  if (value['status'] === 'unavailable' && typeof value['reason'] === 'string') {
    return value as Panel<unknown>;
  }
  if (value['status'] !== 'ok') return UNREADABLE;
  const data = value['data'];
  const fits = SINGLE_PANELS.has(name) ? data === null || isObject(data) : Array.isArray(data);
  return fits ? (value as Panel<unknown>) : UNREADABLE;
}

/** Returns the context with unreadable panels replaced; throws `bad_response` when there is no patient. */
export function checkContext(value: unknown): ClinicalContext {
  const patient = isObject(value) ? value['patient'] : undefined;
  if (!isObject(value) || !isObject(patient) || typeof patient['name'] !== 'string') {
    throw new ApiError('bad_response', 'The chart came back in a form the app cannot read.', 502);
  }
  const checked: Record<string, unknown> = { ...value };
  for (const name of PANEL_NAMES) checked[name] = checkPanel(name, value[name]);
  return checked as unknown as ClinicalContext;
}
