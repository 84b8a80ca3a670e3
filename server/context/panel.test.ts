import { describe, expect, it, vi } from 'vitest';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { FhirReadError } from './fhir-reader.ts';
import {
  failedPanel,
  malformedPanel,
  notGrantedPanel,
  PANEL_LABELS,
  runPanel,
  UnreadableResourceError,
} from './panel.ts';

describe('panel outcomes', () => {
  it('names every panel in plain words', () => {
    expect(Object.keys(PANEL_LABELS).sort()).toEqual([
      'allergies',
      'coverage',
      'encounter',
      'labs',
      'medications',
      'notes',
      'practitioner',
      'problems',
      'vitals',
    ]);
    expect(notGrantedPanel('allergies')).toEqual({
      status: 'unavailable',
      cause: 'not_granted',
      retryable: false,
      reason: 'The EHR did not grant RevenuePilot access to allergies.',
    });
  });

  it('says a transient failure can be retried and the rest is current', () => {
    const panel = failedPanel('allergies', new FhirReadError('unavailable', 'x', 503));
    expect(panel).toEqual({
      status: 'unavailable',
      cause: 'failed',
      retryable: true,
      reason: 'Allergies could not be loaded from the EHR; the rest is current.',
    });
  });

  it('does not offer a retry for refusals and missing resources', () => {
    expect(failedPanel('labs', new FhirReadError('forbidden', 'x', 403))).toMatchObject({
      cause: 'failed',
      retryable: false,
    });
    expect(failedPanel('encounter', new FhirReadError('not_found', 'x', 404))).toMatchObject({
      cause: 'failed',
      retryable: false,
      reason: 'The EHR could not find the visit; the rest is current.',
    });
  });

  it('reports a non-FHIR answer as malformed', () => {
    expect(failedPanel('notes', new FhirReadError('malformed', 'x'))).toEqual(malformedPanel('notes'));
    expect(malformedPanel('notes')).toMatchObject({ cause: 'malformed', retryable: false });
  });

  it('treats an unexpected error as a retryable failure', () => {
    expect(failedPanel('vitals', new TypeError('fetch failed'))).toMatchObject({
      cause: 'failed',
      retryable: true,
    });
  });

  it('rethrows an expired session', () => {
    const expired = new FhirReadError('session_expired', 'x', 401);
    expect(() => failedPanel('labs', expired)).toThrow(expired);
  });
});

describe('runPanel', () => {
  it('makes no request when the grant does not cover a type', async () => {
    const load = vi.fn(() => Promise.resolve({ data: [], warnings: [] }));
    const reader = new FakeFhirReader({ resources: [], canRead: (t) => t !== 'Coverage' });
    expect(await runPanel('coverage', reader, ['Coverage'], load)).toMatchObject({ cause: 'not_granted' });
    expect(load).not.toHaveBeenCalled();
  });

  it('returns data, with warnings only when there are some', async () => {
    const reader = new FakeFhirReader({ resources: [] });
    expect(await runPanel('notes', reader, [], () => Promise.resolve({ data: [1], warnings: [] }))).toEqual({
      status: 'ok',
      data: [1],
    });
    expect(await runPanel('notes', reader, [], () => Promise.resolve({ data: [], warnings: ['w'] }))).toEqual(
      {
        status: 'ok',
        data: [],
        warnings: ['w'],
      },
    );
  });

  it('turns failures into panels and tells the caller, but lets an expired session through', async () => {
    const reader = new FakeFhirReader({ resources: [] });
    const onFailure = vi.fn();
    const unreadable = await runPanel(
      'encounter',
      reader,
      [],
      () => Promise.reject(new UnreadableResourceError('x')),
      {
        onFailure,
      },
    );
    expect(unreadable).toMatchObject({ cause: 'malformed' });
    expect(onFailure).toHaveBeenCalledWith('encounter', expect.any(UnreadableResourceError));
    const expired = new FhirReadError('session_expired', 'x', 401);
    await expect(runPanel('labs', reader, [], () => Promise.reject(expired), { onFailure })).rejects.toBe(
      expired,
    );
    expect(onFailure).toHaveBeenCalledTimes(1);
  });
});
