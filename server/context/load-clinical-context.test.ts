import type {
  Bundle,
  Condition,
  Coverage,
  MedicationRequest,
  Observation,
  Organization,
  Resource,
} from '@medplum/fhirtypes';
import { describe, expect, it, vi } from 'vitest';
import { payerKindOf } from '../../fhir-fixtures/patients/builders/index.ts';
import { cardiologyHeartFailure } from '../../fhir-fixtures/patients/cardiology-heart-failure.ts';
import type { Panel } from '../contract/clinical-context.ts';
import { FakeFhirReader, type FakeFhirReaderOptions } from './fake-fhir-reader.ts';
import { FhirReadError, type FhirReader } from './fhir-reader.ts';
import { loadClinicalContext } from './load-clinical-context.ts';

const TODAY = '2025-03-10';
const NOW = new Date(`${TODAY}T15:00:00Z`);
const fixture = cardiologyHeartFailure;
const chart: Resource[] = (fixture.bundle(TODAY).entry ?? []).map((e) => e.resource as Resource);
const launch = {
  patientId: fixture.patientId,
  encounterId: fixture.encounterId,
  fhirUser: fixture.practitionerRef,
  now: NOW,
};

const readerWith = (options: Partial<FakeFhirReaderOptions> = {}) =>
  new FakeFhirReader({ resources: chart, ...options });
const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);

function okData<T>(panel: Panel<T>): T {
  if (panel.status !== 'ok') throw new Error(`panel unavailable: ${panel.reason}`);
  return panel.data;
}

/** Holds every call until released, to show the builder sends all its reads before any answer comes back. */
class GatedReader implements FhirReader {
  started: string[] = [];
  #open = false;
  #waiting: (() => void)[] = [];
  constructor(private readonly inner: FhirReader) {}
  canRead: FhirReader['canRead'] = (type) => this.inner.canRead(type);
  read: FhirReader['read'] = (type, id) => this.#gate(`read ${type}`).then(() => this.inner.read(type, id));
  search: FhirReader['search'] = (type, params, options) =>
    this.#gate(`search ${type}`).then(() => this.inner.search(type, params, options));
  release(): void {
    this.#open = true;
    for (const go of this.#waiting.splice(0)) go();
  }
  #gate(call: string): Promise<void> {
    this.started.push(call);
    return this.#open ? Promise.resolve() : new Promise((resolve) => this.#waiting.push(resolve));
  }
}

describe('loadClinicalContext over a fixture chart', () => {
  it('fills every panel from the chart', async () => {
    const bundle = fixture.bundle(TODAY);
    const context = await loadClinicalContext(readerWith(), launch);
    expect(context.fetchedAt).toBe(NOW.toISOString());
    expect(context.patient).toMatchObject({
      ref: 'Patient/rp-pt-marsh',
      name: 'Gloria Testpatient-Marsh',
      age: '78 y',
      mrn: 'RP-TEST-100002',
    });
    expect(okData(context.encounter)?.ref).toBe(`Encounter/${fixture.encounterId}`);
    expect(okData(context.practitioner)?.ref).toBe(fixture.practitionerRef);

    const activeIcd = ofType<Condition>(bundle, 'Condition')
      .filter((c) => c.clinicalStatus?.coding?.[0]?.code === 'active')
      .map((c) => c.code?.coding?.find((x) => x.system === 'http://hl7.org/fhir/sid/icd-10-cm')?.code);
    expect(
      okData(context.problems)
        .map((p) => p.icd10?.code)
        .sort(),
    ).toEqual(activeIcd.sort());

    const activeMeds = ofType<MedicationRequest>(bundle, 'MedicationRequest').filter(
      (m) => m.status === 'active',
    );
    expect(
      okData(context.medications)
        .map((m) => m.ref)
        .sort(),
    ).toEqual(activeMeds.map((m) => `MedicationRequest/${m.id}`).sort());

    const coverage = okData(context.coverage);
    const payer = ofType<Organization>(bundle, 'Organization').find(
      (o) => `Organization/${o.id}` === ofType<Coverage>(bundle, 'Coverage')[0]?.payor[0]?.reference,
    );
    expect(coverage).toHaveLength(1);
    expect(coverage[0]).toMatchObject({
      payerType: payerKindOf(ofType<Coverage>(bundle, 'Coverage')[0]!),
      payerName: payer?.name,
    });

    const vitals = okData(context.vitals);
    expect(vitals.find((v) => v.code === '29463-7')).toMatchObject({ trend: 'up', latestDisplay: '74.3 kg' });
    const labs = okData(context.labs);
    expect(labs.find((l) => l.loinc === '33762-6')).toMatchObject({
      ref: 'Observation/rp-marsh-ntprobnp-d24',
      flag: 'high',
    });
    const labCodes = new Set(
      ofType<Observation>(bundle, 'Observation')
        .filter((o) => o.category?.[0]?.coding?.[0]?.code === 'laboratory')
        .map((o) => o.code.coding?.[0]?.code),
    );
    expect(labs).toHaveLength(labCodes.size);
    const notes = okData(context.notes);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.map((n) => n.date)).toEqual([...notes.map((n) => n.date)].sort().reverse());
  });

  it('sends every read before any answer comes back', async () => {
    const gated = new GatedReader(readerWith());
    const pending = loadClinicalContext(gated, launch);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gated.started.sort()).toEqual(
      [
        'read Encounter',
        'read Patient',
        'read Practitioner',
        'search AllergyIntolerance',
        'search Condition',
        'search Coverage',
        'search DocumentReference',
        'search MedicationRequest',
        'search Observation',
        'search Observation',
      ].sort(),
    );
    gated.release();
    expect((await pending).patient.ref).toBe('Patient/rp-pt-marsh');
  });

  it('shows the most recent encounter when the launch names none, and no clinician for a non-practitioner user', async () => {
    const reader = readerWith();
    const context = await loadClinicalContext(reader, {
      patientId: fixture.patientId,
      fhirUser: 'Patient/rp-pt-marsh',
      now: NOW,
    });
    expect(okData(context.encounter)?.ref).toBe(`Encounter/${fixture.encounterId}`);
    expect(context.practitioner).toEqual({ status: 'ok', data: null });
    expect(reader.calls.some((c) => c.type === 'Practitioner')).toBe(false);
  });
});

describe('loadClinicalContext when something goes wrong', () => {
  it('degrades only the panel whose read failed', async () => {
    const onPanelFailure = vi.fn();
    const reader = readerWith({
      failures: { AllergyIntolerance: new FhirReadError('unavailable', 'timeout', 504) },
    });
    const context = await loadClinicalContext(reader, launch, { onPanelFailure });
    expect(context.allergies).toEqual({
      status: 'unavailable',
      cause: 'failed',
      retryable: true,
      reason: 'Allergies could not be loaded from the EHR; the rest is current.',
    });
    for (const name of [
      'encounter',
      'problems',
      'medications',
      'vitals',
      'labs',
      'coverage',
      'practitioner',
      'notes',
    ] as const) {
      expect(context[name].status).toBe('ok');
    }
    expect(onPanelFailure).toHaveBeenCalledOnce();
    expect(onPanelFailure).toHaveBeenCalledWith('allergies', expect.any(FhirReadError));
  });

  it('tells a refusal, a missing encounter and a non-FHIR answer apart', async () => {
    const reader = readerWith({
      failures: {
        Coverage: new FhirReadError('forbidden', 'no', 403),
        DocumentReference: new FhirReadError('malformed', 'html'),
      },
    });
    const context = await loadClinicalContext(reader, { ...launch, encounterId: 'gone' });
    expect(context.coverage).toMatchObject({ cause: 'failed', retryable: false });
    expect(context.notes).toMatchObject({ cause: 'malformed', retryable: false });
    expect(context.encounter).toMatchObject({
      cause: 'failed',
      retryable: false,
      reason: 'The EHR could not find the visit; the rest is current.',
    });
    expect(context.problems.status).toBe('ok');
  });

  it('makes no request for what the grant does not cover', async () => {
    const reader = readerWith({
      canRead: (t) => t !== 'Observation' && t !== 'Coverage' && t !== 'Practitioner',
    });
    const context = await loadClinicalContext(reader, launch);
    for (const name of ['vitals', 'labs', 'coverage', 'practitioner'] as const) {
      expect(context[name]).toMatchObject({ status: 'unavailable', cause: 'not_granted', retryable: false });
    }
    expect(context.vitals).toMatchObject({
      reason: 'The EHR did not grant RevenuePilot access to vital signs.',
    });
    expect(
      reader.calls.filter((c) =>
        ['Observation', 'Coverage', 'Practitioner', 'Organization'].includes(c.type),
      ),
    ).toEqual([]);
    expect(context.medications.status).toBe('ok');
  });

  it('counts unreadable entries in a warning and shows the rest', async () => {
    const reader = readerWith({
      junk: { MedicationRequest: [{ resourceType: 'MedicationRequest', id: 'x', status: 'active' }, 'oops'] },
    });
    const context = await loadClinicalContext(reader, launch);
    expect(context.medications).toMatchObject({
      status: 'ok',
      warnings: ['2 medication entries could not be read and are not shown'],
    });
    expect(okData(context.medications)).toHaveLength(5);
  });

  it('rejects the whole call when the session has expired on any read', async () => {
    const expired = new FhirReadError('session_expired', 'expired', 401);
    await expect(
      loadClinicalContext(readerWith({ failures: { DocumentReference: expired } }), launch),
    ).rejects.toBe(expired);
    await expect(
      loadClinicalContext(readerWith({ failures: { Organization: expired } }), launch),
    ).rejects.toBe(expired);
  });

  it('rejects the whole call when the patient cannot be read', async () => {
    const missing = new FhirReadError('not_found', 'gone', 404);
    await expect(loadClinicalContext(readerWith({ failures: { Patient: missing } }), launch)).rejects.toBe(
      missing,
    );

    const notGranted = readerWith({ canRead: (t) => t !== 'Patient' });
    await expect(loadClinicalContext(notGranted, launch)).rejects.toMatchObject({
      name: 'FhirReadError',
      failure: 'forbidden',
    });
    expect(notGranted.calls.some((c) => c.type === 'Patient')).toBe(false);

    const buggy = readerWith({ failures: { Patient: new TypeError('fetch failed') } });
    await expect(loadClinicalContext(buggy, launch)).rejects.toMatchObject({ failure: 'unavailable' });

    const junk: FhirReader = {
      canRead: () => true,
      search: () => Promise.resolve([]),
      read: () => Promise.resolve({ resourceType: 'OperationOutcome', issue: [] } as never),
    };
    await expect(loadClinicalContext(junk, { patientId: 'p' })).rejects.toMatchObject({
      failure: 'malformed',
    });
  });
});
