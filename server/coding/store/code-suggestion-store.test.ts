import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import type { EncounterCodeSuggestions } from '../../contract/coding.ts';
import {
  createCodeSuggestionStore,
  type CodeSuggestionStore,
  type EncounterKey,
} from './code-suggestion-store.ts';

let db: TestDb;
let store: CodeSuggestionStore;
const key: EncounterKey = { registrationId: 'reg-1', patientId: 'pat-1', encounterId: 'enc-1' };

function suggestions(code: string, draftVersion: number): EncounterCodeSuggestions {
  return {
    release: 'seed',
    diagnoses: [{ code, description: 'd', rank: 1, evidence: [], confidence: 0.9, rationale: 'r' }],
    em: {
      code: '99213',
      patientStatus: 'established',
      basis: 'mdm',
      mdm: {
        problems: { level: 'low', reasoning: [], evidence: [] },
        data: { level: 'straightforward', reasoning: [], evidence: [] },
        risk: { level: 'low', reasoning: [], evidence: [] },
        overall: 'low',
        reasoning: 'low',
        code: '99213',
      },
      addOns: [],
      addOnsNotSuggested: [],
    },
    hcc: [],
    findings: [],
    withheld: [],
    services: [],
    draftVersion,
    createdAt: '2026-11-25T10:00:00.000Z',
  };
}

beforeAll(async () => {
  db = await openTestDb();
  store = createCodeSuggestionStore(db);
  await db.query(
    `insert into ehr_registration (id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes)
     values ('reg-1', 'Sandbox', 'https://ehr.example/fhir', 'rp', 'none', 'generic', '{https://ehr.example}', 'launch')`,
  );
});
afterAll(() => db.close());

describe('code suggestion store', () => {
  it('finds nothing before the first run, then the latest run for the encounter', async () => {
    expect(await store.find(key)).toBeNull();
    const entry = {
      patientName: 'Ada Test',
      provider: 'Practitioner/1',
      payerType: 'medicare' as const,
      dateOfService: '2026-11-25',
    };
    await store.save(key, { ...entry, suggestions: suggestions('J20.9', 1) }, 'Practitioner/1');
    const second = await store.save(key, { ...entry, suggestions: suggestions('I10', 2) }, 'Practitioner/1');
    expect(second.suggestions.diagnoses[0]?.code).toBe('I10');
    const found = await store.find(key);
    expect(found).toMatchObject({
      patientName: 'Ada Test',
      payerType: 'medicare',
      dateOfService: '2026-11-25',
    });
    expect(found?.suggestions.draftVersion).toBe(2);
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from code_suggestion');
    expect(rows[0]?.n).toBe(1);
  });
});
