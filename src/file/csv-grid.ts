/**
 * CSV bytes/text → one grid, shared by Node (src/file/csv.ts) and the browser page. No Node built-ins: decoding
 * here uses TextDecoder, which both have (Node's own decoder handles the legacy encodings in csv.ts).
 *
 * Decisions:
 * - Encoding by detection, never by hope: a table must not vanish into the wrong decoding.
 *   1. A UTF-16 BOM → UTF-16 (unless the rest is plainly UTF-8: stray bytes FF FE at the start). Without a BOM, UTF-16 shows as NUL bytes at odd (LE) or even (BE) positions
 *      (every ASCII comma, digit and line break has one): that pattern → UTF-16. NULs without that pattern
 *      (an all-NUL file, a zip or other binary renamed .csv) → refused, not decoded into garbage.
 *   2. Valid UTF-8 (with or without BOM) → UTF-8.
 *   3. Otherwise the bytes are scanned as UTF-8: GBK text (what Excel and WPS write on Chinese Windows) is
 *      mostly invalid as UTF-8 (about four bad sequences per valid multi-byte one in real tables), while a UTF-8
 *      file with a stray byte has a few bad sequences among many valid ones. Fewer bad sequences than valid
 *      multi-byte ones → UTF-8; else GB18030 (a superset of GBK/GB2312) when it decodes with fewer errors.
 *   The bytes that do not decode become U+FFFD and are reported (how many, the first one's byte offset), so the
 *   file gets a warning instead of silently changed text; text with too many of them is refused.
 * - Delimiter: comma; tab when the first line has tabs and no commas (Excel's "Unicode text" export).
 * - Plain decimal numbers ("880", "-3.5", "0.25") become numbers, as Excel would read them when it opens the CSV,
 *   so a CSV and an .xlsx of the same table give the same grid. Kept as text: anything with a sign, unit or
 *   percent ("97.80%", "≥95%", "1,234"), and codes that a number would damage: a leading zero ("007"),
 *   or more than 15 significant digits (20-digit 项目编码).
 */
import { say } from "../domain/catalog";
import { parseCsv } from "../domain/csv";
import type { CellValue, Grid } from "../domain/grid";
import { WorkbookReadError } from "./grid-convert";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Byte sequences that did not decode (each became one U+FFFD): how many, and where the first starts. */
export interface InvalidBytes {
  readonly count: number;
  /** Byte offset of the first one, from the start of the file (0-based). */
  readonly offset: number;
  /** The first bad byte, as the file has it. */
  readonly byte: number;
}

/** What the bytes of a CSV are. */
export interface CsvBytesInfo {
  readonly encoding: CsvEncoding;
  /** Present when some bytes do not decode in `encoding`. */
  readonly invalid?: InvalidBytes;
}

interface Scan {
  /** Well-formed multi-byte sequences. */
  multi: number;
  bad: number;
  first: number;
}

/** Well-formed and ill-formed UTF-8 sequences (an ill-formed one counted as the decoder replaces it: its maximal part). */
function scanUtf8(b: Uint8Array): Scan {
  const out: Scan = { multi: 0, bad: 0, first: -1 };
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    }
    let j = i + 1;
    let k = 0;
    while (k < need && j < n) {
      const d = b[j];
      if (d < (k === 0 ? lo : 0x80) || d > (k === 0 ? hi : 0xbf)) break;
      k++;
      j++;
    }
    if (need > 0 && k === need) out.multi++;
    else {
      out.bad++;
      if (out.first < 0) out.first = i;
    }
    i = need === 0 ? i + 1 : j;
  }
  return out;
}

/**
 * Ill-formed GB18030 sequences, as the WHATWG decoder reads them: single bytes 00–80 (80 is €), pairs
 * 81–FE + 40–7E/80–FE, quads 81–FE 30–39 81–FE 30–39.
 */
function scanGb18030(b: Uint8Array): Scan {
  const out: Scan = { multi: 0, bad: 0, first: -1 };
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c <= 0x80) {
      i++;
      continue;
    }
    const d = i + 1 < n ? b[i + 1] : -1;
    if (c >= 0x81 && c <= 0xfe && ((d >= 0x40 && d <= 0x7e) || (d >= 0x80 && d <= 0xfe))) {
      out.multi++;
      i += 2;
    } else if (c >= 0x81 && c <= 0xfe && d >= 0x30 && d <= 0x39 && i + 3 < n && b[i + 2] >= 0x81 && b[i + 2] <= 0xfe && b[i + 3] >= 0x30 && b[i + 3] <= 0x39) {
      out.multi++;
      i += 4;
    } else {
      out.bad++;
      if (out.first < 0) out.first = i;
      i++;
    }
  }
  return out;
}

/** How much of the file's start is looked at for the UTF-16 pattern. */
const SAMPLE_BYTES = 64 * 1024;

/** UTF-16 without a BOM from its NUL pattern; "binary" for NULs without one; undefined for (almost) no NULs. */
function nulPattern(b: Uint8Array): "utf-16le" | "utf-16be" | "binary" | undefined {
  const n = Math.min(b.length, SAMPLE_BYTES) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  if (b.length % 2 === 1 && n < SAMPLE_BYTES && b[b.length - 1] === 0) odd++;
  const nuls = even + odd;
  if (nuls === 0) return undefined;
  const pairs = n / 2;
  // ASCII characters in UTF-16 give a NUL in every pair; CJK ones (U+4E00–U+9FFF) seldom do (1 in 256).
  if (odd >= 2 && odd >= pairs * 0.05 && even * 8 <= odd) return "utf-16le";
  if (even >= 2 && even >= pairs * 0.05 && odd * 8 <= even) return "utf-16be";
  // A stray NUL or two in a text file is kept (the cell shows it); many without the pattern is not text.
  return nuls * 100 > Math.max(n, 1) ? "binary" : undefined;
}

function invalidOf(bytes: Uint8Array, scan: Scan): InvalidBytes | undefined {
  return scan.bad > 0 ? { count: scan.bad, offset: scan.first, byte: bytes[scan.first] } : undefined;
}

function notText(detail: string): WorkbookReadError {
  return new WorkbookReadError(
    "文件不是可识别编码的文本（UTF-8、GB18030/GBK 或 UTF-16），可能是其他格式改了扩展名，未检查",
    "not text in a known encoding (UTF-8, GB18030/GBK or UTF-16), perhaps another format renamed: not checked",
    detail,
    "not-xlsx",
  );
}

/**
 * The encoding of CSV bytes and the bytes that do not decode in it (see the decisions above). Throws
 * WorkbookReadError for bytes that are not text (NULs without the UTF-16 pattern, or mostly undecodable).
 */
export function inspectCsvBytes(bytes: Uint8Array): CsvBytesInfo {
  const bom = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  if (bom) {
    // FF FE / FE FF is a UTF-16 BOM unless what follows is plainly UTF-8 (two stray bytes at the start of a UTF-8 file).
    const rest = scanUtf8(bytes.subarray(2));
    if (nulPattern(bytes.subarray(2)) !== undefined || rest.bad >= rest.multi) return { encoding: bom };
  }
  const nul = nulPattern(bytes);
  if (nul === "binary") throw notText("含有大量空字节（NUL）/ many NUL bytes");
  if (nul) return { encoding: nul };
  const utf8 = scanUtf8(bytes);
  let info: CsvBytesInfo;
  if (utf8.bad === 0) return { encoding: "utf-8" };
  if (utf8.bad < utf8.multi) info = { encoding: "utf-8", invalid: invalidOf(bytes, utf8) };
  else {
    const gb = scanGb18030(bytes);
    const inv = gb.bad < utf8.bad ? invalidOf(bytes, gb) : invalidOf(bytes, utf8);
    info = { encoding: gb.bad < utf8.bad ? "gb18030" : "utf-8", ...(inv ? { invalid: inv } : {}) };
  }
  // Text in any of these encodings has at most a few bad bytes; random or binary bytes have one in ten or more.
  const bad = info.invalid?.count ?? 0;
  if (bad >= 16 && bad * 20 > bytes.length) throw notText(`${bad} 处无法解码 / ${bad} undecodable sequences in ${bytes.length} bytes`);
  return info;
}

/** Which encoding the bytes are in (see the decisions above). */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  return inspectCsvBytes(bytes).encoding;
}

/** Decodes CSV bytes with TextDecoder (browsers know GB18030 and UTF-16; a leading BOM is dropped). */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: CsvEncoding; invalid?: InvalidBytes } {
  const info = inspectCsvBytes(bytes);
  let text = new TextDecoder(info.encoding).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, ...info };
}

/** The bilingual notice for bytes that did not decode (a warning: the text around them is read). */
export function invalidBytesMessage(encoding: CsvEncoding, invalid: InvalidBytes): { message: string; messageEn: string } {
  const name = encoding === "gb18030" ? "GB18030/GBK" : encoding.toUpperCase();
  const hex = `0x${invalid.byte.toString(16).toUpperCase().padStart(2, "0")}`;
  const { message, messageEn } = say("file.invalid-bytes", "undecoded", { encoding: name, count: invalid.count, offset: invalid.offset, byte: hex });
  return { message, messageEn };
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
