/**
 * An obviously fictional draft for the plugin's Draft-step tests: two templates, the drafting
 * options, a short transcript and a stored draft whose sentences cite it (and the chart), with
 * each kind of flag. Typed against the server contract so they break when it changes.
 *
 * @module
 */
import type {
  DraftingOptions,
  DraftRecord,
  DraftStreamEvent,
  NoteDraft,
  TemplateSummary,
} from '../../server/contract/note-draft.ts';

export const SAMPLE_TRANSCRIPT = [
  'DOCTOR: How is the cough?',
  'PATIENT: Still coughing at night, for about two weeks now.',
  'DOCTOR: Any fever?',
  'PATIENT: Maybe a little fever on Sunday, I am not sure.',
  'DOCTOR: Keep taking the metformin as before.',
].join('\n');

/** `[start, end)` of `quote` in the sample transcript, as the server would cite it. */
export function span(quote: string, text = SAMPLE_TRANSCRIPT) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the sample: ${quote}`);
  return { start, end: start + quote.length, quote };
}

export function sampleTemplates(): TemplateSummary[] {
  return [
    {
      id: 'soap-progress',
      version: 1,
      name: 'SOAP progress note',
      specialty: 'general',
      sections: [
        { key: 'subjective', title: 'Subjective', instruction: 'What the patient reports.' },
        { key: 'plan', title: 'Plan', instruction: 'What happens next.' },
      ],
    },
    {
      id: 'diabetes-follow-up',
      version: 2,
      name: 'Diabetes follow-up',
      specialty: 'endocrinology',
      sections: [{ key: 'hpi', title: 'History', instruction: 'The story.' }],
    },
  ];
}

export function sampleOptions(overrides: Partial<DraftingOptions> = {}): DraftingOptions {
  return {
    defaultProvider: 'builtin',
    providers: [
      { name: 'builtin', available: true },
      { name: 'openai-compatible', available: false, reason: 'No model is configured.' },
    ],
    replay: { enabled: true },
    maxInputChars: 1000,
    ...overrides,
  };
}

export function sampleNote(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    provider: 'builtin',
    replayed: false,
    generatedAt: '2031-03-12T14:40:00Z',
    nothingToDocument: false,
    sections: [
      {
        key: 'subjective',
        title: 'Subjective',
        sentences: [
          {
            id: 's-1-1',
            text: 'Night-time cough for two weeks.',
            evidence: [
              {
                kind: 'input',
                speaker: 'patient',
                ...span('Still coughing at night, for about two weeks now.'),
              },
            ],
            flags: [],
            origin: 'model',
          },
          {
            id: 's-1-2',
            text: 'Possible low-grade fever on Sunday.',
            evidence: [{ kind: 'input', speaker: 'patient', ...span('Maybe a little fever on Sunday') }],
            flags: [{ code: 'uncertain', message: 'The patient was not sure about the fever.' }],
            origin: 'model',
          },
          {
            id: 's-1-3',
            text: 'Temperature 39.2 C at home.',
            evidence: [],
            flags: [{ code: 'unsupported', message: 'Nothing in the input or the chart says this.' }],
            origin: 'model',
          },
        ],
      },
      {
        key: 'plan',
        title: 'Plan',
        sentences: [
          {
            id: 's-2-1',
            text: 'Continue metformin 500 mg.',
            evidence: [
              { kind: 'input', speaker: 'clinician', ...span('Keep taking the metformin as before.') },
              { kind: 'fhir', ref: 'MedicationRequest/med-1', label: 'Metformin 1000 mg tablet' },
            ],
            flags: [
              {
                code: 'unverified_detail',
                message: 'The dose 500 mg does not appear in the evidence.',
                detail: '500 mg',
              },
            ],
            origin: 'model',
          },
        ],
      },
    ],
    ...overrides,
  };
}

export function sampleRecord(overrides: Partial<DraftRecord> = {}): DraftRecord {
  return {
    id: 'draft-1',
    version: 3,
    status: 'draft',
    template: { id: 'soap-progress', version: 1 },
    input: { kind: 'transcript', text: SAMPLE_TRANSCRIPT },
    note: sampleNote(),
    updatedAt: '2031-03-12T14:41:00Z',
    ...overrides,
  };
}

/** The NDJSON body of a successful drafting call, one event per line. */
export function ndjson(events: readonly DraftStreamEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

export const notFound = { status: 404, body: { error: 'not_found', message: 'No draft yet.' } };
