/**
 * An obviously fictional billing review for the plugin's review-queue tests: a queue of two
 * encounters, the first opened with its note, the Codes-step sample suggestions and a decision,
 * typed against the server contract so they break when it changes.
 *
 * @module
 */
import type {
  ReviewDecision,
  ReviewEncounterDetail,
  ReviewQueue,
  ReviewQueueItem,
} from '../../server/contract/billing-review.ts';
import { CODES_TRANSCRIPT, sampleSuggestions } from './sample-codes.ts';

export function queueItem(overrides: Partial<ReviewQueueItem> = {}): ReviewQueueItem {
  return {
    id: 'enc-avery',
    patientName: 'Testperson, Avery',
    provider: 'Dr Dana Example-Testdoc',
    payerType: 'medicare',
    dateOfService: '2031-03-12',
    status: 'pending',
    codeCount: 7,
    decidedCount: 0,
    emCode: '99215',
    suggestedAt: '2031-03-12T14:45:00Z',
    ...overrides,
  };
}

export function sampleQueue(overrides: Partial<ReviewQueue> = {}): ReviewQueue {
  return {
    items: [
      queueItem(),
      queueItem({
        id: 'enc-blake',
        patientName: 'Sampleton, Blake',
        provider: 'Dr Kim Other-Testdoc',
        payerType: 'commercial',
        dateOfService: '2031-03-11',
        emCode: '99213',
        codeCount: 3,
      }),
    ],
    providers: ['Dr Dana Example-Testdoc', 'Dr Kim Other-Testdoc'],
    truncated: false,
    ...overrides,
  };
}

export function decision(overrides: Partial<ReviewDecision> = {}): ReviewDecision {
  return {
    id: '1',
    code: 'E11.65',
    kind: 'diagnosis',
    decision: 'accept',
    decidedBy: 'https://ehr.example/fhir/Practitioner/rp-billing-biller',
    decidedByName: 'Bea Biller',
    decidedAt: '2031-03-13T09:30:00Z',
    ...overrides,
  };
}

export function sampleDetail(decisions: readonly ReviewDecision[] = []): ReviewEncounterDetail {
  const suggestions = sampleSuggestions();
  const codes = [...suggestions.diagnoses.map((d) => d.code), '99215', 'G2211', '99406'];
  const decided = new Set(decisions.map((d) => d.code));
  return {
    item: queueItem({
      decidedCount: decided.size,
      codeCount: codes.length,
      status: codes.every((c) => decided.has(c)) ? 'reviewed' : 'pending',
    }),
    note: {
      text: 'ASSESSMENT AND PLAN\n\nType 2 diabetes with neuropathy, A1c 8.4. Hypertension, starting amlodipine.',
      status: 'ready_to_sign',
      version: 7,
      input: { kind: 'transcript', text: CODES_TRANSCRIPT },
    },
    suggestions,
    decisions,
    history: [...decisions].reverse(),
  };
}
