import { describe, expect, it } from 'vitest';
import { hccFileKindOf, parseHccFile, paymentYearInFileName } from './hcc-csv-files.ts';

const MAP_HEADER = 'diagnosis_code,cc,model_name';
const LABELS_HEADER = 'cc,label,model_domain,model_version,model_fullname';
const HIER_HEADER = 'cc_parent,cc_child,model_domain,model_version,model_fullname';

describe('hccFileKindOf', () => {
  it('recognises each file by its header, with a BOM, CRLF or spaces', () => {
    expect(hccFileKindOf(MAP_HEADER)).toBe('map');
    expect(hccFileKindOf(`\uFEFF${LABELS_HEADER}\r`)).toBe('labels');
    expect(hccFileKindOf(' cc_parent , cc_child,model_domain,model_version,model_fullname')).toBe(
      'hierarchies',
    );
    expect(hccFileKindOf('code,code_nodot,billable,description')).toBeUndefined();
    expect(hccFileKindOf('diagnosis_code,cc')).toBeUndefined();
  });
});

describe('paymentYearInFileName', () => {
  it('reads the year from the CMS names and nothing else', () => {
    expect(paymentYearInFileName('ra_dx_to_cc_2026.csv')).toBe(2026);
    expect(paymentYearInFileName('2027-labels.csv')).toBe(2027);
    expect(paymentYearInFileName('ra_labels.csv')).toBeUndefined();
    expect(paymentYearInFileName('v120260.csv')).toBeUndefined();
  });
});

describe('parseHccFile', () => {
  it('reads map rows with dotted codes and skips blank lines', () => {
    const rows = parseHccFile(
      'map',
      'm.csv',
      `${MAP_HEADER}\r\nE119,38,CMS-HCC Model V28\r\n\r\nI5022,226,CMS-HCC Model V28\r\nI10,1,RxHCC Model V08\n`,
    );
    expect(rows).toEqual([
      { code: 'E11.9', cc: 38, modelName: 'CMS-HCC Model V28' },
      { code: 'I50.22', cc: 226, modelName: 'CMS-HCC Model V28' },
      { code: 'I10', cc: 1, modelName: 'RxHCC Model V08' },
    ]);
  });

  it('reads labels with quoted commas, stripping the HCC or RXHCC prefix', () => {
    const rows = parseHccFile(
      'labels',
      'l.csv',
      `${LABELS_HEADER}\nHCC109,"Acquired Hemolytic, Aplastic, and Sideroblastic Anemias",CMS-HCC,V28,V28115L3\nRXHCC45,Diabetes,RxHCC,R08,R0825\n`,
    );
    expect(rows).toEqual([
      {
        cc: 109,
        label: 'Acquired Hemolytic, Aplastic, and Sideroblastic Anemias',
        modelDomain: 'CMS-HCC',
        modelVersion: 'V28',
        modelFullname: 'V28115L3',
      },
      { cc: 45, label: 'Diabetes', modelDomain: 'RxHCC', modelVersion: 'R08', modelFullname: 'R0825' },
    ]);
  });

  it('reads hierarchy rows', () => {
    expect(parseHccFile('hierarchies', 'h.csv', `${HIER_HEADER}\n37,38,CMS-HCC,V28,V28115H1`)).toEqual([
      { parent: 37, child: 38, modelDomain: 'CMS-HCC', modelVersion: 'V28', modelFullname: 'V28115H1' },
    ]);
  });

  it('refuses a header of another shape, naming both', () => {
    expect(() =>
      parseHccFile('map', 'ra_labels_2026.csv', `${LABELS_HEADER}\nHCC1,HIV/AIDS,CMS-HCC,V28,V28115L3`),
    ).toThrow(`ra_labels_2026.csv: the header is "${LABELS_HEADER}", expected "${MAP_HEADER}"`);
  });

  it.each([
    [`${MAP_HEADER}\nE119,38`, 'line 2: expected 3 fields, found 2'],
    [
      `${MAP_HEADER}\nE119,38,CMS-HCC Model V28\n11.9,38,CMS-HCC Model V28`,
      'line 3: diagnosis_code "11.9" is not an ICD-10-CM code',
    ],
    [`${MAP_HEADER}\nE119,HCC38,CMS-HCC Model V28`, 'line 2: cc "HCC38" is not a category number'],
    [`${MAP_HEADER}\nE119,0,CMS-HCC Model V28`, 'line 2: cc "0" is not a category number'],
    [`${MAP_HEADER}\nE119,38,`, 'line 2: model_name is empty'],
    [`${MAP_HEADER}\nE119,38,"CMS-HCC`, 'line 2: a quoted field is not closed'],
    [`${MAP_HEADER}\nE119,38,V28\n\nE119,38,V28`, 'line 4 repeats line 2'],
    [`${MAP_HEADER}\n\n`, 'the file has a header but no rows'],
  ])('refuses a bad map file with the line: %#', (text, message) => {
    expect(() => parseHccFile('map', 'm.csv', text)).toThrow(`m.csv: ${message}`);
  });

  it.each([
    [
      'labels',
      `${LABELS_HEADER}\n38,Diabetes,CMS-HCC,V28,V28115L3`,
      'line 2: cc "38" is not a category such as HCC38',
    ],
    ['labels', `${LABELS_HEADER}\nHCC38,,CMS-HCC,V28,V28115L3`, 'line 2: label is empty'],
    ['labels', `${LABELS_HEADER}\nHCC38,Diabetes,CMS-HCC,,V28115L3`, 'line 2: model_version is empty'],
    [
      'hierarchies',
      `${HIER_HEADER}\n38,38,CMS-HCC,V28,V28115H1`,
      'line 2: cc_parent and cc_child are both 38',
    ],
    [
      'hierarchies',
      `${HIER_HEADER}\n37,x,CMS-HCC,V28,V28115H1`,
      'line 2: cc_child "x" is not a category number',
    ],
    ['hierarchies', `${HIER_HEADER}\n37,38,,V28,V28115H1`, 'line 2: model_domain is empty'],
  ] as const)('refuses a bad %s row with the line', (kind, text, message) => {
    expect(() => parseHccFile(kind, 'f.csv', text)).toThrow(`f.csv: ${message}`);
  });

  it('raises an AppError a command line can report', () => {
    try {
      parseHccFile('map', 'm.csv', 'nope');
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ name: 'AppError', code: 'bad_request' });
    }
  });
});
