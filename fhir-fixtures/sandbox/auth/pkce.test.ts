import { describe, expect, it } from 'vitest';
import { isValidS256Challenge, verifyS256 } from './pkce.ts';

// RFC 7636 Appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE S256', () => {
  it('matches the RFC 7636 example', () => {
    expect(verifyS256(VERIFIER, CHALLENGE)).toBe(true);
  });

  it('refuses another verifier, a plain challenge and short verifiers', () => {
    expect(verifyS256(`${VERIFIER.slice(0, -1)}Y`, CHALLENGE)).toBe(false);
    expect(verifyS256(VERIFIER, VERIFIER)).toBe(false); // `plain`: challenge = verifier
    expect(verifyS256('short', CHALLENGE)).toBe(false);
    expect(isValidS256Challenge(`${CHALLENGE}=`)).toBe(false);
  });
});
