import { describe, expect, it } from 'vitest';
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import { sampleContext, unavailable } from './sample-context.ts';
import { contextFacts } from './context-facts.ts';

describe('contextFacts', () => {
  it('lists one fact per chart item in a stable order, without the patient name', () => {
    expect(contextFacts(sampleContext)).toEqual([
      { id: 'c1', ref: 'Patient/p1', kind: 'patient', text: 'Patient: 78 y, female' },
      {
        id: 'c2',
        ref: 'Encounter/e1',
        kind: 'encounter',
        text: 'Encounter: Office visit, reason: Ankle swelling; Dyspnea, 2024-03-15',
      },
      {
        id: 'c3',
        ref: 'Condition/c1',
        kind: 'problem',
        text: 'Problem: Chronic systolic heart failure (I50.22), since 2019-04-01',
      },
      { id: 'c4', ref: 'Condition/c3', kind: 'problem', text: 'Problem: Hypertension' },
      {
        id: 'c5',
        ref: 'MedicationRequest/m1',
        kind: 'medication',
        text: 'Furosemide 40 mg tablet: 1 tablet every morning',
      },
      { id: 'c6', ref: 'MedicationRequest/m2', kind: 'medication', text: 'Apixaban 5 mg tablet (on-hold)' },
      { id: 'c7', ref: 'AllergyIntolerance/a1', kind: 'allergy', text: 'Allergy: Lisinopril (Cough)' },
      { id: 'c8', ref: 'AllergyIntolerance/a2', kind: 'allergy', text: 'Allergy: Latex' },
      { id: 'c9', ref: 'Observation/bp2', kind: 'vital', text: 'Blood pressure: 132/78 mmHg on 2024-03-15' },
      { id: 'c10', ref: 'Observation/l1', kind: 'lab', text: 'NT-proBNP: 1450 pg/mL (high) on 2024-02-20' },
      { id: 'c11', ref: 'Observation/l2', kind: 'lab', text: 'Potassium: 4.5 mmol/L' },
      { id: 'c12', ref: 'Coverage/cov1', kind: 'coverage', text: 'Coverage: Medicare Part B (medicare)' },
    ]);
    expect(JSON.stringify(contextFacts(sampleContext))).not.toContain('Testperson');
  });

  it('gives nothing for no context and for unavailable panels', () => {
    expect(contextFacts()).toEqual([]);
    const sparse: ClinicalContext = {
      ...sampleContext,
      patient: { ref: 'Patient/p2', name: 'No Age' },
      encounter: { status: 'ok', data: { ref: 'Encounter/e2', status: 'planned', reasons: [] } },
      problems: unavailable,
      medications: unavailable,
      allergies: unavailable,
      vitals: unavailable,
      labs: unavailable,
      coverage: unavailable,
    };
    expect(contextFacts(sparse)).toEqual([
      { id: 'c1', ref: 'Encounter/e2', kind: 'encounter', text: 'Encounter: visit' },
    ]);
    expect(contextFacts({ ...sparse, encounter: { status: 'ok', data: null } })).toEqual([]);
  });
});
