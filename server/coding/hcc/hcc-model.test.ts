import { describe, expect, it } from 'vitest';
import { canonicalIcd10cm } from '../code-sets/icd10cm-code-format.ts';
import { HCC_MODEL_V28, hccModelData, hccName } from './hcc-model.ts';

describe('canonicalIcd10cm', () => {
  it('writes codes dotted and upper case, whatever the spelling', () => {
    expect(canonicalIcd10cm('E119')).toBe('E11.9');
    expect(canonicalIcd10cm(' e11.65 ')).toBe('E11.65');
    expect(canonicalIcd10cm('E113211')).toBe('E11.3211');
    expect(canonicalIcd10cm('I10')).toBe('I10');
    expect(canonicalIcd10cm('z6841')).toBe('Z68.41');
  });
});

describe('hccModelData', () => {
  it('groups the map by dotted code and the hierarchy by parent, without repeats', () => {
    const data = hccModelData({
      model: HCC_MODEL_V28,
      paymentYear: 2026,
      map: [
        { code: 'E1152', cc: 37 },
        { code: 'E11.52', cc: 263 },
        { code: 'E11.52', cc: 263 },
        { code: 'E11.9', cc: 38 },
      ],
      labels: [{ cc: 38, label: 'Diabetes' }],
      hierarchies: [
        { parent: 37, child: 38 },
        { parent: 36, child: 38 },
        { parent: 36, child: 37 },
      ],
    });
    expect(data.categoriesByCode.get('E11.52')).toEqual([37, 263]);
    expect(data.categoriesByCode.get('E11.9')).toEqual([38]);
    expect(data.categoriesByCode.has('E1152')).toBe(false);
    expect(data.dropsByParent.get(36)).toEqual([38, 37]);
    expect(data.labels.get(38)).toBe('Diabetes');
    expect(data.model.name).toBe('CMS-HCC Model V28');
    expect(hccName(226)).toBe('HCC226');
  });
});
