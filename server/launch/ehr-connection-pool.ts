/**
 * Connections to each EHR, kept alive and capped. A context load makes ten FHIR reads at once;
 * with a connection per read, 200 users open thousands of sockets and overflow the EHR's accept
 * queue (the load benchmark saw reads time out this way). One keep-alive agent per EHR origin
 * with at most `EHR_MAX_SOCKETS` connections queues the excess in our process instead, where it
 * waits milliseconds rather than timing out at the EHR's door.
 *
 * fhirclient fetches through node-fetch, which takes a Node `agent` in its request options.
 *
 * @module
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** Per EHR origin and server process; tuned with the load benchmark (docs/PERFORMANCE.md). */
export const EHR_MAX_SOCKETS = 64;

const agents = new Map<string, HttpAgent>();

/** The shared agent for the URL's origin. */
export function ehrAgentFor(url: string): HttpAgent {
  const origin = new URL(url).origin;
  let agent = agents.get(origin);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: EHR_MAX_SOCKETS, maxFreeSockets: 16 };
    agent = origin.startsWith('https:') ? new HttpsAgent(options) : new HttpAgent(options);
    agents.set(origin, agent);
  }
  return agent;
}
