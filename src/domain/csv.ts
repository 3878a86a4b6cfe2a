/**
 * CSV text → rows (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes).
 * Pure: decoding bytes (UTF-8, GB18030) is the file adapter's job.
 */
import type { CellValue } from "./grid";

/** Parses CSV text into rows of strings; empty fields become null. A leading BOM is dropped. */
export function parseCsv(text: string, delimiter = ","): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const push = (): void => {
    row.push(field === "" ? null : field);
    field = "";
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) push();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      push();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    push();
    rows.push(row);
  }
  return rows;
}
