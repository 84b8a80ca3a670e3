/**
 * The request-scoped context (request id, W3C trace id) carried through async work with
 * AsyncLocalStorage, so every log line written while serving a request names that request.
 *
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface RequestContext {
  readonly requestId: string;
  /** 32 lowercase hex digits: from the caller's `traceparent`, or new when there was none. */
  readonly traceId: string;
  /** The caller's span id from `traceparent`, when given. */
  readonly parentSpanId: string | undefined;
}

export interface Traceparent {
  readonly traceId: string;
  readonly parentSpanId: string;
  readonly flags: string;
}

// The storage is stateless plumbing (each request gets its own store), not shared mutable state.
const storage = new AsyncLocalStorage<RequestContext>();
const byRequest = new WeakMap<IncomingMessage, RequestContext>();

/** Ids we accept from a proxy or caller: short, printable, nothing a log parser could trip on. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

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

/** The incoming `X-Request-Id` when it is well formed, otherwise a new one. */
export function requestIdFrom(header: string | undefined, newId: () => string = randomUUID): string {
  return header !== undefined && VALID_REQUEST_ID.test(header) ? header : newId();
}

/** Parses a W3C `traceparent` header; undefined when absent or malformed (then a new trace starts). */
export function parseTraceparent(header: string | undefined): Traceparent | undefined {
  const match = header === undefined ? null : TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, parentSpanId, flags] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(parentSpanId)) return undefined;
  return { traceId, parentSpanId, flags };
}

export interface RequestContextOptions {
  readonly newRequestId?: () => string;
  readonly newTraceId?: () => string;
}

/** Creates the context for each request, echoes `X-Request-Id`, and runs the rest of the chain in it. */
export function requestContextMiddleware(options: RequestContextOptions = {}): RequestHandler {
  const newRequestId = options.newRequestId ?? randomUUID;
  const newTraceId = options.newTraceId ?? (() => randomBytes(16).toString('hex'));
  return (req: Request, res: Response, next: NextFunction) => {
    const trace = parseTraceparent(req.get('traceparent'));
    const context: RequestContext = Object.freeze({
      requestId: requestIdFrom(req.get('x-request-id'), newRequestId),
      traceId: trace?.traceId ?? newTraceId(),
      parentSpanId: trace?.parentSpanId,
    });
    byRequest.set(req, context);
    res.setHeader('X-Request-Id', context.requestId);
    storage.run(context, next);
  };
}
