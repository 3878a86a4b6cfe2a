/**
 * CSV text → rows (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).
 * Pure: decoding bytes (UTF-8, GB18030) is the file adapter's job.
 */
import type { CellValue } from "./grid";

/**
 * Parses CSV text into rows of strings; empty fields become null. A leading BOM is dropped.
 * Fields are slices of the text (a quoted one with doubled quotes is its pieces joined once), never grown a character
 * at a time: a 190 MB field built that way (one string object per character appended) took V8 past its heap limit.
 */
export function parseCsv(text: string, delimiter = ","): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // True after a delimiter or line end that began a field still to push (so "a," ends with an empty field).
  let open = false;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 0x22) {
      // Quoted: up to the closing quote, a doubled quote standing for one.
      const pieces: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          pieces.push(text.slice(from));
          i = n;
          break;
        }
        pieces.push(text.slice(from, q));
        if (text.charCodeAt(q + 1) === 0x22) {
          pieces.push('"');
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = pieces.length === 1 ? pieces[0] : pieces.join("");
      // Anything after the closing quote up to the delimiter belongs to the field too (as before: kept as written).
      const tail = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 0x0d || c === 0x0a) break;
        i++;
      }
      if (i > tail) field += text.slice(tail, i);
    } else {
      const from = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 0x0d || c === 0x0a) break;
        i++;
      }
      field = text.slice(from, i);
    }
    row.push(field === "" ? null : field);
    open = false;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      open = true;
      continue;
    }
    // A line end: \r\n, \r or \n.
    i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (open) row.push(null);
  if (row.length > 0) rows.push(row);
  return rows;
}
