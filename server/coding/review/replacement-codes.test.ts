import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { checkReplacementCode, createIcd10cmLookup, type Icd10cmLookup } from './replacement-codes.ts';

let db: TestDb;
let lookup: Icd10cmLookup;

beforeAll(async () => {
  db = await openTestDb();
  lookup = createIcd10cmLookup(db);
});
afterAll(() => db.close());

describe('checkReplacementCode', () => {
  it('takes a billable ICD-10-CM code of the active release for a diagnosis, in its canonical spelling', async () => {
    expect(await checkReplacementCode('diagnosis', 'I12.9', 'i10', lookup)).toBe('I10');
    expect(await checkReplacementCode('diagnosis', 'E11.65', 'E1122', lookup)).toBe('E11.22');
  });

  it('refuses a category, an unknown code, a malformed one and the suggestion itself', async () => {
    await expect(checkReplacementCode('diagnosis', 'I12.9', 'E11', lookup)).rejects.toThrow(
      /E11 \(.+\) is a category, not a billable code/,
    );
    await expect(checkReplacementCode('diagnosis', 'I12.9', 'Z99.999', lookup)).rejects.toThrow(
      'Z99.999 is not in the loaded ICD-10-CM release',
    );
    await expect(checkReplacementCode('diagnosis', 'I12.9', '99214', lookup)).rejects.toThrow(
      '99214 is not an ICD-10-CM code',
    );
    await expect(checkReplacementCode('diagnosis', 'I12.9', 'i12.9', lookup)).rejects.toThrow(
      'I12.9 is the suggested code itself: choose Accept instead.',
    );
  });

  it('takes only office E/M codes for the level, and CPT or HCPCS codes for add-ons and services', async () => {
    expect(await checkReplacementCode('em', '99214', '99213', lookup)).toBe('99213');
    expect(await checkReplacementCode('em', '99214', '99205', lookup)).toBe('99205');
    await expect(checkReplacementCode('em', '99214', '99221', lookup)).rejects.toThrow(
      'Use 99202–99205 for a new patient or 99211–99215 for an established one.',
    );
    await expect(checkReplacementCode('em', '99214', '99201', lookup)).rejects.toThrow(
      'not an office visit E/M code',
    );
    expect(await checkReplacementCode('add_on', 'G2211', 'g2212', lookup)).toBe('G2212');
    expect(await checkReplacementCode('service', '99406', '99407', lookup)).toBe('99407');
    expect(await checkReplacementCode('service', '99406', '3074F', lookup)).toBe('3074F');
    await expect(checkReplacementCode('add_on', 'G2211', 'E11.65', lookup)).rejects.toThrow(
      'E11.65 is not a CPT or HCPCS code',
    );
  });
});
