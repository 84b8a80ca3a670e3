import { Agent as HttpsAgent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { EHR_MAX_SOCKETS, ehrAgentFor } from './ehr-connection-pool.ts';

describe('ehrAgentFor', () => {
  it('shares one capped keep-alive agent per EHR origin', () => {
    const a = ehrAgentFor('https://fhir.ehr.example/r4/Patient/1');
    expect(ehrAgentFor('https://fhir.ehr.example/r4/Observation?patient=1')).toBe(a);
    expect(a).toBeInstanceOf(HttpsAgent);
    expect(a.maxSockets).toBe(EHR_MAX_SOCKETS);
    expect(ehrAgentFor('http://localhost:8090/fhir/r4/Patient/1')).not.toBe(a);
  });
});
