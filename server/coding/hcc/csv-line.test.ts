import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './csv-line.ts';

describe('splitCsvLine', () => {
  it('splits plain fields, keeping empty ones', () => {
    expect(splitCsvLine('E119,38,CMS-HCC Model V28')).toEqual({
      ok: true,
      fields: ['E119', '38', 'CMS-HCC Model V28'],
    });
    expect(splitCsvLine('a,,c,')).toEqual({ ok: true, fields: ['a', '', 'c', ''] });
    expect(splitCsvLine('')).toEqual({ ok: true, fields: [''] });
  });

  it('keeps commas inside a quoted field and reads "" as one quote', () => {
    expect(
      splitCsvLine('HCC108,"Sickle Cell Disorders, Except Sickle Cell Anemia",CMS-HCC,V28,V28115L3'),
    ).toEqual({
      ok: true,
      fields: ['HCC108', 'Sickle Cell Disorders, Except Sickle Cell Anemia', 'CMS-HCC', 'V28', 'V28115L3'],
    });
    expect(splitCsvLine('"say ""hi""",x')).toEqual({ ok: true, fields: ['say "hi"', 'x'] });
    expect(splitCsvLine('x,"last, quoted"')).toEqual({ ok: true, fields: ['x', 'last, quoted'] });
  });

  it('reports an unterminated quote, text after a closing quote, and a stray quote', () => {
    expect(splitCsvLine('HCC1,"HIV/AIDS,CMS-HCC')).toEqual({
      ok: false,
      problem: 'a quoted field is not closed',
    });
    expect(splitCsvLine('"a"b,c')).toEqual({
      ok: false,
      problem: 'unexpected text after a quoted field at column 4',
    });
    expect(splitCsvLine('a,b"c')).toEqual({ ok: false, problem: 'a stray quote at column 3' });
  });
});
