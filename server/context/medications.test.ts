import type { MedicationRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { loadMedications, normaliseMedicationRequest } from './medications.ts';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';

function request(id: string, name: string, extra: Partial<MedicationRequest> = {}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: RX, code: `rx-${id}`, display: name }], text: name },
    dosageInstruction: [{ text: '1 tablet by mouth twice daily' }],
    authoredOn: '2024-12-05',
    ...extra,
  };
}

describe('normaliseMedicationRequest', () => {
  it('names the drug, keeps RxNorm and the dosage as written', () => {
    expect(normaliseMedicationRequest(request('m1', 'metformin 500 MG Oral Tablet'))).toEqual({
      ref: 'MedicationRequest/m1',
      display: 'metformin 500 MG Oral Tablet',
      rxnorm: { system: RX, code: 'rx-m1', display: 'metformin 500 MG Oral Tablet' },
      status: 'active',
      dosage: '1 tablet by mouth twice daily',
      authoredOn: '2024-12-05',
    });
  });

  it('reads a contained Medication, a referenced one by display, and structured timing', () => {
    const contained = request('m2', '', {
      medicationCodeableConcept: undefined,
      medicationReference: { reference: '#med' },
      contained: [{ resourceType: 'Medication', id: 'med', code: { text: 'insulin glargine' } }],
      dosageInstruction: [{ timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } }],
    });
    expect(normaliseMedicationRequest(contained)).toMatchObject({
      display: 'insulin glargine',
      dosage: '2 times per day',
    });
    const referenced = request('m3', '', {
      medicationCodeableConcept: undefined,
      medicationReference: { reference: 'Medication/x', display: 'lisinopril 10 MG' },
      dosageInstruction: undefined,
    });
    expect(normaliseMedicationRequest(referenced)).toMatchObject({ display: 'lisinopril 10 MG' });
    expect(normaliseMedicationRequest(referenced)).not.toHaveProperty('dosage');
  });

  it('refuses a request whose drug cannot be named', () => {
    const nameless = request('m4', '', {
      medicationCodeableConcept: undefined,
      medicationReference: { reference: 'Medication/x' },
    });
    expect(normaliseMedicationRequest(nameless)).toBeUndefined();
  });
});

describe('loadMedications', () => {
  it('asks for active orders, keeps only active ones, sorts by name and warns about unreadable ones', async () => {
    const reader = new FakeFhirReader({
      resources: [
        request('b', 'Zolpidem'),
        request('a', 'amlodipine'),
        request('c', 'Aspirin', { status: 'stopped' }),
      ],
      junk: { MedicationRequest: [request('x', '', { medicationCodeableConcept: undefined }), 42] },
    });
    const { data, warnings } = await loadMedications(reader, 'p1');
    expect(data.map((m) => m.display)).toEqual(['amlodipine', 'Zolpidem']);
    expect(warnings).toEqual(['2 medication entries could not be read and are not shown']);
    expect(reader.calls[0]?.params).toEqual({ patient: 'p1', status: 'active' });
  });

  it('drops orders that are not active when the EHR ignores the status parameter', async () => {
    const reader = new FakeFhirReader({
      resources: [],
      junk: { MedicationRequest: [request('s', 'Aspirin', { status: 'stopped' })] },
    });
    expect((await loadMedications(reader, 'p1')).data).toEqual([]);
  });
});
