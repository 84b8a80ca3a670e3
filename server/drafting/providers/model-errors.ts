/**
 * The errors a model-backed provider raises, worded for the clinician who sees them: what
 * happened, that the transcript is safe, what to do. They never carry prompt or completion text,
 * nor an upstream body (a server may echo the prompt in its error); the status code is enough.
 *
 * @module
 */
import { AppError } from '../../errors/app-error.ts';

const KEPT = 'Your transcript is kept;';

export function modelTimeout(cause?: unknown): AppError {
  return new AppError('model_timeout', `The drafting model did not answer in time. ${KEPT} try again.`, {
    cause,
  });
}

export function modelUnavailable(detail: string, cause?: unknown): AppError {
  return new AppError(
    'model_unavailable',
    `The drafting model is unavailable (${detail}). ${KEPT} try again in a minute.`,
    { cause },
  );
}

export function modelRejected(status: number): AppError {
  const hint =
    status === 401 || status === 403
      ? 'check the API key'
      : status === 404
        ? 'check the model name and base URL'
        : 'check the model settings';
  return new AppError(
    'model_rejected',
    `The drafting model refused the request (HTTP ${status}): ${hint}. ${KEPT} nothing was drafted.`,
  );
}

export function modelOutputInvalid(problemCount: number): AppError {
  return new AppError(
    'model_output_invalid',
    `The drafting model's answer could not be used, even after one correction (${problemCount} problem${problemCount === 1 ? '' : 's'}). ${KEPT} try again.`,
  );
}

export function draftTruncated(sectionKey: string): AppError {
  return new AppError(
    'draft_truncated',
    `The drafting model ran out of room while writing the ${sectionKey} section, so no partial note was kept. ${KEPT} try again, or give the model a larger output limit.`,
  );
}
