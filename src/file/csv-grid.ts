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
 *      multi-byte ones → UTF-8; else a two-byte Chinese encoding when it decodes with fewer errors: GB18030 (a
 *      superset of GBK/GB2312) or Big5, told apart by the table words each decoding gives and else by the
 *      second bytes (legacyChinese); when neither can tell, the file is refused with a message, never guessed.
 *   The bytes that do not decode become U+FFFD and are reported (how many, the first one's byte offset), so the
 *   file gets a warning instead of silently changed text; text with too many of them is refused.
 * - Delimiter: comma; tab when the first line has tabs and no commas (Excel's "Unicode text" export).
 * - Plain decimal numbers ("880", "-3.5", "0.25") become numbers, as Excel would read them when it opens the CSV,
 *   so a CSV and an .xlsx of the same table give the same grid. Kept as text: anything with a sign, unit or
 *   percent ("97.80%", "≥95%", "1,234"), and codes that a number would damage: a leading zero ("007"),
 *   or more than 15 significant digits (20-digit 项目编码).
 */
import { sayText } from "../domain/catalog";
import { parseCsv } from "../domain/csv";
import { a1, type CellValue, type Grid } from "../domain/grid";
import { cutText, DEFAULT_XLSX_LIMITS, WorkbookReadError, type CutText, type XlsxContent } from "./grid-convert";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

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

/** Ill-formed Big5 sequences (lead 81–FE, trail 40–7E or A1–FE; 80 and FF alone are errors). */
function scanBig5(b: Uint8Array): Scan {
  const out: Scan = { multi: 0, bad: 0, first: -1 };
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const d = i + 1 < n ? b[i + 1] : -1;
    if (c >= 0x81 && c <= 0xfe && ((d >= 0x40 && d <= 0x7e) || (d >= 0xa1 && d <= 0xfe))) {
      out.multi++;
      i += 2;
    } else {
      out.bad++;
      if (out.first < 0) out.first = i;
      i++;
    }
  }
  return out;
}

/**
 * GBK or Big5? Both are two-byte encodings with the same lead bytes, and nearly every Big5 pair is also a valid
 * GBK pair, so GB18030 decodes Big5 without an error, into garbage. What tells them apart is the second byte:
 * GB2312's characters (all but the rarest Chinese text in GBK) have it in A1–FE, while 39 % of Big5's pairs have
 * it in 40–7E (measured on the ten real tables' text: GBK 0 of 4,507 pairs, Big5 1,322 of 3,370). A second byte in
 * 80–A0 occurs only in GBK, as do a first byte in 81–A0 and GB18030's four-byte sequences. Each pair adds its log-likelihood ratio, Big5
 * against GBK (a 40–7E trail: 39 % against a generous 1 % for GBK's rare extension characters).
 * Returns the sum: positive leans to Big5.
 */
function big5Evidence(b: Uint8Array): number {
  const LOW = Math.log(0.39 / 0.01);
  const HIGH = Math.log(0.61 / 0.99);
  const GB_ONLY = -5;
  let score = 0;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x81 || c === 0xff) {
      i++;
      continue;
    }
    const d = i + 1 < n ? b[i + 1] : -1;
    if (d >= 0x30 && d <= 0x39 && i + 3 < n && b[i + 2] >= 0x81 && b[i + 2] <= 0xfe && b[i + 3] >= 0x30 && b[i + 3] <= 0x39) {
      score += GB_ONLY; // a GB18030 four-byte sequence
      i += 4;
    } else if (c <= 0xa0) {
      score += GB_ONLY; // lead 81–A0: GBK's extension (traditional characters among them), not Big5's
      i += d >= 0x40 ? 2 : 1;
    } else if (d >= 0x40 && d <= 0x7e) {
      score += LOW;
      i += 2;
    } else if (d >= 0x80 && d <= 0xa0) {
      score += GB_ONLY;
      i += 2;
    } else if (d >= 0xa1 && d <= 0xfe) {
      score += HIGH;
      i += 2;
    } else i++;
  }
  return score;
}

/** Evidence at or above this reads the bytes as Big5 (odds of about 400 to 1). */
const BIG5_SURE = 6;
/** Evidence above this (leaning to Big5) but below BIG5_SURE is doubtful: refused rather than guessed. At or below, GBK, the usual encoding here. */
const BIG5_DOUBT = 0;

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
    "文件不是可识别编码的文本（UTF-8、GB18030/GBK、Big5 或 UTF-16），可能是其他格式改了扩展名，未检查",
    "not text in a known encoding (UTF-8, GB18030/GBK, Big5 or UTF-16), perhaps another format renamed: not checked",
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
    if (gb.bad < utf8.bad) info = legacyChinese(bytes, gb);
    else {
      const inv = invalidOf(bytes, utf8);
      info = { encoding: "utf-8", ...(inv ? { invalid: inv } : {}) };
    }
  }
  // Text in any of these encodings has at most a few bad bytes; random or binary bytes have one in ten or more.
  const bad = info.invalid?.count ?? 0;
  if (bad >= 16 && bad * 20 > bytes.length) throw notText(`${bad} 处无法解码 / ${bad} undecodable sequences in ${bytes.length} bytes`);
  return info;
}

/**
 * Words every budget performance table has (表头 and categories), simplified and traditional. In the right decoding
 * a table's text is full of them; in the wrong one the same bytes are unrelated characters and they (almost) never
 * occur. One expression of fixed alternatives: linear in the text.
 */
const TABLE_WORDS = new RegExp(
  [
    "指标", "指標", "项目", "項目", "预算", "預算", "绩效", "績效", "目标", "目標", "产出", "產出", "满意度", "滿意度", "万元", "萬元",
    "单位", "單位", "名称", "名稱", "资金", "資金", "金额", "金額", "实际", "實際", "数量", "數量", "质量", "質量", "时效", "時效",
    "部门", "部門", "自评", "自評", "计量", "計量", "权重", "權重", "效益", "分值", "完成", "得分", "年度", "成本", "偏差", "原因",
  ].join("|"),
  "g",
);

/** How much of the file's start is decoded both ways to count TABLE_WORDS (the header is at the top). */
const WORDS_SAMPLE_BYTES = 256 * 1024;

function tableWords(text: string): number {
  let n = 0;
  TABLE_WORDS.lastIndex = 0;
  while (TABLE_WORDS.exec(text) !== null) n++;
  return n;
}

/** Refusal of two-byte Chinese text whose encoding cannot be told. */
function doubtfulChinese(detail: string): WorkbookReadError {
  return new WorkbookReadError(
    "无法确定文件编码（GB18030/GBK、Big5 或其他编码），未检查；请在 Excel 或 WPS 中另存为 UTF-8 编码的 CSV",
    "cannot tell the encoding (GB18030/GBK, Big5 or another): not checked; save the CSV as UTF-8 in Excel or WPS",
    detail,
    "not-xlsx",
  );
}

/**
 * Two-byte Chinese text: GB18030/GBK (what mainland Excel and WPS write, simplified or traditional characters) or
 * Big5 (Taiwan, Hong Kong, Macau). Nearly every Big5 byte pair is a valid GBK pair too, so GB18030 decodes Big5
 * without an error, into garbage. Decided by
 * 1. table words (TABLE_WORDS) in the file's start decoded both ways: the decoding with some against none (or
 *    against a stray one or two) wins; words both ways is doubtful (a file in two encodings);
 * 2. with no table word either way, the second bytes (big5Evidence);
 * and what stays doubtful is refused with a message, never guessed into garbage.
 */
function legacyChinese(bytes: Uint8Array, gb: Scan): CsvBytesInfo {
  const sample = bytes.subarray(0, WORDS_SAMPLE_BYTES);
  const gbWords = tableWords(new TextDecoder("gb18030").decode(sample));
  const big5Words = tableWords(new TextDecoder("big5").decode(sample));
  let big5: boolean;
  const more = Math.max(gbWords, big5Words);
  const fewer = Math.min(gbWords, big5Words);
  // The wrong decoding gives no table word in the real tables (0 in each of the ten, both ways); a stray one or
  // two are allowed against ten times as many. Words both ways beyond that: two tables in two encodings.
  if (more > 0 && (fewer === 0 || (fewer <= 2 && more >= 10 * fewer))) big5 = big5Words > gbWords;
  else if (more > 0) throw doubtfulChinese(`table words: GB18030 ${gbWords}, Big5 ${big5Words}`);
  else {
    const evidence = big5Evidence(bytes);
    if (evidence > BIG5_DOUBT && evidence < BIG5_SURE) throw doubtfulChinese(`Big5 evidence ${evidence.toFixed(1)}`);
    big5 = evidence >= BIG5_SURE;
  }
  const inv = invalidOf(bytes, big5 ? scanBig5(bytes) : gb);
  return { encoding: big5 ? "big5" : "gb18030", ...(inv ? { invalid: inv } : {}) };
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
  const name = encoding === "gb18030" ? "GB18030/GBK" : encoding === "big5" ? "Big5" : encoding.toUpperCase();
  const hex = `0x${invalid.byte.toString(16).toUpperCase().padStart(2, "0")}`;
  const { message, messageEn } = sayText("file.invalid-bytes", "undecoded", { encoding: name, count: invalid.count, offset: invalid.offset, byte: hex });
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

/**
 * The cells parseCsv would make of `text` (fields, a blank line counting one), counted in one pass without
 * building them, so a limit is checked before the work: a 200 MB file of commas would be 200 million cells.
 * Quotes are read as parseCsv reads them (a quote opens a quoted field only at the field's start).
 */
export function csvCellCount(text: string, delimiter: string): number {
  const d = delimiter.charCodeAt(0);
  let cells = 0;
  let fieldStart = true;
  let quoted = false;
  let pending = false; // something since the last line break (parseCsv ends it as a last row)
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 0x22) {
        if (text.charCodeAt(i + 1) === 0x22) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === d) {
      cells++;
      fieldStart = true;
      pending = true;
    } else if (c === 0x0d || c === 0x0a) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      cells++;
      fieldStart = true;
      pending = false;
    } else {
      if (c === 0x22 && fieldStart) quoted = true;
      fieldStart = false;
      pending = true;
    }
  }
  return pending ? cells + 1 : cells;
}

/** The refusal of a CSV with more cells than `max`. */
export function tooManyCsvCells(cells: number, max: number): WorkbookReadError {
  const n = (x: number): string => x.toLocaleString("en-US");
  return new WorkbookReadError(
    `CSV 有 ${n(cells)} 个单元格，超过上限 ${n(max)} 个，未读取（可用 --max-cells 调整）`,
    `the CSV has ${n(cells)} cells, above the limit of ${n(max)}: not read (--max-cells sets the limit)`,
    undefined,
    "too-large",
  );
}

/** The delimiter: comma; tab when the first line has tabs and no commas (Excel's "Unicode text" export). */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  return firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
}

/**
 * Decoded CSV text → one grid named `sheet`. With `maxCells`, a text of more cells is refused (WorkbookReadError,
 * too-large) before it is parsed.
 */
export function csvTextToGrid(text: string, sheet: string, maxCells?: number): Grid & { cut?: XlsxContent["cut"] } {
  const delimiter = delimiterOf(text);
  if (maxCells !== undefined) {
    const cells = csvCellCount(text, delimiter);
    if (cells > maxCells) throw tooManyCsvCells(cells, maxCells);
  }
  // Cells are cut at Excel's 32,767 characters and reported, as .xlsx cells are (file.long-text).
  const max = DEFAULT_XLSX_LIMITS.maxCellChars;
  let first: CutText | undefined;
  let cutCount = 0;
  const rows = parseCsv(text, delimiter).map((row, r) =>
    row.map((raw, c) => {
      const v = csvValue(raw);
      if (typeof v !== "string" || v.length <= max) return v;
      cutCount++;
      first ??= { sheet, cell: a1(r, c), length: v.length };
      return cutText(v, max);
    }),
  );
  // Trailing rows with nothing in them (a final blank line, ",,,," rows) are dropped; ragged rows are fine.
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
  for (const row of rows) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return { sheet, top: 0, left: 0, values: rows, ...(first ? { cut: { first, count: cutCount } } : {}) };
}
