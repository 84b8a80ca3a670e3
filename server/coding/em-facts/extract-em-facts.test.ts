import { describe, expect, it } from 'vitest';
import type { ProblemItem } from '../../contract/clinical-context.ts';
import { selectEmLevel } from '../em/select-em-level.ts';
import { extractEmFacts } from './extract-em-facts.ts';
import { chart, dictation, transcript } from './visit.test-data.ts';

const SMOKER = [
  'DOCTOR: Your story and your exam fit acute bronchitis.',
  "DOCTOR: For now I'm prescribing an albuterol inhaler, two puffs every four hours as needed.",
  "DOCTOR: Now, about smoking. At a pack a day I'd start the 21-milligram nicotine patch, and I'll send it to your pharmacy.",
  'DOCTOR: We spent about five minutes on quitting today.',
].join('\n');

describe('extractEmFacts', () => {
  it('lets the caller set patient status and payer', () => {
    const facts = extractEmFacts(transcript('DOCTOR: Nice to meet you.'), {
      patientStatus: 'established',
      payerType: 'medicare',
    });
    expect(facts).toMatchObject({ patientStatus: 'established', payerType: 'medicare' });
    expect(facts.patientStatusBasis?.reason).toBe('given by the clinician');
  });

  it('works on a dictated note without a chart', () => {
    const facts = extractEmFacts(
      dictation(
        'New patient. Assessment: hypertension, above goal. Start amlodipine 5 mg daily. Basic metabolic panel ordered, I want it in two weeks. Total time 35 minutes.',
      ),
    );
    expect(facts.patientStatus).toBe('new');
    expect(facts.payerType).toBe('commercial');
    expect(facts.problems.map((p) => p.kind)).toEqual(['chronic_exacerbation']);
    expect(facts.risks.map((r) => r.level)).toEqual(['moderate']);
    expect(facts.totalTimeMinutes).toBe(35);
    // Moderate MDM (99204) is higher than 35 minutes (99203), so MDM decides.
    expect(selectEmLevel(facts)).toMatchObject({ code: '99204', basis: 'mdm' });
  });

  it('does not count tobacco use as a problem when its counselling is reported separately', () => {
    const nicotine: ProblemItem = {
      ref: 'Condition/n1',
      display: 'Nicotine dependence',
      clinicalStatus: 'active',
    };
    const facts = extractEmFacts(transcript(SMOKER, chart({ problems: { status: 'ok', data: [nicotine] } })));
    expect(facts.problems.map((p) => p.label)).toEqual(['Acute bronchitis']);
    expect(facts.modifier25).toBe(true);
    expect(facts.risks.map((r) => r.label)).toContain('Prescription drug management: nicotine patch started');
  });

  it('counts tobacco use as a problem when the counselling is not reported on its own', () => {
    const nicotine: ProblemItem = {
      ref: 'Condition/n1',
      display: 'Nicotine dependence',
      clinicalStatus: 'active',
    };
    const text = SMOKER.replace(
      'DOCTOR: We spent about five minutes on quitting today.',
      'DOCTOR: Good luck with it.',
    );
    const facts = extractEmFacts(transcript(text, chart({ problems: { status: 'ok', data: [nicotine] } })));
    expect(facts.problems.map((p) => p.kind)).toEqual(['acute_uncomplicated', 'chronic_exacerbation']);
    expect(facts.modifier25).toBeUndefined();
  });

  it('gives G2211 for Medicare continuing care and withholds it under modifier 25 for a procedure', () => {
    const base = [
      'DOCTOR: Your heart failure is stable on the current medicines; continue the furosemide.',
      "DOCTOR: I'm the one looking after your heart failure.",
    ];
    const plain = extractEmFacts(transcript(base.join('\n')), { payerType: 'medicare' });
    expect(selectEmLevel(plain).addOns.map((a) => a.code)).toEqual(['G2211']);
    const withProcedure = extractEmFacts(
      transcript([...base, 'DOCTOR: I drained the abscess on your arm.'].join('\n')),
      {
        payerType: 'medicare',
      },
    );
    expect(withProcedure.modifier25).toBe(true);
    expect(selectEmLevel(withProcedure).addOns).toEqual([]);
  });

  it('quotes input evidence that points into the transcript', () => {
    const doc = transcript(
      'DOCTOR: So your diabetes is not controlled right now.\nDOCTOR: Increase the metformin to 1000 twice a day.',
    );
    const facts = extractEmFacts(doc);
    for (const e of [...facts.problems, ...facts.risks].flatMap((x) => x.evidence)) {
      if (e.kind === 'input') expect(doc.input.text.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(facts.risks[0]?.evidence[0]).toMatchObject({ quote: 'Increase the metformin' });
  });
});

describe('whole visits beyond the fixtures', () => {
  it('an uncomplicated UTI with a result reviewed, a culture sent and an antibiotic: 99213', () => {
    const text = [
      'PATIENT: Burning when I pee for three days. No fever, no back pain.',
      'DOCTOR: Let me examine you. No tenderness over the kidneys.',
      'DOCTOR: The urinalysis shows leukocytes and nitrites. This is a urinary tract infection.',
      "DOCTOR: I'm prescribing nitrofurantoin 100 milligrams twice a day for five days. We'll send a urine culture too.",
    ].join('\n');
    const facts = extractEmFacts(transcript(text));
    expect(facts.data.testsReviewed.map((t) => t.key)).toEqual(['test:urinalysis']);
    expect(facts.data.testsOrdered.map((t) => t.key)).toEqual(['test:urine-culture']);
    expect(selectEmLevel(facts)).toMatchObject({ code: '99213', basis: 'mdm' });
  });

  it('an insect bite with an over-the-counter cream and 12 minutes: 99212 by time', () => {
    const text = [
      'DOCTOR: This is an insect bite, nothing serious.',
      'DOCTOR: You can use hydrocortisone cream twice a day for a few days.',
      'DOCTOR: I spent 12 minutes with you today.',
    ].join('\n');
    const facts = extractEmFacts(transcript(text));
    expect(facts.risks.map((r) => r.level)).toEqual(['low']);
    expect(selectEmLevel(facts)).toMatchObject({ code: '99212' });
  });

  it('a severe COPD exacerbation sent for admission after talking to the hospitalist: 99215', () => {
    const text = [
      'DOCTOR: Your oxygen is 86 percent on room air. This is a severe exacerbation of your COPD.',
      "DOCTOR: I'm sending you to the emergency department now for admission.",
      'DOCTOR: I spoke with Dr. Nguyen, the hospitalist, and she agreed to admit you.',
    ].join('\n');
    const em = selectEmLevel(extractEmFacts(transcript(text)));
    expect(em).toMatchObject({ code: '99215', basis: 'mdm' });
    expect(em.mdm.problems.level).toBe('high');
    expect(em.mdm.risk.level).toBe('high');
  });
});
