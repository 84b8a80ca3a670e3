/**
 * The one place that writes error responses: `{ error: code, message, requestId }` with the
 * code's status. Known errors keep their code; body-parser failures map to 400/413/415; anything
 * else is logged (name and stack, never the request body) and answered as a plain 500. No stack,
 * no upstream body and no PHI ever reaches the response.
 *
 * @module
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { renderErrorPage, wantsErrorPage } from '../http/error-page.ts';
import { anyFrameAncestor, setFramePolicy } from '../http/security-headers.ts';
import { pathOnly } from '../observability/access-log.ts';
import { errorFields, type Logger } from '../observability/logger.ts';
import { requestContextOf } from '../observability/request-context.ts';
import { AppError } from './app-error.ts';

export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly requestId: string;
}

const INTERNAL_MESSAGE =
  'Something went wrong on our side. Try again; if it keeps happening, give your administrator the request id.';

/** Errors raised by Express's body parsers carry a `type` and a 4xx `status`. */
function fromBodyParser(err: unknown): AppError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { type, status } = err as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499)
    return undefined;
  // Fixed messages: the parser's own can quote the body.
  switch (type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', 'The request body is too large.', { cause: err });
    case 'entity.parse.failed':
      return new AppError('bad_request', 'The request body is not valid JSON.', { cause: err });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', 'The request body encoding is not supported.', {
        cause: err,
      });
    default:
      return new AppError('bad_request', 'The request could not be read.', { cause: err });
  }
}

/** Unknown routes go through the same exit as every other error. */
export const notFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 'There is nothing at this address.'));
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const context = requestContextOf(req);
    const where = {
      requestId: context?.requestId,
      traceId: context?.traceId,
      method: req.method,
      path: pathOnly(req.originalUrl),
    };
    const known = err instanceof AppError ? err : fromBodyParser(err);
    const error = known ?? new AppError('internal', INTERNAL_MESSAGE, { cause: err });

    if (!known) {
      log.error('unhandled error', { ...where, ...errorFields(err) });
    } else if (error.status >= 500) {
      const cause = error.cause === undefined ? {} : errorFields(error.cause);
      log[error.status === 503 ? 'warn' : 'error'](error.message, { ...where, code: error.code, ...cause });
    } else {
      log.debug('request rejected', { ...where, code: error.code });
    }

    if (res.headersSent) {
      // Too late for an error body: end the connection so the client sees a failure, not a cut.
      res.destroy();
      return;
    }
    const body: ErrorBody = {
      error: error.code,
      message: error.message,
      requestId: context?.requestId ?? '',
    };
    res.status(error.status).setHeader('Cache-Control', 'no-store');
    if (wantsErrorPage(res)) {
      // Launch pages open inside the EHR's frame, whichever EHR it is: the page holds nothing.
      setFramePolicy(res, { frameAncestors: anyFrameAncestor(req) });
      res.type('html').send(renderErrorPage(body));
      return;
    }
    res.json(body);
  };
}
