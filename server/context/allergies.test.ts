import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { loadAllergies, normaliseAllergy } from './allergies.ts';
import { FakeFhirReader } from './fake-fhir-reader.ts';

function allergy(id: string, name: string, extra: Partial<AllergyIntolerance> = {}): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    patient: { reference: 'Patient/p1' },
    clinicalStatus: { coding: [{ code: 'active' }] },
    verificationStatus: { coding: [{ code: 'confirmed' }] },
    code: { text: name },
    ...extra,
  };
}

describe('normaliseAllergy', () => {
  it('keeps criticality, category and every reaction once', () => {
    const item = normaliseAllergy(
      allergy('a1', 'penicillin', {
        criticality: 'high',
        category: ['medication'],
        reaction: [
          { manifestation: [{ text: 'Hives' }, { coding: [{ code: '1', display: 'Wheezing' }] }] },
          { manifestation: [{ text: 'Hives' }] },
          { manifestation: [], description: 'Swollen lips' },
        ],
      }),
    );
    expect(item).toMatchObject({
      ref: 'AllergyIntolerance/a1',
      display: 'penicillin',
      criticality: 'high',
      clinicalStatus: 'active',
      category: ['medication'],
      reactions: ['Hives', 'Wheezing', 'Swollen lips'],
    });
  });

  it('refuses an entry that names no substance', () => {
    expect(normaliseAllergy({ resourceType: 'AllergyIntolerance', id: 'x', patient: {} })).toBeUndefined();
  });
});

describe('loadAllergies', () => {
  it('hides inactive, resolved, refuted and entered-in-error entries; high criticality first', async () => {
    const reader = new FakeFhirReader({
      resources: [
        allergy('1', 'shellfish'),
        allergy('2', 'sulfa', { criticality: 'high' }),
        allergy('3', 'latex', { clinicalStatus: { coding: [{ code: 'inactive' }] } }),
        allergy('4', 'codeine', { verificationStatus: { coding: [{ code: 'entered-in-error' }] } }),
        allergy('5', 'No known allergies', { clinicalStatus: undefined }),
      ],
      junk: { AllergyIntolerance: [{ resourceType: 'AllergyIntolerance', id: 'nocode' }] },
    });
    const { data, warnings } = await loadAllergies(reader, 'p1');
    expect(data.map((a) => a.display)).toEqual(['sulfa', 'No known allergies', 'shellfish']);
    expect(data[0]).not.toHaveProperty('verificationStatus');
    expect(warnings).toEqual(['1 allergy entry could not be read and is not shown']);
  });
});
