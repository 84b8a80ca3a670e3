import { describe, expect, it } from 'vitest';
import type { DraftSentence, NoteDraft, SentenceFlagCode } from '../../contract/note-draft.ts';
import { AppError } from '../../errors/app-error.ts';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import type { AciEncounter } from './aci-csv.ts';
import { evaluateNotes, flagCounts, type DraftFn } from './run-eval.ts';

const sentence = (text: string, flags: SentenceFlagCode[] = []): DraftSentence => ({
  id: `s-${text.length}`,
  text,
  evidence: [],
  flags: flags.map((code) => ({ code, message: code })),
  origin: 'model',
});

const note = (sentences: DraftSentence[], title = 'ASSESSMENT AND PLAN'): NoteDraft => ({
  sections: [{ key: 'assessment_plan', title, sentences }],
  nothingToDocument: false,
  provider: 'builtin',
  replayed: false,
  generatedAt: '2025-03-10T15:00:00.000Z',
});

const ACI: AciEncounter[] = [
  {
    dataset: 'aci',
    encounterId: 'D1',
    dialogue: '[doctor] knee pain',
    note: 'ASSESSMENT AND PLAN\n\nKnee pain.',
  },
  {
    dataset: 'virtscribe',
    encounterId: 'D2',
    dialogue: '[doctor] cough',
    note: 'ASSESSMENT AND PLAN\n\nAcute cough.',
  },
];

/** A clock that advances 10 ms per reading, so each draft takes 10 ms. */
function tickingClock() {
  let t = 0;
  return () => (t += 10);
}

describe('flagCounts', () => {
  it('counts sentences flagged unsupported or unverified_detail, not uncertain or clinician_authored', () => {
    const counts = flagCounts(
      note([
        sentence('a', ['unsupported']),
        sentence('b', ['unverified_detail', 'uncertain']),
        sentence('c', ['uncertain']),
        sentence('d', ['clinician_authored']),
        sentence('e'),
      ]),
    );
    expect(counts).toEqual({ sentences: 5, flagged: 2 });
  });
});

describe('evaluateNotes', () => {
  it('scores ACI drafts with ROUGE beside the transcript baseline, with flag rate and draft time', async () => {
    const calls: { template: string; kind: string; context: boolean }[] = [];
    const draft: DraftFn = ({ template, input, context }) => {
      calls.push({ template: template.id, kind: input.kind, context: context !== undefined });
      // D1 is drafted word for word; D2 is drafted as unrelated text with one flagged sentence.
      return Promise.resolve(
        input.text.includes('knee')
          ? note([sentence('Knee pain.')])
          : note([sentence('Unrelated words here.', ['unsupported']), sentence('Nothing else.')], 'OTHER'),
      );
    };
    const report = await evaluateNotes({
      draft,
      providerLabel: 'fake',
      aci: ACI,
      fixtures: [],
      clock: tickingClock(),
    });

    expect(calls).toEqual([
      { template: 'soap-progress', kind: 'transcript', context: false },
      { template: 'soap-progress', kind: 'transcript', context: false },
    ]);
    expect(report.provider).toBe('fake');
    expect(report.aci.notes.map((n) => [n.encounterId, n.f1.rouge1])).toEqual([
      ['D1', 1],
      ['D2', 0],
    ]);
    expect(report.aci.rouge.rouge1).toBeCloseTo(0.5, 10);
    expect(report.aci.rouge.rougeLsum).toBeCloseTo(0.5, 10);
    // Baseline: "doctor knee pain" against "assessment and plan knee pain": 2 of 3 and 2 of 5.
    expect(report.aci.transcriptBaseline.rouge1).toBeCloseTo(mean2(f1(2 / 3, 2 / 5), f1(1 / 2, 1 / 5)), 10);
    expect(report.aci).toMatchObject({ count: 2, unsupportedRate: 1 / 3, meanDraftMs: 10 });
    expect(report.meanDraftMs).toBe(10);
    expect(report.failures).toEqual([]);
  });

  it('drafts each fixture with its chart and specialty template and scores fact recall', async () => {
    const fixtures = patientFixtures.slice(0, 2);
    const seen: { template: string; patient?: string }[] = [];
    const draft: DraftFn = ({ template, input, context }) => {
      seen.push({ template: template.id, ...(context ? { patient: context.patient.ref } : {}) });
      // The transcript itself as the note: the same text the gold facts were written from.
      return Promise.resolve(note([sentence(input.text)]));
    };
    const progress: [number, number, string][] = [];
    const report = await evaluateNotes({
      draft,
      providerLabel: 'fake',
      aci: [],
      fixtures,
      now: new Date('2025-03-10T15:00:00Z'),
      clock: tickingClock(),
      onProgress: (done, total, id) => progress.push([done, total, id]),
    });

    expect(seen).toEqual([
      { template: 'diabetes-follow-up', patient: `Patient/${fixtures[0]!.patientId}` },
      { template: 'cardiology-follow-up', patient: `Patient/${fixtures[1]!.patientId}` },
    ]);
    expect(progress).toEqual([
      [1, 2, fixtures[0]!.key],
      [2, 2, fixtures[1]!.key],
    ]);
    const { visits } = report.fixtures;
    expect(visits.map((v) => v.total)).toEqual(fixtures.map((f) => f.visit.gold.keyFacts.length));
    expect(report.fixtures.total).toBe(visits[0]!.total + visits[1]!.total);
    expect(report.fixtures.recalled).toBe(visits[0]!.recalled + visits[1]!.recalled);
    expect(report.fixtures.factRecall).toBeCloseTo(report.fixtures.recalled / report.fixtures.total, 10);
    // Most, not all, gold facts are in the transcript (some come from the chart).
    expect(report.fixtures.factRecall).toBeGreaterThan(0.5);
    expect(report.fixtures.factRecall).toBeLessThan(1);
    for (const visit of visits) expect(visit.missing).toHaveLength(visit.total - visit.recalled);
    expect(report.aci.rouge.rouge1).toBe(0);
  });

  it('records a failed draft by id and code, leaves it out of the means, and goes on', async () => {
    let n = 0;
    const draft: DraftFn = () => {
      n++;
      if (n === 1) return Promise.reject(new AppError('payload_too_large', 'too long'));
      if (n === 2) return Promise.reject(new TypeError('bug'));
      return Promise.resolve(note([sentence('Acute cough.')]));
    };
    const aci = [...ACI, { ...ACI[1]!, encounterId: 'D3' }];
    const report = await evaluateNotes({ draft, providerLabel: 'fake', aci, fixtures: [] });
    expect(report.failures).toEqual([
      { id: 'D1', code: 'payload_too_large' },
      { id: 'D2', code: 'internal' },
    ]);
    expect(report.aci.count).toBe(1);
    expect(report.aci.notes[0]!.encounterId).toBe('D3');
    expect(report.aci.meanDraftMs).toBeGreaterThanOrEqual(0);
  });

  it('reports zeros, not NaN, for empty sets', async () => {
    const report = await evaluateNotes({
      draft: () => Promise.reject(new Error('never called')),
      providerLabel: 'fake',
      aci: [],
      fixtures: [],
    });
    expect(report.aci).toMatchObject({ count: 0, unsupportedRate: 0, meanDraftMs: 0 });
    expect(report.fixtures).toMatchObject({ count: 0, factRecall: 0, recalled: 0, total: 0 });
    expect(report.meanDraftMs).toBe(0);
  });

  it('says which template is missing when the evaluation cannot find it', async () => {
    await expect(
      evaluateNotes({
        draft: () => Promise.reject(new Error('x')),
        providerLabel: 'f',
        aci: ACI,
        fixtures: [],
        templates: [],
      }),
    ).rejects.toThrow(/needs the template soap-progress/);
  });
});

function f1(p: number, r: number): number {
  return (2 * p * r) / (p + r);
}
function mean2(a: number, b: number): number {
  return (a + b) / 2;
}
