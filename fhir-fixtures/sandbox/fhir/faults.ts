/**
 * Fault injection for the FHIR API, driven by `state.faults` (settable through /_sandbox/faults):
 * - `latencyMs` delays every FHIR response, /metadata and errors included (create-sandbox.ts
 *   adds it to discovery and the authorization server too);
 * - `mode` hits requests that match `appliesTo` (reads: GET and POST _search; writes: the rest),
 *   after authentication, so a rejected token never uses up a fault:
 *   `http-500` / `http-503` answer with an OperationOutcome and do nothing else;
 *   `drop-connection` destroys the socket before anything is done;
 *   `timeout-after-commit` performs the request and then never answers (the outcome is unknown
 *   to the client, the write is real);
 * - `remaining` counts the requests the mode hits; at 0 the mode goes back to `none`.
 *
 * @module
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { FaultSettings, SandboxState } from '../state.ts';
import { sendOutcome, statusOutcome } from './outcomes.ts';

export function addLatency(state: SandboxState): RequestHandler {
  return (_req, _res, next) => {
    const ms = state.faults.latencyMs;
    if (ms <= 0) {
      next();
      return;
    }
    void sleep(ms).then(() => next(), next);
  };
}

export function isWrite(req: Request): boolean {
  return (
    req.method !== 'GET' && req.method !== 'HEAD' && !(req.method === 'POST' && req.path.endsWith('/_search'))
  );
}

function applies(faults: FaultSettings, req: Request): boolean {
  if (faults.mode === 'none') return false;
  switch (faults.appliesTo) {
    case 'all':
      return true;
    case 'reads':
      return !isWrite(req);
    case 'writes':
      return isWrite(req);
  }
}

/** Uses up one hit of the current fault; the mode clears when none remain. */
function consume(state: SandboxState): void {
  const { remaining } = state.faults;
  if (remaining === undefined) return;
  state.faults =
    remaining <= 1
      ? { ...state.faults, mode: 'none', remaining: undefined }
      : { ...state.faults, remaining: remaining - 1 };
}

export function injectFaults(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const faults = state.faults;
    if (!applies(faults, req)) {
      next();
      return;
    }
    consume(state);
    switch (faults.mode) {
      case 'none':
        next();
        return;
      case 'http-500':
        sendOutcome(res, statusOutcome('exception', 'Injected fault: internal server error'), 500);
        return;
      case 'http-503':
        res.setHeader('Retry-After', '1');
        sendOutcome(res, statusOutcome('transient', 'Injected fault: service unavailable'), 503);
        return;
      case 'drop-connection':
        req.socket.destroy();
        return;
      case 'timeout-after-commit':
        holdResponse(res);
        next();
        return;
    }
  };
}

function holdResponse(res: Response): void {
  res.locals.holdResponse = true;
}

/** Whether the request was picked for `timeout-after-commit`: do the work, send nothing. */
export function isResponseHeld(res: Response): boolean {
  return res.locals.holdResponse === true;
}
