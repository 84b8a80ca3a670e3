import { describe, expect, it } from 'vitest';
import type { MedicationItem } from '../../contract/clinical-context.ts';
import { extractEmFacts } from './extract-em-facts.ts';
import { chart, transcript } from './visit.test-data.ts';

const risks = (text: string, medications: MedicationItem[] = []) =>
  extractEmFacts(transcript(text, chart({ medications: { status: 'ok', data: medications } }))).risks.map(
    (r) => `${r.level}: ${r.label}`,
  );

describe('prescription drug management', () => {
  it.each([
    [
      "DOCTOR: I'm adding amlodipine, 5 milligrams once a day, to your lisinopril.",
      'moderate: Prescription drug management: amlodipine started',
    ],
    [
      "DOCTOR: For the blood pressure, I'm going to increase your lisinopril from 20 to 40 milligrams.",
      'moderate: Prescription drug management: lisinopril increased',
    ],
    [
      'DOCTOR: First, reduce the Lantus from 24 to 21 units at bedtime.',
      'moderate: Prescription drug management: Lantus reduced',
    ],
    [
      'DOCTOR: Keep the trazodone 50 milligrams at bedtime as needed for sleep.',
      'moderate: Prescription drug management: trazodone continued',
    ],
    [
      'DOCTOR: Stop the metformin for now.',
      'moderate: Prescription drug management: metformin stopped or held',
    ],
    [
      'DOCTOR: Since he has not had it recently, amoxicillin is the right choice.',
      'moderate: Prescription drug management: amoxicillin started',
    ],
    [
      'DOCTOR: Blood pressure above goal; lisinopril goes up to 40 milligrams daily.',
      'moderate: Prescription drug management: lisinopril increased',
    ],
    [
      'DOCTOR: Because we are doubling the water pill, I want labs in five days.',
      'moderate: Prescription drug management: furosemide increased',
    ],
  ])('"%s"', (text, risk) => {
    expect(risks(text)).toEqual([risk]);
  });

  it('follows "the dose" back to the drug just discussed', () => {
    const text =
      'DOCTOR: Take the levothyroxine on an empty stomach. And I am increasing the dose to 88 micrograms daily.';
    expect(risks(text)).toEqual(['moderate: Prescription drug management: levothyroxine increased']);
  });

  it('continues a list of drugs after one verb, but not past another verb or "to your"', () => {
    expect(
      risks(
        'DOCTOR: Keep all the other medicines the same: apixaban twice a day, metoprolol 50, spironolactone 25.',
      ),
    ).toHaveLength(3);
    expect(
      risks('DOCTOR: So we start empagliflozin 10 milligrams daily and continue metformin 1000 twice a day.'),
    ).toEqual([
      'moderate: Prescription drug management: empagliflozin started',
      'moderate: Prescription drug management: metformin continued',
    ]);
  });

  it('reads a dosing instruction after the examination as a decision, continuing a drug on the list', () => {
    const text = [
      'DOCTOR: Let me examine you. Lungs are clear.',
      'DOCTOR: And benzonatate, 100-milligram capsules, one three times a day as needed for the cough.',
      'DOCTOR: Metoprolol 50 milligrams once a day.',
    ].join('\n');
    const onList: MedicationItem = {
      ref: 'MedicationRequest/m1',
      display: 'metoprolol succinate 50 MG',
      status: 'active',
    };
    expect(risks(text, [onList])).toEqual([
      'moderate: Prescription drug management: benzonatate started',
      'moderate: Prescription drug management: Metoprolol continued',
    ]);
  });

  it.each([
    ['a question', 'DOCTOR: You take apixaban, Eliquis, 5 milligrams twice a day?'],
    ['medication review', "DOCTOR: You're on metformin 1000 milligrams twice a day."],
    ['a condition', "DOCTOR: If the X-ray shows pneumonia, I'll call you and send an antibiotic."],
    ['a hypothetical', 'DOCTOR: Then it would be doxycycline, not amoxicillin.'],
    ['a drug declined', "DOCTOR: I don't want to add a benzodiazepine."],
    ['a warning', "DOCTOR: Don't add ibuprofen on top of the naproxen."],
    [
      'an allergy',
      'DOCTOR: Any allergies besides the penicillin listed here?\nDOCTOR: You are allergic to penicillin.',
    ],
    ['the patient', 'PATIENT: She started me on a baby aspirin last week.'],
    ['a prescription decided elsewhere', 'DOCTOR: She started you on aspirin, which is fine.'],
  ])('no decision from %s', (_why, text) => {
    expect(risks(text)).toEqual([]);
  });
});

describe('other management', () => {
  it('grades an over-the-counter-only plan low', () => {
    const text = [
      "DOCTOR: It's fine to continue the over-the-counter ibuprofen.",
      "DOCTOR: You don't need a prescription medication for this.",
      "DOCTOR: I'm putting in a referral for physical therapy, twice a week.",
    ].join('\n');
    expect(risks(text)).toEqual([
      'low: Over-the-counter drug: ibuprofen continued',
      'low: Physical or occupational therapy',
    ]);
  });

  it('grades a nicotine patch sent as a prescription moderate', () => {
    const text = "DOCTOR: Let's talk about quitting smoking. I'll send the nicotine patch to your pharmacy.";
    expect(risks(text)).toEqual(['moderate: Prescription drug management: nicotine patch started']);
  });

  it('grades a drug with its toxicity monitoring ordered high', () => {
    const text =
      'DOCTOR: We will increase the lithium to 600 milligrams, and I want a lithium level in five days.';
    expect(risks(text)[0]).toMatch(
      /^high: Drug therapy requiring intensive monitoring for toxicity: lithium increased/,
    );
  });

  it('grades a decision to admit high, but not return precautions', () => {
    expect(risks("DOCTOR: Your oxygen is low; I'm admitting you to the hospital.")).toEqual([
      'high: Decision regarding hospitalisation',
    ]);
    expect(risks('DOCTOR: If you get short of breath at rest, call us or go to the emergency room.')).toEqual(
      [],
    );
    expect(risks('DOCTOR: This is not an emergency; we can work it up as an outpatient.')).toEqual([]);
    expect(risks('DOCTOR: We discussed admission, but you do not need to be admitted tonight.')).toEqual([
      'high: Decision regarding hospitalisation',
    ]);
  });

  it('grades surgery and procedures by what was decided', () => {
    expect(risks('DOCTOR: No. These heal very well without surgery.')).toEqual([]);
    expect(risks("DOCTOR: I recommend surgery; we'll schedule you for a knee replacement.")).toEqual([
      'moderate: Decision for elective major surgery',
    ]);
    expect(risks('DOCTOR: I drained the abscess and packed it.')).toEqual(['low: Minor procedure']);
  });

  it('grades care limited by social determinants moderate', () => {
    const text = [
      "PATIENT: I can't afford the inhaler, it's too expensive.",
      "DOCTOR: Then let's switch to a generic one and I'll have social work call you about the cost.",
    ].join('\n');
    expect(risks(text)).toContain(
      'moderate: Diagnosis or treatment significantly limited by social determinants of health',
    );
  });
});
