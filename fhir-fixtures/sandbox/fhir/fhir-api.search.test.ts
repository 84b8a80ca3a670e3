import type { Bundle, Condition, Observation, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../load-bundles.ts';
import { DEFAULT_PAGE_SIZE } from './search-request.ts';
import { A_HBA1C_DATES, PATIENT_A, PATIENT_B, testBundle } from './test-data.ts';
import { fhirFetch, startFhirTestServer, type FhirTestServer } from './test-server.ts';

let server: FhirTestServer;
let token: string;

beforeAll(async () => {
  server = await startFhirTestServer();
  await loadBundle(server.state, testBundle());
  token = server.token('user/*.rs');
});
afterAll(() => server.close());

async function search<T extends Observation | Condition = Observation>(query: string): Promise<Bundle<T>> {
  const res = await fhirFetch<Bundle<T>>(`${server.base}/${query}`, token);
  expect(res.status).toBe(200);
  return res.json;
}
const ids = (bundle: Bundle): (string | undefined)[] => bundle.entry?.map((e) => e.resource?.id) ?? [];

describe('reference search', () => {
  it.each([
    `patient=${PATIENT_A}`,
    `patient=Patient/${PATIENT_A}`,
    `subject=Patient/${PATIENT_A}`,
    `subject=${PATIENT_A}`,
  ])("Observation?%s finds the patient's 8 observations", async (query) => {
    expect((await search(`Observation?${query}`)).total).toBe(8);
  });

  it('accepts an absolute reference under the server base', async () => {
    expect((await search(`Observation?patient=${server.base}/Patient/${PATIENT_B}`)).total).toBe(2);
  });

  it('ORs comma-separated values', async () => {
    expect((await search(`Observation?patient=${PATIENT_A},${PATIENT_B}`)).total).toBe(10);
  });
});

describe('token, date and id search', () => {
  it('matches system|code tokens', async () => {
    const bundle = await search(`Observation?code=http://loinc.org|4548-4&patient=${PATIENT_A}`);
    expect(bundle.total).toBe(5);
    expect((await search('Observation?code=http://snomed.info/sct|4548-4')).total).toBe(0);
  });

  it('matches category and clinical-status codes', async () => {
    expect((await search(`Observation?category=vital-signs&patient=${PATIENT_A}`)).total).toBe(3);
    const active = await search<Condition>('Condition?clinical-status=active');
    expect(ids(active).sort()).toEqual(['a-cond-active', 'b-cond-active']);
  });

  it('applies date ranges with prefixes', async () => {
    const inRange = await search(
      `Observation?code=4548-4&patient=${PATIENT_A}&date=ge2024-01-01&date=lt2025-01-01`,
    );
    expect(ids(inRange).sort()).toEqual(['a-a1c-1', 'a-a1c-2', 'a-a1c-3']);
    expect((await search(`Observation?code=4548-4&patient=${PATIENT_A}&date=ge2024-01-01`)).total).toBe(
      A_HBA1C_DATES.filter((d) => d >= '2024-01-01').length,
    );
  });

  it('finds by _id', async () => {
    expect(ids(await search('Observation?_id=a-hr-1'))).toEqual(['a-hr-1']);
    expect(ids(await search('Observation?_id=a-hr-1,b-a1c-0')).sort()).toEqual(['a-hr-1', 'b-a1c-0']);
  });

  it('searches by POST _search with a form body', async () => {
    const res = await fetch(`${server.base}/Observation/_search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['patient', PATIENT_A],
        ['code', 'http://loinc.org|4548-4'],
      ]),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Bundle).total).toBe(5);
  });

  it('counts with _summary=count', async () => {
    const bundle = await search(`Observation?patient=${PATIENT_A}&_summary=count`);
    expect(bundle.total).toBe(8);
    expect(bundle.entry).toBeUndefined();
  });
});

describe('sorting', () => {
  it('sorts by -date, newest first, treating Period and dateTime alike', async () => {
    const bundle = await search(`Observation?patient=${PATIENT_A}&_sort=-date`);
    expect(ids(bundle)).toEqual([
      'a-a1c-4',
      'a-a1c-3',
      'a-a1c-2',
      'a-hr-2',
      'a-hr-1',
      'a-hr-0',
      'a-a1c-1',
      'a-a1c-0',
    ]);
  });

  it('sorts by date ascending and lets the first key win', async () => {
    const bundle = await search(`Observation?patient=${PATIENT_A}&_sort=code,date`);
    expect(ids(bundle)).toEqual([
      'a-a1c-0',
      'a-a1c-1',
      'a-a1c-2',
      'a-a1c-3',
      'a-a1c-4',
      'a-hr-0',
      'a-hr-1',
      'a-hr-2',
    ]);
  });
});

describe('paging', () => {
  it('pages with _count and absolute next links to the end', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${server.base}/Observation?patient=${PATIENT_A}&_sort=date&_count=3`;
    let pages = 0;
    while (url) {
      expect(url.startsWith(`${server.base}/Observation?`)).toBe(true);
      const page: Bundle = (await fhirFetch<Bundle>(url, token)).json;
      expect(page.total).toBe(8);
      // After the first page, the links we handed out are the URLs we ask for.
      if (pages > 0) expect(page.link?.find((l) => l.relation === 'self')?.url).toBe(url);
      seen.push(...(ids(page) as string[]));
      url = page.link?.find((l) => l.relation === 'next')?.url;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([
      'a-a1c-0',
      'a-a1c-1',
      'a-hr-0',
      'a-hr-1',
      'a-hr-2',
      'a-a1c-2',
      'a-a1c-3',
      'a-a1c-4',
    ]);
  });

  it('pages by default and gives entries absolute fullUrls', async () => {
    const bundle = await search('Observation');
    expect(bundle.link?.find((l) => l.relation === 'self')?.url).toContain(`_count=${DEFAULT_PAGE_SIZE}`);
    expect(bundle.entry?.[0]?.fullUrl).toMatch(new RegExp(`^${server.base}/Observation/`));
  });
});

describe('bad searches are 400 OperationOutcomes', () => {
  it.each([
    'Observation?bogus=1',
    'Observation?_sort=bogus',
    'Observation?date=notadate',
    'Observation?_count=-1',
    'Observation?subject.name=Ada',
    'Observation?_include=Observation:patient',
    'Observation?value-quantity=7',
    'Observation?combo-code-value-quantity=4548-4$7',
  ])('%s', async (query) => {
    const res = await fhirFetch<OperationOutcome>(`${server.base}/${query}`, token);
    expect(res.status).toBe(400);
    expect(res.json.resourceType).toBe('OperationOutcome');
    expect(res.json.issue[0]?.details?.text).toBeTruthy();
  });
});
