import { describe, expect, it } from 'vitest';
import { seedLookup, transcriptDoc } from './diagnoses.test-support.ts';
import { suggestDiagnoses } from './suggest-diagnoses.ts';

function codesFor(...lines: string[]): string[] {
  return suggestDiagnoses(transcriptDoc(lines), seedLookup).candidates.map((c) => c.code);
}

describe('suggestDiagnoses', () => {
  it('codes a confirmed, addressed diagnosis with its side from the same sentence', () => {
    expect(
      codesFor(
        'DOCTOR: Which ear hurts?',
        'MOTHER: The right one.',
        'DOCTOR: This is an acute suppurative otitis media of the right ear, with no perforation. I will start amoxicillin.',
      ),
    ).toEqual(['H66.001']);
  });

  it('falls back to the unspecified side and names the missing detail', () => {
    const result = suggestDiagnoses(
      transcriptDoc(['DOCTOR: You have an ear infection, otitis media. We will treat it with amoxicillin.']),
      seedLookup,
    );
    expect(result.candidates.map((c) => [c.code, c.missing])).toEqual([['H66.90', 'laterality']]);
  });

  it('never codes a denied condition', () => {
    expect(
      codesFor(
        'DOCTOR: Any chest pain?',
        'PATIENT: No.',
        'DOCTOR: You have no chest pain and no heart failure.',
      ),
    ).toEqual([]);
  });

  it('codes the symptom, not an uncertain diagnosis (rule out, possible)', () => {
    expect(
      codesFor(
        'PATIENT: I get a pressure in the middle of my chest when I climb stairs.',
        'DOCTOR: This could be angina; I would call it possible stable angina for now. We will rule out coronary disease with a stress test.',
        'DOCTOR: For the chest pressure, take nitroglycerin if it comes on.',
      ),
    ).toEqual(['R07.89']);
  });

  it('does not code a symptom a confirmed diagnosis explains', () => {
    expect(
      codesFor(
        'PATIENT: I have a cough and some chest pain when I cough.',
        'DOCTOR: Your exam fits acute bronchitis. The chest pain is from the coughing.',
      ),
    ).toEqual(['J20.9']);
  });

  it('leaves out a problem the clinician defers to another visit or doctor', () => {
    expect(
      codesFor(
        'DOCTOR: Your blood pressure is above goal, so I am increasing the lisinopril.',
        'PATIENT: My gout flared last month.',
        'DOCTOR: Let us leave the gout with your primary care doctor.',
      ),
    ).toEqual(['I10']);
  });

  it('does not code a hypothetical ("if the X-ray shows pneumonia")', () => {
    expect(
      codesFor(
        'DOCTOR: You have acute bronchitis. If the X-ray shows pneumonia, I will call you with an antibiotic.',
      ),
    ).toEqual(['J20.9']);
  });

  it('combines hypertension with heart failure and sequences I11.0 first', () => {
    expect(
      codesFor(
        'DOCTOR: Your blood pressure is well controlled on lisinopril, your hypertension is stable.',
        'DOCTOR: You have chronic systolic heart failure with an acute exacerbation, acute on chronic, so we will double the furosemide.',
      ),
    ).toEqual(['I11.0', 'I50.23']);
  });

  it('codes diabetes with CKD as E11.22 and hypertension with CKD as I12.9, the stage after them', () => {
    expect(
      codesFor(
        'DOCTOR: Your type 2 diabetes is well controlled on metformin.',
        'DOCTOR: You have chronic kidney disease stage 3b.',
        'DOCTOR: Your hypertension is at goal on lisinopril.',
      ),
    ).toEqual(['E11.22', 'I12.9', 'N18.32']);
  });

  it('reads bare "diabetes" in a type 1 patient as type 1', () => {
    expect(
      codesFor(
        'DOCTOR: You have type 1 diabetes with frequent hypoglycemia overnight.',
        'DOCTOR: Your diabetes needs a lower basal dose.',
      ),
    ).toEqual(['E10.649']);
  });

  it('codes a current smoker as nicotine dependence and counselling when given', () => {
    expect(
      codesFor(
        'DOCTOR: Do you still smoke a pack a day?',
        'PATIENT: Yes.',
        'DOCTOR: Quitting is the best thing you can do; I will start a nicotine patch and we will set a quit date.',
      ),
    ).toEqual(['F17.210', 'Z71.6']);
  });

  it('puts the acute problem first, ahead of chronic ones said earlier', () => {
    expect(
      codesFor(
        'DOCTOR: Your hyperlipidemia is at goal on atorvastatin.',
        'DOCTOR: Today you have acute bronchitis; rest and fluids.',
      ),
    ).toEqual(['J20.9', 'E78.5']);
  });

  it('cites the words that support each code', () => {
    const doc = transcriptDoc(['DOCTOR: You have acute bronchitis, so rest and fluids.']);
    const [bronchitis] = suggestDiagnoses(doc, seedLookup).candidates;
    const evidence = bronchitis!.evidence[0]!;
    expect(evidence).toMatchObject({ kind: 'input', quote: 'acute bronchitis' });
    if (evidence.kind !== 'input') throw new Error('expected an input span');
    expect(doc.input.text.slice(evidence.start, evidence.end)).toBe('acute bronchitis');
  });

  it('reports a code the release does not hold as billable among the not coded', () => {
    const result = suggestDiagnoses(transcriptDoc(['DOCTOR: You have acute bronchitis.']), {
      get: () => undefined,
    });
    expect(result.candidates).toEqual([]);
    expect(result.notCoded).toContainEqual(
      expect.objectContaining({ code: 'J20.9', reason: 'not_billable' }),
    );
  });
});
