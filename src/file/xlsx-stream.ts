/**
 * .xlsx → grids without building a workbook, for `jx check` (src/file/xlsx.ts: zlib) and the browser page
 * (pageBatch.ts: DecompressionStream) alike; no Node built-ins. Every part is read in the plain form of xml-normal.ts
 * (prefixes, CDATA, comments, UTF-16, DOCTYPE), so both fronts read any valid way of writing the same XML alike.
 * Each sheet part is inflated as a stream and its rows are turned into grid rows as they come, so what is held is the
 * grids themselves, the shared strings and one chunk of XML (not ExcelJS's cell objects for the whole workbook, nor
 * the whole inflated package). ExcelJS is not loaded to read.
 *
 * Same limits and same refusals as grid-convert.ts (the zip's central directory is read and checked before
 * anything is inflated; each part is bounded by its declared size; cells, rows and merged areas are counted
 * before they are built), and the same grids: values, number formats and merges as the ExcelJS path gives them
 * (its quirks included, so a workbook reads as it did through ExcelJS: dates read through milliseconds, `General` and
 * style 0 giving no format, text escapes `_xHHHH_` decoded in shared strings only). Hyperlinks are not read: a
 * cell shows its own value.
 */
import { eachAttribute, indexIn, isAttrNameChar, xlsxReadWork } from "./xml-scan";
import { concatBytes, normalizeXml, utf16Of, utf8Part, XmlNormalizer, XmlPartError } from "./xml-normal";
import { a1, type Area, type CellValue, type Grid } from "../domain/grid";
import {
  assertWorkbookPackage,
  assertXlsxBytes,
  attributes,
  bytesText,
  clampMerges,
  clearSlaves,
  count,
  cutText,
  DEFAULT_XLSX_LIMITS,
  EPOCH_1900,
  EPOCH_1904,
  EXCEL_MAX_ROWS,
  inflateEntry,
  MS_PER_DAY,
  parseMergeRefs,
  readZipDirectory,
  refuse,
  attributeValueAt,
  rowNumberAt,
  SHARED_STRINGS,
  sheetParts,
  shown,
  startTags,
  assertCrc,
  crc32Update,
  placeCell,
  tooManyCells,
  tooManyRows,
  webChunkInflater,
  WORKBOOK,
  WORKBOOK_RELS,
  WorkbookReadError,
  xmlText,
  type Budget,
  type ChunkInflater,
  type RawInflater,
  type XlsxContent,
  type XlsxLimits,
  type XlsxProgress,
  type ZipEntry,
} from "./grid-convert";

/** Excel's built-in number formats by id, as ExcelJS lists them (so both readers name a format alike). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BUILT_IN_FORMATS = require("exceljs/lib/xlsx/defaultnumformats") as Record<string, { f?: string } | undefined>;

const STYLES = "xl/styles.xml";
/** Inflated XML handed to the parser at a time. */
const CHUNK_BYTES = 1024 * 1024;

export interface StreamXlsxOptions {
  readonly limits?: Partial<XlsxLimits>;
  /** Inflates a small part whole (workbook, relationships, shared strings, styles). */
  readonly inflateRaw: RawInflater;
  /** Inflates a sheet part as a stream of chunks (default: the web platform's DecompressionStream). */
  readonly inflateChunks?: ChunkInflater;
  readonly onProgress?: XlsxProgress;
  /**
   * Awaited after each chunk of a sheet is read: the page's check on its own thread (no worker) yields to the browser
   * there, so the page stays responsive (pageBatch.ts, workerCore.ts).
   */
  readonly pause?: () => Promise<void>;
  /** Inflated bytes parsed at a time (default 1 MB; tests make it small to cut rows and characters anywhere). */
  readonly chunkBytes?: number;
}

function couldNotRead(detail: string): WorkbookReadError {
  return new WorkbookReadError("无法读取 .xlsx 工作簿（文件可能已损坏）", "could not read the .xlsx workbook (the file may be corrupt)", detail, "corrupt");
}

// ---------------------------------------------------------------------------------------------------------------
// Small XML helpers on strings (each applied to one element at a time)

/** Text content: line ends normalised as an XML parser does, then entities decoded (so `&#13;` stays a CR). */
function textOf(raw: string): string {
  const s = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return s.includes("&") ? xmlText(s) : s;
}

/** `_xHHHH_` escapes (how Excel writes control characters) decoded, as ExcelJS does for shared strings. */
function unescapeX(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** ExcelJS decodes the five entities once more in `str` results; kept so both readers agree. */
function decodeAgain(s: string): string {
  return s.includes("&")
    ? s.replace(/&([a-z]*);/g, (m) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[m] ?? m)
    : s;
}

function isNameEnd(code: number): boolean {
  return code === 0x20 || code === 0x3e || code === 0x2f || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Index of the next `<tag` start (the name ending there) in s[from, to), or -1. */
function findTag(s: string, tag: string, from: number, to: number): number {
  const open = `<${tag}`;
  for (let i = indexIn(s, open, from, to); i >= 0; i = indexIn(s, open, i + open.length, to)) {
    if (i + open.length < to ? isNameEnd(s.charCodeAt(i + open.length)) : false) return i;
  }
  return -1;
}

/**
 * Text of every `<t>` element in s[from, to) joined (the content of a shared string, a rich-text run or an
 * inline string).
 */
function tTexts(s: string, from: number, to: number): string | undefined {
  let out: string | undefined;
  for (let i = findTag(s, "t", from, to); i >= 0; i = findTag(s, "t", i + 2, to)) {
    const gt = indexIn(s, ">", i, to);
    if (gt < 0) break;
    if (s.charCodeAt(gt - 1) === 0x2f) {
      out ??= "";
      continue;
    }
    const end = indexIn(s, "</t>", gt, to);
    if (end < 0) break;
    out = (out ?? "") + textOf(s.slice(gt + 1, end));
    i = end;
  }
  return out;
}

/** Spans [start, end) of each `<tag>…</tag>` (or `<tag/>`) in s[from, to). */
function spans(s: string, tag: string, from: number, to: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const close = `</${tag}>`;
  for (let i = findTag(s, tag, from, to); i >= 0; ) {
    const gt = indexIn(s, ">", i, to);
    if (gt < 0) break;
    if (s.charCodeAt(gt - 1) === 0x2f) {
      out.push([i, gt + 1, gt + 1, gt + 1]);
      i = findTag(s, tag, gt + 1, to);
      continue;
    }
    const end = indexIn(s, close, gt, to);
    if (end < 0) break;
    out.push([i, end + close.length, gt + 1, end]);
    i = findTag(s, tag, end + close.length, to);
  }
  return out;
}

/** A shared string or inline rich text: the runs' texts joined (phonetic runs left out), or the plain text. */
function stringItem(s: string, from: number, to: number, escapes: boolean): CellValue {
  // Phonetic guides (<rPh>) hold their own <t>: not part of the text.
  let body = s.slice(from, to);
  if (body.includes("<rPh")) body = withoutPhonetics(body);
  const runs = spans(body, "r", 0, body.length);
  let text: string;
  if (runs.length > 0) text = runs.map(([, , a, b]) => (escapes ? unescapeX(tTexts(body, a, b) ?? "") : (tTexts(body, a, b) ?? ""))).join("");
  else {
    const t = tTexts(body, 0, body.length);
    text = t === undefined ? "" : escapes ? unescapeX(t) : t;
  }
  return text === "" ? null : text;
}

/** The text without its `<rPh …>…</rPh>` elements, in one pass (a lazy regular expression rescans to the end for each). */
function withoutPhonetics(body: string): string {
  let out = "";
  let from = 0;
  for (let i = indexIn(body, "<rPh", 0, body.length); i >= 0; i = indexIn(body, "<rPh", from, body.length)) {
    const next = i + 4 < body.length ? body.charCodeAt(i + 4) : 0x20;
    if (isAttrNameChar(next) && next !== 0x2e && next !== 0x3a && next !== 0x2d) {
      // "<rPhx": another name; keep it and go on.
      out += body.slice(from, i + 4);
      from = i + 4;
      continue;
    }
    const end = indexIn(body, "</rPh>", i, body.length);
    if (end < 0) break;
    out += body.slice(from, i);
    from = end + 6;
  }
  return out + body.slice(from);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared strings and number formats

/**
 * The shared strings, each counted against the cell budget before it is kept (39 million empty `<si/>` fit in a few MB
 * of zip and would take gigabytes as an array): more than `room` of them is refused.
 */
function parseSharedStrings(xml: string, room: number, limits: XlsxLimits): CellValue[] {
  const out: CellValue[] = [];
  const to = xml.length;
  for (let i = findTag(xml, "si", 0, to); i >= 0; ) {
    const gt = indexIn(xml, ">", i, to);
    if (gt < 0) break;
    if (out.length >= room) throw tooManyParts(SHARED_STRINGS, "共享字符串", "shared strings", out.length + 1, limits);
    if (xml.charCodeAt(gt - 1) === 0x2f) {
      out.push(null);
      i = findTag(xml, "si", gt + 1, to);
      continue;
    }
    const end = indexIn(xml, "</si>", gt, to);
    if (end < 0) break;
    out.push(stringItem(xml, gt + 1, end, true));
    i = findTag(xml, "si", end + 5, to);
  }
  return out;
}

/** Refusal of a part holding more entries than the cell budget leaves room for. */
function tooManyParts(part: string, zh: string, en: string, n: number, limits: XlsxLimits): WorkbookReadError {
  return refuse(
    `部件 ${part} 的${zh}超过单元格上限 ${count(limits.maxCells)} 个（至少 ${count(n)} 个）`,
    `part ${part} holds more ${en} than the cell limit of ${count(limits.maxCells)} (at least ${count(n)})`,
    "too-large",
  );
}

/** ExcelJS's test for a date format: y m d h s or b outside quotes and brackets. */
function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface CellStyle {
  /** The format the grid keeps (null for none or General). */
  readonly format: string | null;
  readonly date: boolean;
}

const NO_STYLE: CellStyle = { format: null, date: false };

/** Each cell style (cellXfs, by index) with its number format; more than `room` of them is refused. */
function parseStyles(xml: string, room: number, limits: XlsxLimits): CellStyle[] {
  const custom = new Map<number, string>();
  const fmts = spans(xml, "numFmts", 0, xml.length)[0];
  if (fmts) {
    for (const m of startTags(xml.slice(fmts[2], fmts[3]), "numFmt")) {
      const a = attributes(m[0]);
      const id = parseInt(a.get("numFmtId") ?? "", 10);
      const code = a.get("formatCode");
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    }
  }
  const out: CellStyle[] = [];
  const xfs = spans(xml, "cellXfs", 0, xml.length)[0];
  if (!xfs) return out;
  for (const m of startTags(xml.slice(xfs[2], xfs[3]), "xf")) {
    if (out.length >= room) throw tooManyParts(STYLES, "单元格样式", "cell styles", out.length + 1, limits);
    const id = parseInt(attributes(m[0]).get("numFmtId") ?? "", 10);
    const fmt = id ? (custom.get(id) ?? BUILT_IN_FORMATS[String(id)]?.f) : undefined;
    out.push(fmt ? { format: fmt === "General" ? null : fmt, date: isDateFormat(fmt) } : NO_STYLE);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// A sheet, row by row

/** "BC12" → 54 (0-based column), or -1. */
function columnOf(ref: string): number {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else if (k >= 97 && k <= 122) c = c * 26 + (k - 96);
    else break;
  }
  return i === 0 ? -1 : c - 1;
}

interface SheetContext {
  readonly name: string;
  readonly limits: XlsxLimits;
  readonly budget: Budget;
  readonly strings: readonly CellValue[] | undefined;
  readonly styles: readonly CellStyle[];
  readonly date1904: boolean;
  /** Merged areas counted in the workbook so far (shared by its sheets). */
  readonly tally: { merges: number };
}

class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  anyFormat = false;
  lastRow = -1;
  lastCol = -1;
  private rowNumber = 0;
  private rowElements = 0;
  /** Dense cells of the rows as ExcelJS would hold them (each row as wide as its last cell element). */
  private dense: number;
  private readonly epoch: number;
  private readonly dateShift: number;

  constructor(private readonly ctx: SheetContext) {
    this.dense = ctx.budget.cells;
    this.epoch = ctx.date1904 ? EPOCH_1904 : EPOCH_1900;
    this.dateShift = ctx.date1904 ? 1462 : 0;
  }

  /** Every `<row>` in s[from, to). */
  rows(s: string, from: number, to: number): void {
    for (let i = findTag(s, "row", from, to); i >= 0; ) {
      const gt = indexIn(s, ">", i, to);
      if (gt < 0) throw couldNotRead("unterminated <row>");
      const self = s.charCodeAt(gt - 1) === 0x2f;
      let r: number | undefined;
      eachAttribute(s, i + 4, self ? gt - 1 : gt, (name, value) => {
        if (name === "r" && r === undefined) {
          const m = /^\d{1,10}/.exec(value.includes("&") ? xmlText(value) : value);
          if (m) r = parseInt(m[0], 10);
        }
      });
      this.rowNumber = r ?? this.rowNumber + 1;
      this.rowElements++;
      if (this.rowNumber > EXCEL_MAX_ROWS) throw tooManyRows(this.ctx.name, this.rowNumber);
      if (this.rowElements > EXCEL_MAX_ROWS) throw tooManyRows(this.ctx.name, this.rowElements);
      if (self) {
        i = findTag(s, "row", gt + 1, to);
        continue;
      }
      const end = indexIn(s, "</row>", gt, to);
      if (end < 0) throw couldNotRead("unterminated <row>");
      this.cells(s, gt + 1, end, this.rowNumber - 1);
      i = findTag(s, "row", end + 6, to);
    }
  }

  private cells(s: string, from: number, to: number, r: number): void {
    const { ctx } = this;
    const cols: number[] = [];
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    let next = 0;
    let widest = -1;
    let ordered = true;
    for (let j = findTag(s, "c", from, to); j >= 0; ) {
      const gt = indexIn(s, ">", j, to);
      if (gt < 0) throw couldNotRead("unterminated <c>");
      const self = s.charCodeAt(gt - 1) === 0x2f;
      let ref: string | undefined;
      let styleId = 0;
      let type: string | undefined;
      eachAttribute(s, j + 2, self ? gt - 1 : gt, (name, raw) => {
        const v = raw.includes("&") ? xmlText(raw) : raw;
        if (name === "r") ref = v;
        else if (name === "s") styleId = parseInt(v, 10) || 0;
        else if (name === "t") type = v;
      });
      const parsed = ref === undefined ? -1 : columnOf(ref);
      const c = parsed >= 0 ? parsed : next;
      next = c + 1;
      if (c > widest) widest = c;
      if (type === "s" && !ctx.strings) {
        throw refuse(
          `工作表“${shown(ctx.name)}”引用了共享字符串，但工作簿缺少部件 ${SHARED_STRINGS}（文件不完整或已损坏）`,
          `sheet “${shown(ctx.name)}” uses shared strings but the workbook lacks ${SHARED_STRINGS} (the file is incomplete or corrupt)`,
        );
      }
      if (self) {
        j = findTag(s, "c", gt + 1, to);
        continue;
      }
      const end = indexIn(s, "</c>", gt, to);
      if (end < 0) throw couldNotRead("unterminated <c>");
      j = findTag(s, "c", end + 4, to);
      // The cell's content on its own: searches inside it must not run on through the rest of the chunk.
      const value = this.cellValue(s.slice(gt + 1, end), type, styleId, r, c);
      if (value === undefined) continue; // no value: nothing ExcelJS would visit
      const style = styleId > 0 ? (ctx.styles[styleId] ?? NO_STYLE) : NO_STYLE;
      if (cols.length > 0 && c <= cols[cols.length - 1]) ordered = false;
      cols.push(c);
      vals.push(value);
      fmts.push(style.format);
    }
    // As ExcelJS holds the row: as wide as its last cell element, counted before the row is built.
    this.dense += widest + 1;
    if (this.dense > ctx.limits.maxCells) throw tooManyCells(ctx.name, r, Math.max(0, widest), ctx.limits);
    if (!ordered) this.reorder(cols, vals, fmts);
    this.place(r, cols, vals, fmts);
  }

  /** Cells written out of column order: sorted, the last of a column winning (as ExcelJS keeps them). */
  private reorder(cols: number[], vals: CellValue[], fmts: (string | null)[]): void {
    const last = new Map<number, number>();
    cols.forEach((c, k) => last.set(c, k));
    const order = [...last.entries()].sort((x, y) => x[0] - y[0]).map(([, k]) => k);
    const c2 = order.map((k) => cols[k]);
    const v2 = order.map((k) => vals[k]);
    const f2 = order.map((k) => fmts[k]);
    cols.length = vals.length = fmts.length = 0;
    cols.push(...c2);
    vals.push(...v2);
    fmts.push(...f2);
  }

  /** One cell's value, or undefined when it has none (only a style, or nothing). */
  private cellValue(s: string, type: string | undefined, styleId: number, r: number, c: number): CellValue | undefined {
    const { ctx } = this;
    const from = 0;
    const to = s.length;
    let formula = false;
    let text: string | undefined;
    let rich: CellValue | undefined;
    const f = findTag(s, "f", from, to);
    if (f >= 0) {
      const gt = indexIn(s, ">", f, to);
      const self = gt >= 0 && s.charCodeAt(gt - 1) === 0x2f;
      if (gt >= 0) {
        eachAttribute(s, f + 2, self ? gt - 1 : gt, (name) => {
          if (name === "t") formula = true;
        });
      }
      if (gt >= 0 && !self) {
        const end = indexIn(s, "</f>", gt, to);
        if (end > gt + 1) formula = true;
      }
    }
    const v = findTag(s, "v", from, to);
    if (v >= 0) {
      const gt = indexIn(s, ">", v, to);
      if (gt >= 0 && s.charCodeAt(gt - 1) !== 0x2f) {
        const end = indexIn(s, "</v>", gt, to);
        if (end > gt + 1) text = textOf(s.slice(gt + 1, end));
      }
    }
    const is = findTag(s, "is", from, to);
    if (is >= 0) {
      const gt = indexIn(s, ">", is, to);
      const end = gt >= 0 ? indexIn(s, "</is>", gt, to) : -1;
      if (gt >= 0 && s.charCodeAt(gt - 1) !== 0x2f && end > gt) {
        if (findTag(s, "r", gt + 1, end) >= 0) rich = stringItem(s, gt + 1, end, true);
        else {
          const t = tTexts(s, gt + 1, end);
          if (t !== undefined && t !== "") text = (text ?? "") + t;
        }
      }
    }
    const style = styleId > 0 ? ctx.styles[styleId] : undefined;
    let out: CellValue;
    if (formula) {
      if (!text) out = null;
      else if (type === "str") out = decodeAgain(text);
      else if (type === "b") out = parseInt(text, 10) !== 0;
      else if (type === "e") out = { error: text };
      else out = this.number(parseFloat(text), style?.date === true);
    } else if (rich !== undefined) {
      out = rich;
    } else if (text !== undefined) {
      switch (type) {
        case "s": {
          const k = parseInt(text, 10);
          const strings = ctx.strings as readonly CellValue[];
          if (!(k >= 0 && k < strings.length)) throw couldNotRead(`shared string ${text} of ${a1(r, c)} is not in ${SHARED_STRINGS}`);
          out = strings[k];
          break;
        }
        case "str":
          out = decodeAgain(text);
          break;
        case "inlineStr":
          out = text;
          break;
        case "b":
          out = parseInt(text, 10) !== 0;
          break;
        case "e":
          out = { error: text };
          break;
        default:
          out = this.number(parseFloat(text), style?.date === true);
      }
    } else {
      return undefined;
    }
    if (typeof out === "string") {
      if (out === "") return null;
      if (out.length > ctx.limits.maxCellChars) {
        ctx.budget.cutCount++;
        ctx.budget.cut ??= { sheet: ctx.name, cell: a1(r, c), length: out.length };
        out = cutText(out, ctx.limits.maxCellChars);
      }
    }
    return out;
  }

  /** A number as the grid keeps it; a date-formatted one goes through milliseconds as ExcelJS reads it. */
  private number(n: number, date: boolean): CellValue {
    if (!Number.isFinite(n)) return null;
    if (!date) return n;
    const ms = Math.round((n - EPOCH_1900 + this.dateShift) * MS_PER_DAY);
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
    return Math.round((ms / MS_PER_DAY + this.epoch) * 1e10) / 1e10;
  }

  /** The row's cells (in column order) into the dense grid, counted as grid-convert counts them. */
  private place(r: number, cols: readonly number[], cellVals: readonly CellValue[], cellFmts: readonly (string | null)[]): void {
    const { budget } = this.ctx;
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    let rowLast = -1;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      const v = cellVals[k];
      const fmt = cellFmts[k];
      if (v === null && fmt === null) continue;
      placeCell(vals, fmts, c, v, fmt, budget, this.ctx.name, r);
      if (fmt !== null) this.anyFormat = true;
      if (v !== null) rowLast = c;
    }
    if (rowLast < 0) return;
    vals.length = rowLast + 1;
    fmts.length = rowLast + 1;
    // Rows skipped are filled as they are passed, so the arrays stay dense (a sparse one turns into a slow dictionary).
    while (this.values.length < r) {
      this.values.push([]);
      this.formats.push([]);
    }
    this.values[r] = vals;
    this.formats[r] = fmts;
    if (r > this.lastRow) this.lastRow = r;
    if (rowLast > this.lastCol) this.lastCol = rowLast;
  }

  /** The finished grid: holes filled, merges applied (slaves cleared), trailing empties trimmed. */
  grid(merges: readonly Area[]): Grid {
    const { values, formats } = this;
    const lastRow = this.values.length - 1;
    for (let r = 0; r <= lastRow; r++) {
      if (!values[r]) {
        values[r] = [];
        formats[r] = [];
      }
    }
    let lastCol = this.lastCol;
    let kept = clampMerges(merges, lastRow, lastCol);
    if (kept.length > 0) {
      clearSlaves(this.ctx.name, values, formats, kept, this.ctx.budget);
      while (values.length > 0 && values[values.length - 1].length === 0) {
        values.pop();
        formats.pop();
      }
      lastCol = -1;
      for (const row of values) if (row.length - 1 > lastCol) lastCol = row.length - 1;
      kept = clampMerges(kept, values.length - 1, lastCol);
    }
    const grid: { -readonly [K in keyof Grid]: Grid[K] } = { sheet: this.ctx.name, top: 0, left: 0, values };
    if (this.anyFormat) grid.numberFormats = formats;
    if (kept.length > 0) grid.merges = kept;
    return grid;
  }
}

/** The inflated chunks of one part, never more than its declared size (refused as grid-convert refuses). */
async function* partChunks(bytes: Uint8Array, e: ZipEntry, chunkBytes: number, inflateChunks: ChunkInflater): AsyncGenerator<Uint8Array> {
  const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) {
    // The whole part is in hand: its CRC is checked before any of it is parsed.
    assertCrc(e, crc32Update(0, data));
    for (let i = 0; i < data.length; i += chunkBytes) yield data.subarray(i, i + chunkBytes);
    return;
  }
  let crc = 0;
  let got = 0;
  try {
    // Leaving the loop early (a refusal) ends the inflater too.
    for await (const chunk of inflateChunks(data, chunkBytes)) {
      got += chunk.length;
      if (got > Math.max(1, e.size)) {
        throw refuse(
          `部件 ${shown(e.name)} 解压后超过它声明的 ${bytesText(e.size)}（压缩炸弹或文件已损坏），已停止读取`,
          `part ${shown(e.name)} inflates beyond its declared ${bytesText(e.size)} (a zip bomb or a corrupt file): reading stopped`,
          "too-large",
        );
      }
      crc = crc32Update(crc, chunk);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw refuse(`部件 ${shown(e.name)} 已损坏，无法解压`, `part ${shown(e.name)} is corrupt and does not inflate`, "corrupt", err instanceof Error ? err.message : String(err));
  }
  if (got !== e.size) {
    throw refuse(`部件 ${shown(e.name)} 已损坏（解压后大小与声明不符）`, `part ${shown(e.name)} is corrupt (its inflated size differs from the declared one)`, "corrupt");
  }
  // Checked once the part is whole (a stream cannot know sooner): the sheet's grid is not returned before this.
  assertCrc(e, crc);
}

/** A refusal of the part the normaliser could not read (a DOCTYPE). */
function notReadable(err: unknown): unknown {
  return err instanceof XmlPartError ? couldNotRead(err.message) : err;
}

/**
 * The chunks of one part in the plain form of xml-normal.ts (the one XML reading of both fronts): a UTF-16 part is
 * taken whole (bounded by its declared size) and read as UTF-8.
 */
async function* xmlChunks(bytes: Uint8Array, e: ZipEntry, chunkBytes: number, inflateChunks: ChunkInflater, pause?: () => Promise<void>): AsyncGenerator<Uint8Array> {
  const normalizer = new XmlNormalizer(e.name);
  let utf16: Uint8Array[] | undefined;
  let first = true;
  try {
    for await (const chunk of partChunks(bytes, e, chunkBytes, inflateChunks)) {
      if (first && chunk.length > 0) {
        first = false;
        if (utf16Of(chunk)) utf16 = [];
      }
      if (utf16) utf16.push(chunk);
      else yield normalizer.push(chunk);
      if (pause) await pause();
    }
    if (utf16) {
      const text = utf8Part(concatBytes(utf16));
      for (let i = 0; i < text.length; i += chunkBytes) yield normalizer.push(text.subarray(i, i + chunkBytes));
    }
    yield normalizer.end();
  } catch (err) {
    throw notReadable(err);
  }
}


/** What the first pass over a sheet part counts (grid-convert's scanSheet, over chunks). */
interface ScanState {
  cells: number;
  rows: number;
  row: number;
  shared: boolean;
  /** The widest cell of the row being scanned (0-based column, -1 none), and the dense cells of the rows before. */
  rowWidest: number;
  dense: number;
  readonly maxCells: number;
  /** The first row whose dense cells pass the limit (refused once every sheet's cells are counted, as grid-convert does). */
  tooWide?: WorkbookReadError;
}

/** The column of a cell tag's r attribute (bytes from `i`, the tag's "<"), or -1. */
function cellColumnAt(buf: Uint8Array, i: number, to: number): number {
  let k = attributeValueAt(buf, i + 2, to, 0x72);
  if (k < 0) return -1;
  let c = 0;
  let letters = 0;
  for (; k < to && letters < 4; k++, letters++) {
    const x = buf[k];
    if (x >= 0x41 && x <= 0x5a) c = c * 26 + (x - 0x40);
    else if (x >= 0x61 && x <= 0x7a) c = c * 26 + (x - 0x60);
    else break;
  }
  return letters > 0 ? c - 1 : -1;
}

/** True when the cell tag at `i` says t="s" (a shared string), read from the bytes. */
function sharedTypeAt(buf: Uint8Array, i: number, to: number): boolean {
  const k = attributeValueAt(buf, i + 2, to, 0x74);
  return k >= 0 && buf[k] === 0x73 && buf[k + 1] === buf[k - 1];
}

/** A row scanned: as ExcelJS holds it, as wide as its widest cell; refused when the sheets' dense cells pass the limit. */
function endRow(st: ScanState, sheet: string, limits: XlsxLimits): void {
  if (st.rowWidest < 0) return;
  st.dense += st.rowWidest + 1;
  if (st.dense > st.maxCells) st.tooWide ??= tooManyCells(sheet, st.row - 1, st.rowWidest, limits);
  st.rowWidest = -1;
}

/** Counts cell and row elements in buf[0, to): every tag there is whole (the caller keeps back a partial one). */
function scanBytes(buf: Uint8Array, to: number, st: ScanState, sheet: string, wantShared: boolean, limits: XlsxLimits): void {
  // A plain loop: tags are dense in sheet XML, where a native indexOf per tag costs more than it saves.
  for (let i = 0; i < to; i++) {
    if (buf[i] !== 0x3c) continue;
    const b = buf[i + 1];
    if (b === 0x63) {
      if (isNameEndByte(buf[i + 2])) {
        st.cells++;
        const c = cellColumnAt(buf, i, to);
        st.rowWidest = c >= 0 ? Math.max(st.rowWidest, c) : st.rowWidest + 1;
        if (wantShared && !st.shared && sharedTypeAt(buf, i, to)) st.shared = true;
      }
    } else if (b === 0x72 && buf[i + 2] === 0x6f && buf[i + 3] === 0x77 && isNameEndByte(buf[i + 4])) {
      endRow(st, sheet, limits);
      st.row = rowNumberAt(buf, i) ?? st.row + 1;
      st.rows++;
      if (st.row > EXCEL_MAX_ROWS) throw tooManyRows(sheet, st.row);
      if (st.rows > EXCEL_MAX_ROWS) throw tooManyRows(sheet, st.rows);
    }
  }
}

function isNameEndByte(b: number | undefined): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

/**
 * The first pass: a sheet part inflated and its cell and row elements counted, nothing kept, so a sheet that would
 * be refused is refused before a cell of it is built (as grid-convert refuses before ExcelJS builds any).
 */
async function scanSheetPart(
  bytes: Uint8Array,
  e: ZipEntry,
  sheet: string,
  wantShared: boolean,
  chunkBytes: number,
  limits: XlsxLimits,
  denseBefore: number,
  inflateChunks: ChunkInflater,
  pause?: () => Promise<void>,
): Promise<ScanState> {
  const st: ScanState = { cells: 0, rows: 0, row: 0, shared: false, rowWidest: -1, dense: denseBefore, maxCells: limits.maxCells };
  // Bytes held back: an unfinished tag, in pieces until its ">" arrives (a tag longer than many chunks is joined once).
  const held: Uint8Array[] = [];
  // The part's first characters, until its first element is in hand.
  let head: string | undefined = "";
  const headDecoder = new TextDecoder("utf-8");
  for await (const chunk of xmlChunks(bytes, e, chunkBytes, inflateChunks, pause)) {
    if (head !== undefined) {
      head += headDecoder.decode(chunk.subarray(0, 4096), { stream: true });
      if (head.length >= 4096 || /<[^>]*>/.test(head)) {
        assertSheetXml(head, e.name);
        head = undefined;
      }
    }
    if (held.length > 0 && chunk.indexOf(0x3e) < 0) {
      held.push(chunk);
      continue;
    }
    const buf = held.length > 0 ? concatBytes([...held, chunk]) : chunk;
    held.length = 0;
    const lastLt = buf.lastIndexOf(0x3c);
    // The last tag is whole when a ">" follows it: everything can be counted now.
    const upto = lastLt < 0 || buf.indexOf(0x3e, lastLt) >= 0 ? buf.length : lastLt;
    scanBytes(buf, upto, st, sheet, wantShared, limits);
    if (upto < buf.length) held.push(buf.slice(upto));
  }
  if (head !== undefined) assertSheetXml(head, e.name);
  if (held.length > 0) {
    const carry = concatBytes(held);
    scanBytes(carry, carry.length, st, sheet, wantShared, limits);
  }
  endRow(st, sheet, limits);
  return st;
}

/** A sheet part starts (in the plain form: no declaration, no comments) with its worksheet element; anything else is refused. */
function assertSheetXml(head: string, part: string): void {
  const m = /^\s*<([\w.:-]+)/.exec(head.replace(/^\uFEFF/, ""));
  if (!m || !/(^|:)worksheet$/.test(m[1])) throw couldNotRead(`${shown(part)} is not a worksheet`);
}

/** Reads one sheet part as it inflates: rows are parsed up to the last complete one in hand, the rest waits. */
async function readSheet(bytes: Uint8Array, e: ZipEntry, ctx: SheetContext, chunkBytes: number, inflateChunks: ChunkInflater, pause?: () => Promise<void>): Promise<Grid> {
  const builder = new SheetBuilder(ctx);
  const decoder = new TextDecoder("utf-8");
  // Text not parsed yet (an unfinished row), in pieces, and its last characters: each new chunk is searched only
  // where it is new (from just before it, for a closer straddling the join), so a row longer than many chunks is
  // joined once, not searched again with every chunk.
  const pending: string[] = [];
  let pendingLength = 0;
  let recent = "";
  let tail = "";
  let inData = true;
  for await (const chunk of xmlChunks(bytes, e, chunkBytes, inflateChunks, pause)) {
    const fresh = decoder.decode(chunk, { stream: true });
    if (!inData) {
      tail += fresh;
      continue;
    }
    const look = recent + fresh;
    const close = indexIn(look, "</sheetData>", 0, look.length);
    const cut = close >= 0 ? -1 : look.lastIndexOf("</row>");
    xlsxReadWork.chars += look.length;
    // Where `look` starts in the text not parsed yet.
    const origin = pendingLength - recent.length;
    if (close < 0 && cut < 0) {
      pending.push(fresh);
      pendingLength += fresh.length;
      recent = look.slice(-11);
      continue;
    }
    pending.push(fresh);
    const text = pending.join("");
    pending.length = 0;
    if (close >= 0) {
      builder.rows(text, 0, origin + close);
      tail = text.slice(origin + close);
      inData = false;
      pendingLength = 0;
      recent = "";
      continue;
    }
    builder.rows(text, 0, origin + cut + 6);
    const rest = text.slice(origin + cut + 6);
    pending.push(rest);
    pendingLength = rest.length;
    recent = rest.slice(-11);
  }
  const carry = pending.join("");
  const rest = carry + decoder.decode();
  if (inData) {
    builder.rows(rest, 0, rest.length);
    tail = rest;
  } else tail += rest;
  const merges: Area[] = [];
  const encoder = new TextEncoder();
  for (const [, , a, b] of spans(tail, "mergeCells", 0, tail.length)) {
    const before = merges.length;
    parseMergeRefs(encoder.encode(tail.slice(a, b)), merges, ctx.limits, ctx.tally.merges);
    ctx.tally.merges += merges.length - before;
  }
  return builder.grid(merges);
}

/** ExcelJS refuses a sheet name Excel would refuse; so do we (the two readers take the same files). */
function sheetName(name: string): string {
  if (name === "" || name === "History" || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name)) throw couldNotRead(`invalid sheet name ${shown(name)}`);
  return name.length > 31 ? name.slice(0, 31) : name;
}

/** Reads every (not very-hidden) worksheet of .xlsx bytes into grids, sheet by sheet, rows as they inflate. */
export async function streamXlsxContent(bytes: Uint8Array, options: StreamXlsxOptions): Promise<XlsxContent> {
  assertXlsxBytes(bytes);
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  const entries = readZipDirectory(bytes, limits);
  const byName = new Map(entries.map((x) => [x.name, x]));
  const names = new Set(byName.keys());
  assertWorkbookPackage(names);
  const relsEntry = byName.get(WORKBOOK_RELS);
  if (!relsEntry) throw refuse(`工作簿缺少部件 ${WORKBOOK_RELS}（文件不完整或已损坏）`, `the workbook lacks its part ${WORKBOOK_RELS} (the file is incomplete or corrupt)`);
  const inflateChunks = options.inflateChunks ?? webChunkInflater();
  if (!inflateChunks) throw new Error("no inflater for the sheet parts");
  const utf8 = new TextDecoder("utf-8");
  // Every part is read in the plain form of xml-normal.ts (a DOCTYPE refused there).
  const partText = async (e: ZipEntry): Promise<string> => {
    try {
      return utf8.decode(normalizeXml(utf8Part(await inflateEntry(bytes, e, options.inflateRaw)), e.name));
    } catch (err) {
      throw notReadable(err);
    }
  };
  const wbXml = await partText(byName.get(WORKBOOK) as ZipEntry);
  const relsXml = await partText(relsEntry);
  const sheets = sheetParts(wbXml, relsXml, names);
  const pr = startTags(wbXml, "workbookPr")[0];
  const date1904 = pr !== undefined && attributes(pr[0]).get("date1904") === "1";
  const sstEntry = byName.get(SHARED_STRINGS);
  // Shared strings and styles are bounded by the cell budget too (each kept as long as the cells), each on its own:
  // a real workbook has about as many strings as text cells, so a sum would halve the limit for ordinary files.
  const strings = sstEntry ? parseSharedStrings(await partText(sstEntry), limits.maxCells, limits) : undefined;
  const stylesEntry = byName.get(STYLES);
  const styles = stylesEntry ? parseStyles(await partText(stylesEntry), limits.maxCells, limits) : [];
  const seen = new Set<string>();
  const named = sheets.map((s) => {
    const name = sheetName(s.name);
    if (seen.has(name.toLowerCase())) throw couldNotRead(`sheet name ${shown(name)} twice`);
    seen.add(name.toLowerCase());
    return { ...s, name };
  });

  const budget: Budget = { cells: 0, limits, cutCount: 0 };
  const grids: Grid[] = [];
  const read = named.filter((s) => s.state !== "veryHidden");
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  // First pass, every sheet (as grid-convert scans them all before ExcelJS builds any): cells and rows counted.
  let cells = 0;
  let dense = 0;
  let tooWide: WorkbookReadError | undefined;
  // Progress: the first pass is the unzipping (bytes of the sheet parts), the second the converting (sheets).
  const totalBytes = named.reduce((n, s) => n + (byName.get(s.part) as ZipEntry).size, 0);
  let doneBytes = 0;
  options.onProgress?.("unzip", 0, totalBytes);
  for (const s of named) {
    const st = await scanSheetPart(bytes, byName.get(s.part) as ZipEntry, s.name, !strings, chunkBytes, limits, s.state === "veryHidden" ? 0 : dense, inflateChunks, options.pause);
    doneBytes += (byName.get(s.part) as ZipEntry).size;
    options.onProgress?.("unzip", doneBytes, totalBytes);
    if (s.state !== "veryHidden") dense = st.dense;
    tooWide ??= s.state !== "veryHidden" ? st.tooWide : undefined;
    cells += st.cells;
    if (cells > limits.maxCells) {
      throw refuse(
        `工作簿的单元格超过上限 ${count(limits.maxCells)} 个（数到工作表“${shown(s.name)}”时已有 ${count(cells)} 个）`,
        `the workbook has more than ${count(limits.maxCells)} cells (${count(cells)} counted by sheet “${shown(s.name)}”)`,
        "too-large",
      );
    }
    if (st.shared) {
      throw refuse(
        `工作表“${shown(s.name)}”引用了共享字符串，但工作簿缺少部件 ${SHARED_STRINGS}（文件不完整或已损坏）`,
        `sheet “${shown(s.name)}” uses shared strings but the workbook lacks ${SHARED_STRINGS} (the file is incomplete or corrupt)`,
      );
    }
  }
  if (tooWide) throw tooWide;
  options.onProgress?.("parse", 0, 0);
  // Second pass: the sheets read, rows as they inflate.
  const tally = { merges: 0 };
  for (let k = 0; k < read.length; k++) {
    options.onProgress?.("convert", k, read.length);
    const s = read[k];
    grids.push(await readSheet(bytes, byName.get(s.part) as ZipEntry, { name: s.name, limits, budget, strings, styles, date1904, tally }, chunkBytes, inflateChunks, options.pause));
  }
  options.onProgress?.("convert", read.length, read.length);
  return { grids, ...(budget.cut ? { cut: { first: budget.cut, count: budget.cutCount } } : {}) };
}
