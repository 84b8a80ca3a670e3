/**
 * fhirclient, run server-side for one launch. Its Node adapter reads the "current request" to
 * find `iss`, `launch` and redirect targets; handing it the real request would let a query string
 * on our URL override the registered issuer, so it gets a fixed, empty one instead and every
 * value comes from our own, already checked, parameters. Its storage is the launch's own.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import smart from 'fhirclient';
import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import { currentOutboundTraceparent } from '../observability/request-context.ts';
import type { ClientStateStorage } from './client-state-storage.ts';

const NO_REQUEST = {
  url: '/',
  headers: { host: 'revenuepilot.invalid' },
  socket: {},
} as unknown as IncomingMessage;
/** Never written to: authorize runs with `noRedirect`, so fhirclient returns the URL instead. */
const NO_RESPONSE = {} as ServerResponse;

export type SmartClientState = fhirclient.ClientState;
export type FhirClient = Client;

export function fhirclientFor(storage: ClientStateStorage): fhirclient.SMART {
  return smart(NO_REQUEST, NO_RESPONSE, storage);
}

export interface AuthorizeInput {
  readonly iss: string;
  /** The EHR's opaque launch value; absent for a standalone launch. */
  readonly launch: string | undefined;
  readonly clientId: string;
  readonly scope: string;
  readonly redirectUri: string;
  /** Our own 256-bit state (fhirclient's default is shorter than SMART's 122-bit floor allows comfortably). */
  readonly stateKey: string;
}

/** Runs fhirclient's authorize (discovery, PKCE S256 required, state saved) and returns the authorize URL. */
export async function buildAuthorizeUrl(storage: ClientStateStorage, input: AuthorizeInput): Promise<URL> {
  const url = await fhirclientFor(storage).authorize({
    iss: input.iss,
    ...(input.launch === undefined ? {} : { launch: input.launch }),
    clientId: input.clientId,
    scope: input.scope,
    redirectUri: input.redirectUri,
    pkceMode: 'required',
    noRedirect: true,
    stateKey: input.stateKey,
    // fhirclient reads (and caches) the EHR's smart-configuration itself: traced like our calls.
    wellKnownRequestOptions: { headers: { traceparent: currentOutboundTraceparent() } },
  });
  if (typeof url !== 'string') throw new Error('fhirclient did not return an authorize URL');
  return new URL(url);
}

export function fhirClientFromState(storage: ClientStateStorage, state: SmartClientState): FhirClient {
  return fhirclientFor(storage).client(state);
}
