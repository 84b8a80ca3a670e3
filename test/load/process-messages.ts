/**
 * What the load benchmark's other processes tell it: the sandbox EHR over IPC, and the server's
 * event-loop probe as a line on the server's stdout.
 *
 * @module
 */
import type { CompanionEhrRegistration } from '../../fhir-fixtures/sandbox/companion-app.ts';

export type SandboxMessage =
  | { readonly type: 'ready'; readonly url: string; readonly registration: CompanionEhrRegistration }
  | { readonly type: 'registered' }
  | { readonly type: 'loop-delay'; readonly p99Ms: number; readonly maxMs: number };

export type SandboxRequest =
  | { readonly type: 'register-app'; readonly companionUrl: string }
  | { readonly type: 'loop-delay' }
  | { readonly type: 'close' };

/** The `msg` of loop-delay-probe.ts's lines. */
export const LOOP_DELAY_MSG = 'load.event_loop_delay';
