/**
 * W3C Trace Context (`traceparent`, version 00): parsing what a caller sends, new trace and span
 * ids, and the header each outbound call carries. A `traceparent` holds only random ids and a
 * flag byte, never anything about the patient or the request.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';

export interface Traceparent {
  /** 32 lowercase hex digits, not all zero. */
  readonly traceId: string;
  /** 16 lowercase hex digits, not all zero: the caller's span. */
  readonly parentSpanId: string;
  /** Two hex digits; `01` is "sampled". */
  readonly flags: string;
}

/** What an outbound call needs from the current trace. */
export interface TraceIds {
  readonly traceId: string;
  readonly traceFlags: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/** Flags for a trace we start: our logs record every request, so it is marked sampled. */
export const NEW_TRACE_FLAGS = '01';

export const newTraceId = (): string => randomBytes(16).toString('hex');
export const newSpanId = (): string => randomBytes(8).toString('hex');

/**
 * Parses a W3C `traceparent` header; undefined when absent or malformed (then a new trace starts).
 * Version 00 must have exactly four fields; a later version may append fields, which are ignored.
 */
export function parseTraceparent(header: string | undefined): Traceparent | undefined {
  const match = header === undefined ? null : TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, parentSpanId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(parentSpanId)) return undefined;
  return { traceId, parentSpanId, flags };
}

export function formatTraceparent(traceId: string, spanId: string, flags: string): string {
  return `00-${traceId}-${spanId}-${flags}`;
}

/**
 * The `traceparent` for one outbound call (EHR or model): the current trace with a new span id
 * for the call, so the callee's span is a child of this request. Outside any request (a
 * background job) the call starts a trace of its own.
 */
export function outboundTraceparent(trace: TraceIds | undefined, spanId: () => string = newSpanId): string {
  return trace
    ? formatTraceparent(trace.traceId, spanId(), trace.traceFlags)
    : formatTraceparent(newTraceId(), spanId(), NEW_TRACE_FLAGS);
}
