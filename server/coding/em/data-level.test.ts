import { describe, expect, it } from 'vitest';
import type { DataElements, MdmLevel } from '../../contract/coding.ts';
import { dataLevel } from './data-level.ts';
import { chartEvidence, data, item, priorResult } from './em-facts.test-data.ts';

const note = (source: string) => item(`Note from ${source}`, `source:${source}`);
const test = (name: string) => item(name, `test:${name}`);
const historian = item('mother', 'historian:mother');
const interpretation = (name: string) => item(name, `test:${name}`);
const discussion = item('Dr. Vale, nephrology', 'discussion:vale');

describe('dataLevel', () => {
  const table: [string, Partial<DataElements>, MdmLevel][] = [
    ['nothing', {}, 'straightforward'],
    ['one test reviewed', { testsReviewed: [test('A1c')] }, 'straightforward'],
    ['one note', { externalNotes: [note('eye clinic')] }, 'straightforward'],
    [
      'two notes from one source',
      { externalNotes: [note('eye clinic'), note('eye clinic')] },
      'straightforward',
    ],
    [
      'one test ordered and its result reviewed',
      { testsReviewed: [test('BMP')], testsOrdered: [test('BMP')] },
      'straightforward',
    ],
    ['two notes from two sources', { externalNotes: [note('eye clinic'), note('urgent care')] }, 'low'],
    ['a note and a test', { externalNotes: [note('eye clinic')], testsOrdered: [test('UACR')] }, 'low'],
    ['two tests reviewed', { testsReviewed: [test('A1c'), test('TSH')] }, 'low'],
    ['two tests ordered', { testsOrdered: [test('A1c'), test('TSH')] }, 'low'],
    ['an independent historian alone', { independentHistorian: historian }, 'low'],
    ['a historian and one test', { independentHistorian: historian, testsReviewed: [test('A1c')] }, 'low'],
    [
      'three unique tests',
      { testsReviewed: [test('A1c'), test('TSH')], testsOrdered: [test('UACR')] },
      'moderate',
    ],
    [
      'three tests each ordered and reviewed',
      { testsReviewed: [test('A'), test('B'), test('C')], testsOrdered: [test('A'), test('B'), test('C')] },
      'moderate',
    ],
    [
      'two tests ordered and reviewed (two unique)',
      { testsReviewed: [test('A'), test('B')], testsOrdered: [test('A'), test('B')] },
      'low',
    ],
    [
      'a historian and two tests',
      { independentHistorian: historian, testsOrdered: [test('A'), test('B')] },
      'moderate',
    ],
    [
      'a note, a test and a historian',
      { independentHistorian: historian, externalNotes: [note('x')], testsOrdered: [test('A')] },
      'moderate',
    ],
    [
      'an independent interpretation alone',
      { independentInterpretations: [interpretation('ECG')] },
      'moderate',
    ],
    ['a discussion alone', { externalDiscussions: [discussion] }, 'moderate'],
    [
      'interpretation and discussion',
      { independentInterpretations: [interpretation('ECG')], externalDiscussions: [discussion] },
      'high',
    ],
    [
      'three items and an interpretation',
      {
        externalNotes: [note('x')],
        testsReviewed: [test('A'), test('B')],
        independentInterpretations: [interpretation('ECG')],
      },
      'high',
    ],
    [
      'three items and a discussion',
      { testsOrdered: [test('A'), test('B'), test('C')], externalDiscussions: [discussion] },
      'high',
    ],
    [
      'historian, two tests and a discussion',
      {
        independentHistorian: historian,
        testsOrdered: [test('A'), test('B')],
        externalDiscussions: [discussion],
      },
      'high',
    ],
    [
      'all three categories',
      {
        testsOrdered: [test('A'), test('B'), test('C')],
        independentInterpretations: [interpretation('ECG')],
        externalDiscussions: [discussion],
      },
      'high',
    ],
    [
      'a historian and an interpretation',
      { independentHistorian: historian, independentInterpretations: [interpretation('ECG')] },
      'moderate',
    ],
    [
      'two tests and an interpretation (category 1 short)',
      { testsReviewed: [test('A'), test('B')], independentInterpretations: [interpretation('ECG')] },
      'moderate',
    ],
  ];
  it.each(table)('%s → %s', (_name, parts, level) => {
    expect(dataLevel(data(parts)).level).toBe(level);
  });

  it('words a moderate column as a coder would, naming the items and why it is not extensive', () => {
    const result = dataLevel(
      data({
        testsReviewed: [item('lipid panel', 'loinc:57698-3'), item('BMP', 'loinc:51990-0')],
        testsOrdered: [item('echocardiogram', 'cpt:93306')],
      }),
    );
    expect(result.reasoning[0]).toBe(
      'Data: moderate — category 1 has three items (lipid panel reviewed; BMP reviewed; echocardiogram ordered).',
    );
    expect(result.reasoning[1]).toMatch(
      /^Not extensive: only one category is met; extensive needs two of the three/,
    );
  });

  it('counts a test ordered and its result reviewed once, keyed by code not by label', () => {
    const result = dataLevel(
      data({
        testsReviewed: [item('Basic metabolic panel', 'loinc:51990-0')],
        testsOrdered: [item('BMP', 'loinc:51990-0')],
      }),
    );
    expect(result.level).toBe('straightforward');
    expect(result.reasoning[0]).toMatch(
      /one item \(Basic metabolic panel reviewed and ordered \(one unique test, counted once\)\)/,
    );
  });

  it('counts the same result reviewed twice once', () => {
    const result = dataLevel(data({ testsReviewed: [test('TSH'), test('TSH')] }));
    expect(result.level).toBe('straightforward');
    expect(result.reasoning[0]).toMatch(/TSH reviewed \(counted once\)/);
  });

  it('counts external notes once per unique source', () => {
    const result = dataLevel(
      data({ externalNotes: [note('lakeport'), note('lakeport')], testsReviewed: [test('A1c')] }),
    );
    expect(result.level).toBe('low');
    expect(result.reasoning[0]).toMatch(
      /external note: Note from lakeport \(two documents from one source, counted once\)/,
    );
  });

  it('names the historian as category 2 when it alone makes the column limited', () => {
    const result = dataLevel(
      data({ independentHistorian: item('mother, for a 4-year-old', 'historian:mother') }),
    );
    expect(result.reasoning[0]).toBe(
      'Data: low (limited) — category 2 is met: the assessment needs an independent historian (mother, for a 4-year-old).',
    );
    expect(result.reasoning[1]).toMatch(/^Not moderate: category 1 has one item and moderate needs three/);
  });

  it('calls interpretation plus discussion extensive, two categories', () => {
    const result = dataLevel(
      data({
        independentInterpretations: [interpretation('outside ECG')],
        externalDiscussions: [discussion],
      }),
    );
    expect(result.reasoning[0]).toBe(
      'Data: high (extensive) — two of the three categories are met: category 2, independent interpretation (outside ECG); category 3, discussion of management (Dr. Vale, nephrology).',
    );
  });

  it('does not count an independently interpreted test again in category 1', () => {
    const result = dataLevel(
      data({
        externalNotes: [note('urgent care')],
        testsReviewed: [item('ankle X-ray report', 'cpt:73610')],
        independentInterpretations: [item('ankle X-ray', 'cpt:73610')],
      }),
    );
    expect(result.level).toBe('moderate');
    expect(result.reasoning.join(' ')).toMatch(
      /Category 1 has only one item \(external note: Note from urgent care\), short of three/,
    );
    expect(result.reasoning.join(' ')).toMatch(
      /Not counted again in category 1 \(ankle X-ray report\): credited as an independent interpretation/,
    );
  });

  it('does not count again a result whose review was credited with an earlier order', () => {
    const a1c = chartEvidence('A1c 8.6');
    const bmpOrder = chartEvidence('BMP order');
    const result = dataLevel(
      data({
        testsReviewed: [priorResult('A1c', 'loinc:4548-4', a1c), priorResult('BMP', 'loinc:51990-0')],
        testsOrdered: [item('BMP', 'loinc:51990-0', bmpOrder)],
      }),
    );
    expect(result.level).toBe('straightforward');
    expect(result.reasoning[0]).toMatch(/one item \(BMP ordered\)/);
    expect(result.reasoning.join(' ')).toMatch(
      /Not counted again \(A1c; BMP\): these tests were ordered at an earlier encounter/,
    );
    expect(result.evidence).toEqual([bmpOrder]);
  });

  it('carries the evidence of every credited item across categories', () => {
    const e = ['note', 'lab', 'ecg', 'call', 'mum'].map(chartEvidence);
    const result = dataLevel(
      data({
        externalNotes: [item('note', 'n', e[0]!)],
        testsReviewed: [item('lab', 'l', e[1]!)],
        independentInterpretations: [item('ecg', 'ecg', e[2]!)],
        externalDiscussions: [item('call', 'c', e[3]!)],
        independentHistorian: item('mum', 'h', e[4]!),
      }),
    );
    expect(result.level).toBe('high');
    expect(result.reasoning[0]).toMatch(/all three categories are met/);
    expect(new Set(result.evidence)).toEqual(new Set(e));
  });

  it('says what limited needs when the column is minimal', () => {
    const result = dataLevel(data({}));
    expect(result.reasoning).toEqual([
      'Data: straightforward (minimal or none) — no tests, external notes or other data reviewed or ordered are documented.',
      expect.stringMatching(/^Not limited: that needs two items in category 1/),
    ]);
  });
});
