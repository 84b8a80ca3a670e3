/**
 * One line of a CMS risk adjustment CSV file split into its fields (RFC 4180 quoting: a field in
 * double quotes may hold commas, and `""` inside it is one quote). The files hold no line breaks
 * inside fields, so a line is a record; an unterminated quote is reported, not guessed at.
 *
 * @module
 */

export type CsvLine =
  { readonly ok: true; readonly fields: string[] } | { readonly ok: false; readonly problem: string };

export function splitCsvLine(line: string): CsvLine {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) return { ok: false, problem: 'a quoted field is not closed' };
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i < line.length && line[i] !== ',') {
        return { ok: false, problem: `unexpected text after a quoted field at column ${i + 1}` };
      }
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) return { ok: false, problem: `a stray quote at column ${i + 1}` };
      fields.push(value);
      i = end;
    }
    if (i >= line.length) return { ok: true, fields };
    i++; // the comma
  }
}
