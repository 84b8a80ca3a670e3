/**
 * The one wrapper every outbound call goes through (EHR discovery, style, token and JWKS calls,
 * model servers): it adds a child `traceparent` of the current request's trace, unless the caller
 * set one. FHIR reads go through fhirclient's own fetch and add the same header themselves
 * ({@link currentOutboundTraceparent}).
 *
 * @module
 */
import type { FetchLike } from '../../launch/discovery.ts';
import { currentOutboundTraceparent } from './request-context.ts';

export function tracedFetch(
  fetchFn: FetchLike,
  traceparent: () => string = currentOutboundTraceparent,
): FetchLike {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('traceparent')) headers.set('traceparent', traceparent());
    return fetchFn(input, { ...init, headers });
  };
}
