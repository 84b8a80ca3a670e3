import { describe, expect, it } from 'vitest';
import { deciderName, decisionWords, providerLabel, replacementProblem } from './review-words.ts';

describe('review words', () => {
  it('says what a decision did', () => {
    expect(decisionWords({ decision: 'accept' })).toBe('Accepted');
    expect(decisionWords({ decision: 'change', replacementCode: 'I10' })).toBe('Changed to I10');
    expect(decisionWords({ decision: 'reject' })).toBe('Rejected');
  });

  it('names the decider, or their reference without the server', () => {
    expect(deciderName({ decidedBy: 'Practitioner/1', decidedByName: 'Bea Biller' })).toBe('Bea Biller');
    expect(
      deciderName({ decidedBy: 'https://ehr.example/fhir/r4/Practitioner/b-1', decidedByName: '' }),
    ).toBe('Practitioner/b-1');
  });

  it('shows a provider stored as a FHIR URL by its reference, a name as it is', () => {
    expect(providerLabel('http://localhost:8090/fhir/r4/Practitioner/rp-dr-okafor')).toBe(
      'Practitioner/rp-dr-okafor',
    );
    expect(providerLabel('Riley Okafor-Testdoc')).toBe('Riley Okafor-Testdoc');
  });

  it('names what is wrong with a typed replacement before it is sent', () => {
    expect(replacementProblem('diagnosis', 'e1122', 'E11.65')).toBe('');
    expect(replacementProblem('diagnosis', 'E1165', 'E11.65')).toBe(
      'E1165 is the suggested code itself: choose Accept instead.',
    );
    expect(replacementProblem('diagnosis', '', 'E11.65')).toBe('Give the code to report instead.');
    expect(replacementProblem('em', '99221', '99214')).toBe('Choose an office visit E/M code.');
    expect(replacementProblem('service', '99407', '99406')).toBe('');
    expect(replacementProblem('add_on', 'G22', 'G2211')).toContain('not a CPT or HCPCS code');
  });
});
