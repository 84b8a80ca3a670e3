/**
 * The data column of 2021+ office MDM ("amount and/or complexity of data to be reviewed and
 * analysed"). Limited: category 1 with two items (unique tests ordered or reviewed, external notes
 * per source) or category 2, an independent historian. Moderate: one of three categories, where
 * category 1 needs three items and the historian now counts among them, category 2 is an
 * independent interpretation and category 3 a discussion of management with an external physician
 * or QHP. Extensive: two of those three. Counting itself lives in data-items.ts.
 *
 * @module
 */
import type { DataElements, MdmElementResult, MdmLevel } from '../../contract/coding.ts';
import { type CountedData, type CountedItem, countData } from './data-items.ts';
import { dataLevelWords } from './mdm-scale.ts';
import { counted, labelList } from './reasoning-text.ts';

const NOT_LIMITED =
  'Not limited: that needs two items in category 1 (unique tests ordered or reviewed, external notes from unique sources) or an assessment needing an independent historian.';
const EXTENSIVE_NEEDS =
  'extensive needs two of the three: three items in category 1 (an independent historian counts as one), an independent interpretation of a test performed by another physician, a discussion of management with an external physician or QHP.';

const texts = (items: readonly CountedItem[]) => labelList(items.map((i) => i.text));

/** Category 1 as the moderate and extensive rows count it: documents, tests and the historian. */
function categoryOne(c: CountedData): CountedItem[] {
  return c.historian ? [...c.documentsAndTests, c.historian] : [...c.documentsAndTests];
}

/** The categories met at the moderate/extensive rows, worded, in AMA order. */
function metCategories(c: CountedData): string[] {
  const one = categoryOne(c);
  const met: string[] = [];
  if (one.length >= 3) met.push(`category 1 has ${counted(one.length, 'item')} ${texts(one)}`);
  if (c.interpretations.length > 0)
    met.push(`category 2, independent interpretation ${texts(c.interpretations)}`);
  if (c.discussions.length > 0) met.push(`category 3, discussion of management ${texts(c.discussions)}`);
  return met;
}

function levelFrom(c: CountedData, categories: number): MdmLevel {
  if (categories >= 2) return 'high';
  if (categories === 1) return 'moderate';
  if (c.documentsAndTests.length >= 2 || c.historian) return 'low';
  return 'straightforward';
}

/** Why a limited column is not moderate, with what category 1 holds. */
function notModerate(c: CountedData): string {
  const n = categoryOne(c).length;
  return `Not moderate: category 1 has ${counted(n, 'item')} and moderate needs three (an independent historian counts as one); there is no independent interpretation of a test and no discussion of management with an external physician or QHP.`;
}

function reasoningFor(level: MdmLevel, c: CountedData, met: readonly string[], historian?: string): string[] {
  const head = `Data: ${dataLevelWords(level)} — `;
  switch (level) {
    case 'high':
      return [
        `${head}${met.length === 3 ? 'all three' : 'two of the three'} categories are met: ${met.join('; ')}.`,
      ];
    case 'moderate': {
      const one = categoryOne(c);
      const short =
        one.length > 0 && one.length < 3
          ? ` Category 1 has only ${counted(one.length, 'item')} ${texts(one)}, short of three.`
          : '';
      return [
        `${head}${met.join('')}.`,
        `Not extensive: only one category is met; ${EXTENSIVE_NEEDS}${short}`,
      ];
    }
    case 'low': {
      const first =
        c.documentsAndTests.length >= 2
          ? `category 1 has ${counted(c.documentsAndTests.length, 'item')} ${texts(c.documentsAndTests)}.`
          : `category 2 is met: the assessment needs an independent historian (${historian ?? ''}).`;
      return [`${head}${first}`, notModerate(c)];
    }
    case 'straightforward': {
      const items = c.documentsAndTests;
      const first =
        items.length === 0
          ? 'no tests, external notes or other data reviewed or ordered are documented.'
          : `category 1 has only ${counted(items.length, 'item')} ${texts(items)}.`;
      return [`${head}${first}`, NOT_LIMITED];
    }
  }
}

/** The data column: level, a coder's reasoning, and the evidence of every credited item. */
export function dataLevel(data: DataElements): MdmElementResult {
  const c = countData(data);
  const met = metCategories(c);
  const level = levelFrom(c, met.length);
  const credited = [...categoryOne(c), ...c.interpretations, ...c.discussions];
  return {
    level,
    reasoning: [...reasoningFor(level, c, met, data.independentHistorian?.label), ...c.notes],
    evidence: credited.flatMap((i) => i.evidence),
  };
}
