/**
 * CSV bytes/text → one grid, shared by Node (src/file/csv.ts) and the browser page. No Node built-ins: decoding
 * here uses TextDecoder, which both have (Node's own decoder handles the legacy encodings in csv.ts).
 *
 * Decisions:
 * - Encoding by detection: a UTF-16 BOM → UTF-16; bytes that are valid UTF-8 (with or without BOM) → UTF-8;
 *   anything else → GB18030 (a superset of GBK/GB2312, which is what Excel and WPS write on Chinese Windows).
 * - Delimiter: comma; tab when the first line has tabs and no commas (Excel's "Unicode text" export).
 * - Plain decimal numbers ("880", "-3.5", "0.25") become numbers, as Excel would read them when it opens the CSV,
 *   so a CSV and an .xlsx of the same table give the same grid. Kept as text: anything with a sign, unit or
 *   percent ("97.80%", "≥95%", "1,234"), and codes that a number would damage: a leading zero ("007"),
 *   or more than 15 significant digits (20-digit 项目编码).
 */
import { parseCsv } from "../domain/csv";
import type { CellValue, Grid } from "../domain/grid";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Which encoding the bytes are in (see the decisions above). */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** Decodes CSV bytes with TextDecoder (browsers know GB18030 and UTF-16BE; a leading BOM is dropped). */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const encoding = detectEncoding(bytes);
  let text = new TextDecoder(encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** A CSV field as Excel would read it: plain decimals as numbers, everything else as text. */
export function csvValue(v: CellValue): CellValue {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (!PLAIN_NUMBER.test(t)) return v;
  const digits = t.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  if (digits.length > 15) return v;
  const n = Number(t);
  return Number.isFinite(n) ? n : v;
}

/** Decoded CSV text → one grid named `sheet`. */
export function csvTextToGrid(text: string, sheet: string): Grid {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const rows = parseCsv(text, delimiter).map((row) => row.map(csvValue));
  // Trailing rows with nothing in them (a final blank line, ",,,," rows) are dropped; ragged rows are fine.
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return { sheet, top: 0, left: 0, values: rows };
}
