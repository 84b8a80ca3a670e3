/**
 * An obviously fictional chart and session for the plugin's component tests (and for looking at
 * the UI by hand), typed against the server contract so they break when the contract changes.
 *
 * @module
 */
import type { ClinicalContext } from '../../server/contract/clinical-context.ts';
import type { LaunchSessionInfo } from '../../server/contract/launch-session.ts';

export function sampleSession(overrides: Partial<LaunchSessionInfo> = {}): LaunchSessionInfo {
  return {
    launchId: 'launch-test-0001',
    launchType: 'ehr',
    needPatientBanner: true,
    ehr: { name: 'Sandbox EHR', vendor: 'generic' },
    features: [
      { id: 'context', label: 'Chart context', enabled: true },
      {
        id: 'note-writeback',
        label: 'Filing notes',
        enabled: false,
        reason: 'The EHR did not grant permission to file notes (DocumentReference).',
      },
    ],
    roles: ['clinician'],
    expiresAt: '2999-01-01T00:00:00Z',
    ...overrides,
  };
}

export function sampleContext(overrides: Partial<ClinicalContext> = {}): ClinicalContext {
  return {
    fetchedAt: '2031-03-12T14:30:00Z',
    patient: {
      ref: 'Patient/test-1',
      name: 'Testperson, Avery',
      birthDate: '1957-03-03',
      age: '74 y',
      gender: 'female',
      mrn: 'MRN-000123',
    },
    encounter: {
      status: 'ok',
      data: {
        ref: 'Encounter/test-1',
        status: 'in-progress',
        class: 'ambulatory',
        type: 'Office visit',
        start: '2031-03-12',
        reasons: ['Diabetes follow-up'],
        location: 'Fictional Clinic, Room 4',
      },
    },
    problems: {
      status: 'ok',
      data: [
        {
          ref: 'Condition/c1',
          display: 'Type 2 diabetes mellitus without complications',
          icd10: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' },
          clinicalStatus: 'active',
          verificationStatus: 'confirmed',
          onset: '2019-06',
        },
        {
          ref: 'Condition/c2',
          display: 'Essential hypertension',
          icd10: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' },
          clinicalStatus: 'active',
          verificationStatus: 'provisional',
        },
      ],
    },
    medications: {
      status: 'ok',
      data: [
        {
          ref: 'MedicationRequest/m1',
          display: 'Metformin 500 MG Oral Tablet',
          status: 'active',
          dosage: '1 tablet by mouth twice daily',
        },
        { ref: 'MedicationRequest/m2', display: 'Lisinopril 10 MG Oral Tablet', status: 'on-hold' },
      ],
    },
    allergies: {
      status: 'ok',
      data: [
        {
          ref: 'AllergyIntolerance/a1',
          display: 'Penicillin',
          criticality: 'high',
          reactions: ['Hives', 'Wheezing'],
        },
        { ref: 'AllergyIntolerance/a2', display: 'Latex', criticality: 'low', reactions: [] },
      ],
    },
    vitals: {
      status: 'ok',
      data: [
        {
          code: '85354-9',
          label: 'Blood pressure',
          unit: 'mmHg',
          latestDisplay: '142/88 mmHg',
          trend: 'up',
          points: [
            { ref: 'Observation/bp1', effective: '2030-09-01T10:00:00Z', value: 128, value2: 78 },
            { ref: 'Observation/bp2', effective: '2030-12-01T10:00:00Z', value: 135, value2: 82 },
            { ref: 'Observation/bp3', effective: '2031-03-12T10:00:00Z', value: 142, value2: 88 },
          ],
        },
        {
          code: '8867-4',
          label: 'Heart rate',
          unit: '/min',
          latestDisplay: '72 /min',
          trend: 'flat',
          points: [
            { ref: 'Observation/hr1', effective: '2030-12-01T10:00:00Z', value: 72 },
            { ref: 'Observation/hr2', effective: '2031-03-12T10:00:00Z', value: 72 },
          ],
        },
        {
          code: '29463-7',
          label: 'Weight',
          unit: 'kg',
          latestDisplay: '81 kg',
          trend: null,
          points: [{ ref: 'Observation/w1', effective: '2031-03-12T10:00:00Z', value: 81 }],
        },
      ],
    },
    labs: {
      status: 'ok',
      data: [
        {
          ref: 'Observation/l1',
          display: 'Hemoglobin A1c',
          loinc: '4548-4',
          value: '8.1 %',
          effective: '2031-03-01',
          flag: 'high',
          referenceRange: '4.0–5.6 %',
        },
        {
          ref: 'Observation/l2',
          display: 'Potassium',
          value: '2.9 mmol/L',
          effective: '2031-03-01',
          flag: 'critical',
          referenceRange: '3.5–5.1 mmol/L',
        },
        {
          ref: 'Observation/l3',
          display: 'eGFR',
          value: '55 mL/min/1.73m2',
          effective: '2031-03-01',
          flag: 'low',
          referenceRange: '>60',
        },
        {
          ref: 'Observation/l4',
          display: 'Urine protein',
          value: 'Trace',
          effective: '2031-03-01',
          flag: 'abnormal',
        },
        {
          ref: 'Observation/l5',
          display: 'Sodium',
          value: '139 mmol/L',
          effective: '2031-03-01',
          flag: null,
          referenceRange: '135–145 mmol/L',
        },
      ],
    },
    coverage: {
      status: 'ok',
      data: [
        {
          ref: 'Coverage/cv1',
          payerName: 'Fictional Medicare Plan',
          payerType: 'medicare',
          planName: 'Part B',
          status: 'active',
          periodStart: '2022-01-01',
        },
      ],
    },
    practitioner: {
      status: 'ok',
      data: { ref: 'Practitioner/p1', name: 'Dr. Testdoctor, Riley', npi: '9999999999' },
    },
    notes: {
      status: 'ok',
      data: [
        {
          ref: 'DocumentReference/n1',
          type: 'Progress note',
          date: '2030-12-01T15:00:00Z',
          author: 'Dr. Testdoctor, Riley',
          status: 'current',
          docStatus: 'final',
        },
      ],
    },
    ...overrides,
  };
}
