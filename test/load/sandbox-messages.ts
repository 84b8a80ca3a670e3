/** What the load benchmark and its sandbox process say to each other over IPC. @module */
import type { CompanionEhrRegistration } from '../../fhir-fixtures/sandbox/companion-app.ts';

export type SandboxMessage =
  | { readonly type: 'ready'; readonly url: string; readonly registration: CompanionEhrRegistration }
  | { readonly type: 'registered' };

export type SandboxRequest =
  { readonly type: 'register-app'; readonly companionUrl: string } | { readonly type: 'close' };
