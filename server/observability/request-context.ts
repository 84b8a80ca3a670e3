/**
 * The request-scoped context (request id, W3C trace context) carried through async work with
 * AsyncLocalStorage, so every log line written while serving a request names that request, and
 * every EHR or model call it makes carries a child `traceparent`.
 *
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  formatTraceparent,
  NEW_TRACE_FLAGS,
  newSpanId,
  newTraceId,
  outboundTraceparent,
  parseTraceparent,
} from './trace-context.ts';

export interface RequestContext {
  readonly requestId: string;
  /** 32 lowercase hex digits: from the caller's `traceparent`, or new when there was none. */
  readonly traceId: string;
  /** 16 hex digits: this server's span for the request (answered in the response's `traceparent`). */
  readonly spanId: string;
  /** The caller's span id from `traceparent`, when given. */
  readonly parentSpanId: string | undefined;
  /** The caller's trace flags, or `01` for a trace this request started. */
  readonly traceFlags: string;
}

// The storage is stateless plumbing (each request gets its own store), not shared mutable state.
const storage = new AsyncLocalStorage<RequestContext>();
const byRequest = new WeakMap<IncomingMessage, RequestContext>();

/** Ids we accept from a proxy or caller: short, printable, nothing a log parser could trip on. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The context of a request, for code that holds the request but may run outside its async context. */
export function requestContextOf(req: IncomingMessage): RequestContext | undefined {
  return byRequest.get(req);
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The `traceparent` for an EHR or model call made now: a child of the current request's trace. */
export function currentOutboundTraceparent(): string {
  return outboundTraceparent(storage.getStore());
}

/** The incoming `X-Request-Id` when it is well formed, otherwise a new one. */
export function requestIdFrom(header: string | undefined, newId: () => string = randomUUID): string {
  return header !== undefined && VALID_REQUEST_ID.test(header) ? header : newId();
}

export interface RequestContextOptions {
  readonly newRequestId?: () => string;
  readonly newTraceId?: () => string;
  readonly newSpanId?: () => string;
}

/**
 * Creates the context for each request (continuing the caller's trace when its `traceparent` is
 * valid, else starting one), answers `X-Request-Id` and `traceparent` (this server's span), and
 * runs the rest of the chain in the context.
 */
export function requestContextMiddleware(options: RequestContextOptions = {}): RequestHandler {
  const nextRequestId = options.newRequestId ?? randomUUID;
  const nextTraceId = options.newTraceId ?? newTraceId;
  const nextSpanId = options.newSpanId ?? newSpanId;
  return (req: Request, res: Response, next: NextFunction) => {
    const trace = parseTraceparent(req.get('traceparent'));
    const context: RequestContext = Object.freeze({
      requestId: requestIdFrom(req.get('x-request-id'), nextRequestId),
      traceId: trace?.traceId ?? nextTraceId(),
      spanId: nextSpanId(),
      parentSpanId: trace?.parentSpanId,
      traceFlags: trace?.flags ?? NEW_TRACE_FLAGS,
    });
    byRequest.set(req, context);
    res.setHeader('X-Request-Id', context.requestId);
    res.setHeader('traceparent', formatTraceparent(context.traceId, context.spanId, context.traceFlags));
    storage.run(context, next);
  };
}
