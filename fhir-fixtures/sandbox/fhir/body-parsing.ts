/**
 * Request bodies for the FHIR API: FHIR JSON (and JSON Patch) up to `MAX_BODY_BYTES`, and
 * form-encoded bodies for `POST Type/_search`. Parser failures become OperationOutcomes
 * (400 malformed JSON, 413 too large, 415 unsupported charset) in the API's error handler.
 *
 * @module
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { badRequestOutcome, sendOutcome, statusOutcome } from './outcomes.ts';

/** Large enough for a note with an attached PDF or a patient's whole chart as a transaction. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function fhirBodyParsers(): RequestHandler[] {
  return [
    express.json({
      limit: MAX_BODY_BYTES,
      type: [
        'application/fhir+json',
        'application/json',
        'application/json-patch+json',
        'application/*+json',
      ],
    }),
    express.urlencoded({ extended: false, limit: MAX_BODY_BYTES }),
  ];
}

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

/** The API's one error exit: OperationOutcomes only, never a stack trace. */
export const fhirErrorHandler: ErrorRequestHandler = (err: BodyParserError, _req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  switch (err.type ?? '') {
    case 'entity.too.large':
      sendOutcome(res, statusOutcome('too-costly', `Request body exceeds ${MAX_BODY_BYTES} bytes`), 413);
      return;
    case 'entity.parse.failed':
      sendOutcome(res, badRequestOutcome('Request body is not valid JSON'));
      return;
    case 'charset.unsupported':
    case 'encoding.unsupported':
      sendOutcome(res, statusOutcome('not-supported', 'Unsupported body encoding or charset'), 415);
      return;
    default:
      if (err.status && err.status >= 400 && err.status < 500) {
        sendOutcome(res, badRequestOutcome('Malformed request'), err.status);
        return;
      }
      sendOutcome(res, statusOutcome('exception', 'Internal server error'), 500);
  }
};
