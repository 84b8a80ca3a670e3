import { describe, expect, it } from 'vitest';
import { segmentInput } from '../input/segment-input.ts';
import { chiefComplaint } from './chief-complaint.ts';

const segments = (text: string) => segmentInput({ kind: 'transcript', text });

describe('chiefComplaint', () => {
  it("takes the clinician's framing of the visit", () => {
    const result = chiefComplaint(
      segments('DOCTOR: Martha is a 50-year-old female who presents for her annual exam.'),
    );
    expect(result).toEqual({ text: 'Annual exam.', evidence: [{ segment: 'u1', quote: 'annual exam' }] });
  });

  it('falls back to the answer to "what brings you in", cut to the complaint', () => {
    const result = chiefComplaint(
      segments(
        "DOCTOR: What brings you in today?\nPATIENT: I've been having knee pain, and it is worse on stairs.",
      ),
    );
    expect(result?.text).toBe('Knee pain.');
    expect(result?.evidence).toEqual([{ segment: 'u1' }, { segment: 'u2', quote: 'knee pain' }]);
  });

  it('finds nothing rather than guessing', () => {
    expect(
      chiefComplaint(segments('DOCTOR: What brings you in?\nPATIENT: My daughter made me come.')),
    ).toBeNull();
    expect(chiefComplaint(segments('DOCTOR: Hello.'))).toBeNull();
  });
});
