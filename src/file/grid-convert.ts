/**
 * .xlsx bytes → grids, shared by Node (src/file/xlsx.ts) and the browser page (the pane outside Office).
 * It imports no Node built-ins and only ExcelJS's types: callers hand in the ExcelJS module they loaded, so the
 * browser can keep ExcelJS in a lazy chunk that Excel mode never downloads.
 *
 * Bounded work for any input (issue 15). Before anything is inflated, the zip's central directory is read
 * (zip.ts-free: the format is parsed here) and the workbook is refused, with a bilingual "无法读取 / cannot read"
 * message, when a part would inflate beyond a limit, the compression ratio is absurd, there are too many parts,
 * or the zip is malformed, empty, another kind of document, or lacks a part a workbook needs (the workbook, its
 * relationships, a sheet, the shared strings its cells use). Each part is then inflated by us, bounded by its
 * declared size (a part that lies about its size is stopped there), and handed to ExcelJS stored, not deflated.
 * On the way, what ExcelJS would expand cell by cell is taken out of the XML: merged areas (kept as rectangles
 * and given to the grid directly), data validations and defined names (unused here). Cells are counted in the
 * sheet XML before ExcelJS builds them, and again as grids are built; text longer than Excel's own limit is cut
 * with a marker and reported.
 *
 * Decisions (documented for the other fronts):
 * - One grid per worksheet, in workbook order, starting at A1 (top = left = 0).
 * - Sheets whose state is `veryHidden` are skipped (templates keep lookup data there, people never see them);
 *   `hidden` sheets are kept, because a hidden sheet can still hold a table someone submits.
 * - Values: numbers, strings, booleans as they are; rich text joined; hyperlinks → their text;
 *   formulas (master or shared) → the cached result, or null when the file has none;
 *   dates → Excel serial number (the cell's number format is kept in `numberFormats`, so the engine can tell);
 *   errors → `{ error: "#N/A" }`; empty strings → null.
 * - Merged areas: only the top-left cell holds the value (any value a file stores in another cell of the area
 *   is set to null), and every merge is listed in `merges` as its rectangle, clamped to the sheet's used range
 *   (a merge wholly outside it is dropped: it holds nothing).
 * - Trailing empty rows and columns are trimmed (formats alone do not keep a cell).
 */
import { eachStartTag, rawAttributes } from "./xml-scan";
import type ExcelJS from "exceljs";
import type { Area, CellValue, Grid } from "../domain/grid";
import { a1, parseArea } from "../domain/grid";

/** The part of the ExcelJS module we use (Node's `import ExcelJS from "exceljs"` or the browser build). */
export interface ExcelJSModule {
  readonly Workbook: new () => ExcelJS.Workbook;
}

/** Milliseconds per day and the Unix epoch as an Excel serial (1900 and 1904 date systems). */
export const MS_PER_DAY = 86_400_000;
export const EPOCH_1900 = 25_569;
export const EPOCH_1904 = 24_107;
/** ExcelJS.ValueType.Merge: a const here so this module needs no ExcelJS at run time. */
const VALUE_TYPE_MERGE = 1;

/** Why a workbook could not be read, in both languages. */
export class WorkbookReadError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly detail?: string,
    /** What went wrong, for fronts that word it themselves (too-large: above a limit of this reader). */
    readonly reason: "empty" | "old-xls" | "not-xlsx" | "corrupt" | "unreadable" | "too-large" = "corrupt",
  ) {
    super(`${messageZh} / ${messageEn}${detail ? ` (${detail})` : ""}`);
    this.name = "WorkbookReadError";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Limits

/** What a workbook may make the reader do. Every limit is checked before the work it bounds. */
export interface XlsxLimits {
  /** Largest inflated size of one part of the zip (declared, and then actual). */
  readonly maxEntryBytes: number;
  /** Largest inflated size of all parts together. */
  readonly maxTotalBytes: number;
  /** A part inflating to more than `maxRatio` times its compressed size … */
  readonly maxRatio: number;
  /** … and to more than this many bytes is refused as a zip bomb. */
  readonly ratioMinBytes: number;
  /** Most parts in the zip. */
  readonly maxEntries: number;
  /** Most cells in the workbook: cell elements in the sheet XML, and cells of the grids built. */
  readonly maxCells: number;
  /** Most merged areas in the workbook. */
  readonly maxMerges: number;
  /** Longest text kept in a cell (Excel's own limit); longer text is cut, marked and reported. */
  readonly maxCellChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntryBytes: 200 * MB,
  maxTotalBytes: 1024 * MB,
  maxRatio: 1000,
  ratioMinBytes: 10 * MB,
  maxEntries: 10_000,
  maxCells: 20_000_000,
  maxMerges: 1_000_000,
  maxCellChars: 32_767,
};

/** A size for people: "200 MB", "8.5 KB", "12 bytes". */
export function bytesText(n: number): string {
  const round = (x: number): string => String(x >= 10 ? Math.round(x) : Math.round(x * 10) / 10);
  if (n >= 1024 * MB) return `${round(n / (1024 * MB))} GB`;
  if (n >= MB) return `${round(n / MB)} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** 20000000 → "20,000,000". */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

export function refuse(zh: string, en: string, reason: WorkbookReadError["reason"] = "corrupt", detail?: string): WorkbookReadError {
  return new WorkbookReadError(`无法读取：${zh}`, `cannot read: ${en}`, detail, reason);
}

/** A name from the file, short enough for a message. */
export function shown(name: string): string {
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}

// ---------------------------------------------------------------------------------------------------------------
// The zip's central directory

/** One part of the zip, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** The name's bytes as stored, and whether they are UTF-8 (general-purpose flag bit 11). */
  readonly nameBytes: Uint8Array;
  readonly utf8: boolean;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** Declared inflated size. */
  readonly size: number;
  /** Where the compressed data starts (after the local header). */
  readonly dataOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function notAZip(detail: string): WorkbookReadError {
  return new WorkbookReadError(
    "无法读取 .xlsx 工作簿：zip 结构已损坏或不完整（文件可能已损坏）",
    "cannot read the .xlsx workbook: its zip structure is damaged or incomplete (the file may be corrupt)",
    detail,
    "corrupt",
  );
}

/** A 64-bit little-endian count, refused above 2^53 (no real zip comes near). */
function u64(view: DataView, at: number): number {
  const lo = view.getUint32(at, true);
  const hi = view.getUint32(at + 4, true);
  if (hi >= 0x200000) throw notAZip("64-bit size out of range");
  return hi * 0x1_0000_0000 + lo;
}

/**
 * Reads the zip's central directory and checks every limit on declared sizes, before anything is inflated.
 * Throws WorkbookReadError for a malformed zip, encryption, an unknown compression method, duplicate names, and any
 * part, total or ratio above the limits.
 */
export function readZipDirectory(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  // The end-of-central-directory record: 22 bytes and a comment of up to 65,535, at the very end.
  let eocd = -1;
  for (let i = len - 22; i >= 0 && i >= len - 22 - 0xffff; i--) {
    if (bytes[i] === 0x50 && view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAZip("no end of central directory");
  let entries = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && view.getUint32(loc, true) === SIG_ZIP64_LOCATOR) {
      const z = u64(view, loc + 8);
      if (z + 56 > len || view.getUint32(z, true) !== SIG_ZIP64_EOCD) throw notAZip("bad zip64 end of central directory");
      entries = u64(view, z + 32);
      cdSize = u64(view, z + 40);
      cdOffset = u64(view, z + 48);
    }
  }
  if (entries === 0) throw refuse("压缩包是空的，不是 .xlsx 工作簿", "the zip is empty: not an .xlsx workbook", "not-xlsx");
  if (entries > limits.maxEntries) {
    throw refuse(`压缩包中有 ${count(entries)} 个部件，超过上限 ${count(limits.maxEntries)} 个（正常的工作簿只有几十个）`, `the zip holds ${count(entries)} parts, above the limit of ${count(limits.maxEntries)} (a real workbook has a few dozen)`, "too-large");
  }
  if (cdOffset + cdSize > len || cdSize < entries * 46) throw notAZip("central directory outside the file");

  const out: ZipEntry[] = [];
  const names = new Set<string>();
  const utf8 = new TextDecoder("utf-8");
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > len || view.getUint32(p, true) !== SIG_CENTRAL) throw notAZip(`bad central directory entry ${k + 1}`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen + commentLen > len) throw notAZip(`central directory entry ${k + 1} runs past the file`);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    // Names are ASCII in every workbook; bit 11 says UTF-8, and anything else is read as Latin-1 (never fails).
    const isUtf8 = (flags & 0x0800) !== 0;
    const name = isUtf8 ? utf8.decode(nameBytes) : latin1(nameBytes);
    // Zip64: sizes and offset saturated at 0xFFFFFFFF are in the extra field 0x0001, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const n = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let f = e + 4;
          const fieldEnd = e + 4 + n;
          if (size === 0xffffffff && f + 8 <= fieldEnd) {
            size = u64(view, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= fieldEnd) {
            compressedSize = u64(view, f);
            f += 8;
          }
          if (localOffset === 0xffffffff && f + 8 <= fieldEnd) localOffset = u64(view, f);
          break;
        }
        e += 4 + n;
      }
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith("/")) continue; // a folder
    const what = shown(name);
    if (flags & 0x0001) throw refuse(`部件 ${what} 已加密（请去掉密码后另存为 .xlsx）`, `part ${what} is encrypted (remove the password and save as .xlsx)`, "corrupt");
    if (method !== 0 && method !== 8) throw refuse(`部件 ${what} 使用了不支持的压缩方式（${method}）`, `part ${what} uses an unsupported compression method (${method})`, "corrupt");
    if (names.has(name)) throw notAZip(`part ${what} appears twice`);
    names.add(name);
    if (size > limits.maxEntryBytes) {
      throw refuse(
        `部件 ${what} 解压后为 ${bytesText(size)}，超过单个部件的上限 ${bytesText(limits.maxEntryBytes)}（可能是压缩炸弹）`,
        `part ${what} would inflate to ${bytesText(size)}, above the limit of ${bytesText(limits.maxEntryBytes)} for one part (possibly a zip bomb)`,
        "too-large",
      );
    }
    if (size > limits.ratioMinBytes && size > limits.maxRatio * compressedSize) {
      const ratio = compressedSize > 0 ? count(Math.round(size / compressedSize)) : "∞";
      throw refuse(
        `部件 ${what} 的压缩比为 ${ratio}:1（${bytesText(compressedSize)} 解压为 ${bytesText(size)}），像是压缩炸弹`,
        `part ${what} has a compression ratio of ${ratio}:1 (${bytesText(compressedSize)} to ${bytesText(size)}), like a zip bomb`,
        "too-large",
      );
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw refuse(
        `工作簿解压后超过 ${bytesText(limits.maxTotalBytes)}（总量上限），未读取`,
        `the workbook would inflate to more than ${bytesText(limits.maxTotalBytes)} in all (the limit): not read`,
        "too-large",
      );
    }
    if (method === 0 && compressedSize !== size) throw notAZip(`stored part ${what} has two sizes`);
    // The local header: its own name and extra lengths say where the data starts.
    if (localOffset + 30 > len || view.getUint32(localOffset, true) !== SIG_LOCAL) throw notAZip(`part ${what} has no local header`);
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > len) throw notAZip(`part ${what} runs past the end of the file`);
    out.push({ name, nameBytes, utf8: isUtf8, method, crc32, compressedSize, size, dataOffset });
  }
  return out;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// What kind of package it is, and the parts a workbook needs

export const WORKBOOK = "xl/workbook.xml";
export const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
export const SHARED_STRINGS = "xl/sharedStrings.xml";
/** The worksheet part names ExcelJS reads (xlsx.js); a sheet stored under another name would silently vanish. */
const EXCELJS_SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Refuses a zip that is not a workbook, naming what it is when we can tell. */
export function assertWorkbookPackage(names: ReadonlySet<string>): void {
  if (names.has(WORKBOOK)) return;
  const any = (prefix: string): boolean => [...names].some((n) => n.startsWith(prefix));
  if (names.has("xl/workbook.bin")) {
    throw refuse("这是 .xlsb 二进制工作簿，请在 Excel 或 WPS 中另存为 .xlsx", "this is a binary .xlsb workbook: save it as .xlsx in Excel or WPS", "not-xlsx");
  }
  if (any("word/")) throw refuse("这是 Word 文档（.docx），不是 .xlsx 工作簿", "this is a Word document (.docx), not an .xlsx workbook", "not-xlsx");
  if (any("ppt/")) throw refuse("这是 PowerPoint 演示文稿（.pptx），不是 .xlsx 工作簿", "this is a PowerPoint presentation (.pptx), not an .xlsx workbook", "not-xlsx");
  if (names.has("content.xml") || names.has("mimetype")) {
    throw refuse("这是 OpenDocument 文件（如 .ods），请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx", "this is an OpenDocument file (such as .ods): save it as .xlsx in WPS, LibreOffice or Excel", "not-xlsx");
  }
  throw refuse("这是 zip 压缩包，但不是 .xlsx 工作簿（缺少 xl/workbook.xml）", "this is a zip file but not an .xlsx workbook (no xl/workbook.xml)", "not-xlsx");
}

/** The five XML entities and numeric references in an attribute value. */
export function xmlText(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The start tags `<name …>` of `xml`, each as `[text]` (what the regular expressions' matches gave), in one pass. */
export function startTags(xml: string, name: string): [string][] {
  const out: [string][] = [];
  eachStartTag(xml, name, 0, xml.length, (t) => out.push([t]));
  return out;
}

/** Attributes of one start tag's text (`name="v"` or `name='v'`), names as written (with any prefix). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  // One pass (xml-scan.ts): a backtracking regular expression took the square of a long attribute name.
  for (const [k, v] of rawAttributes(tag)) out.set(k, xmlText(v));
  return out;
}

export interface SheetPart {
  readonly name: string;
  readonly sheetId: number;
  /** The zip part ExcelJS reads it from. */
  readonly part: string;
  /** visible, hidden or veryHidden, as workbook.xml says. */
  readonly state: string;
}

/**
 * The worksheets workbook.xml lists, each with its part (resolved as ExcelJS resolves it), refusing a workbook
 * without sheets and any sheet whose relationship or part is missing. Chart sheets (no cells) are left out.
 */
export function sheetParts(workbookXml: string, relsXml: string, names: ReadonlySet<string>): SheetPart[] {
  const rels = new Map<string, { type: string; target: string }>();
  for (const m of startTags(relsXml, "Relationship")) {
    const a = attributes(m[0]);
    const id = a.get("Id");
    if (id !== undefined) rels.set(id, { type: a.get("Type") ?? "", target: a.get("Target") ?? "" });
  }
  const out: SheetPart[] = [];
  let listed = 0;
  for (const m of startTags(workbookXml, "sheet")) {
    listed++;
    const a = attributes(m[0]);
    const name = a.get("name") ?? "";
    let rid: string | undefined;
    for (const [k, v] of a) if (/^[\w.-]+:id$/.test(k)) rid = v;
    const rel = rid === undefined ? undefined : rels.get(rid);
    if (!rel) {
      throw refuse(`工作表“${shown(name)}”在 ${WORKBOOK_RELS} 中没有对应的部件（文件不完整或已损坏）`, `sheet “${shown(name)}” has no part in ${WORKBOOK_RELS} (the file is incomplete or corrupt)`);
    }
    if (/\/chartsheet$/.test(rel.type)) continue;
    const part = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, "")}`;
    if (!names.has(part)) {
      throw refuse(`工作表“${shown(name)}”的部件 ${shown(part)} 缺失（文件不完整或已损坏）`, `the part ${shown(part)} of sheet “${shown(name)}” is missing (the file is incomplete or corrupt)`);
    }
    if (!EXCELJS_SHEET_PART.test(part)) {
      throw refuse(`工作表“${shown(name)}”保存在不常见的部件 ${shown(part)} 中，无法读取；请在 Excel 或 WPS 中另存为 .xlsx`, `sheet “${shown(name)}” is stored in an unusual part (${shown(part)}): save it as .xlsx in Excel or WPS`);
    }
    out.push({ name, sheetId: parseInt(a.get("sheetId") ?? "", 10), part, state: a.get("state") ?? "visible" });
  }
  if (listed === 0) throw refuse("工作簿中没有任何工作表（xl/workbook.xml 未列出工作表）", "the workbook has no sheets (xl/workbook.xml lists none)");
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Inflating, bounded

/** Thrown by an inflater when the data inflate to more than the bytes allowed. */
export class InflateOverflowError extends Error {
  constructor() {
    super("inflated data exceed the declared size");
    this.name = "InflateOverflowError";
  }
}

/**
 * Inflates raw deflate data to at most `maxBytes` bytes: throws InflateOverflowError as soon as the output would
 * exceed that (never allocating more), or another error for corrupt data. Node passes zlib's; the default is the
 * web platform's DecompressionStream.
 */
export type RawInflater = (data: Uint8Array, maxBytes: number) => Uint8Array | Promise<Uint8Array>;

interface WebDecompressionStream {
  readonly readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
}
type WebDecompressionStreamCtor = new (format: string) => WebDecompressionStream;

/** The web platform's DecompressionStream when it inflates raw deflate (browsers, Node 20+), else undefined. */
function rawDeflateStream(): WebDecompressionStreamCtor | undefined {
  const Ctor = (globalThis as unknown as { DecompressionStream?: WebDecompressionStreamCtor }).DecompressionStream;
  if (typeof Ctor !== "function") return undefined;
  try {
    new Ctor("deflate-raw");
  } catch {
    return undefined;
  }
  return Ctor;
}

/** The web platform's inflater (browsers, Node 20+), or undefined where there is none. */
export function webInflater(): RawInflater | undefined {
  const Ctor = rawDeflateStream();
  if (!Ctor) return undefined;
  return async (data, maxBytes) => {
    const ds = new Ctor("deflate-raw");
    const writer = ds.writable.getWriter();
    writer.write(data).catch(() => undefined);
    writer.close().catch(() => undefined);
    const reader = ds.readable.getReader();
    const chunks: Uint8Array[] = [];
    let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      got += value.length;
      if (got > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InflateOverflowError();
      }
      chunks.push(value);
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(got);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };
}

/**
 * Inflates raw deflate data as a stream of chunks (of about `chunkBytes` when the inflater lets the caller choose).
 * The caller bounds the output and checks the CRC; leaving the iteration early stops the inflater. Node passes zlib's
 * stream (src/file/xlsx.ts); the default is the web platform's DecompressionStream (webChunkInflater).
 */
export type ChunkInflater = (data: Uint8Array, chunkBytes: number) => AsyncIterable<Uint8Array>;

/** The web platform's streaming inflater (browsers, Node 20+), or undefined where there is none. */
export function webChunkInflater(): ChunkInflater | undefined {
  const Ctor = rawDeflateStream();
  if (!Ctor) return undefined;
  return async function* (data) {
    const ds = new Ctor("deflate-raw");
    const writer = ds.writable.getWriter();
    writer.write(data).catch(() => undefined);
    writer.close().catch(() => undefined);
    const reader = ds.readable.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        if (value && value.length > 0) yield value;
      }
    } finally {
      if (!finished) await reader.cancel().catch(() => undefined);
    }
  };
}

export async function inflateEntry(bytes: Uint8Array, e: ZipEntry, inflate: RawInflater): Promise<Uint8Array> {
  const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) {
    assertCrc(e, crc32Update(0, data));
    return data;
  }
  let out: Uint8Array;
  try {
    out = await inflate(data, Math.max(1, e.size));
  } catch (err) {
    if (err instanceof InflateOverflowError) {
      throw refuse(
        `部件 ${shown(e.name)} 解压后超过它声明的 ${bytesText(e.size)}（压缩炸弹或文件已损坏），已停止读取`,
        `part ${shown(e.name)} inflates beyond its declared ${bytesText(e.size)} (a zip bomb or a corrupt file): reading stopped`,
        "too-large",
      );
    }
    throw refuse(`部件 ${shown(e.name)} 已损坏，无法解压`, `part ${shown(e.name)} is corrupt and does not inflate`, "corrupt", err instanceof Error ? err.message : String(err));
  }
  if (out.length !== e.size) {
    throw refuse(`部件 ${shown(e.name)} 已损坏（解压后大小与声明不符）`, `part ${shown(e.name)} is corrupt (its inflated size differs from the declared one)`, "corrupt");
  }
  assertCrc(e, crc32Update(0, out));
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The zip CRC-32 of `data` continued from `crc` (0 to start): feed chunks in order. */
export function crc32Update(crc: number, data: Uint8Array): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Every part read is checked against the CRC-32 its zip entry records (what `unzip -t` checks): one changed byte
 * (a "≥500" read as "≥100") is refused, not read silently.
 */
export function assertCrc(e: ZipEntry, crc: number): void {
  if (crc === e.crc32 >>> 0) return;
  const hex = (x: number): string => x.toString(16).padStart(8, "0");
  throw refuse(
    `部件 ${shown(e.name)} 已损坏（CRC 校验不符：记录为 ${hex(e.crc32 >>> 0)}，实际为 ${hex(crc)}），文件可能在传输或保存时出错，请重新获取或另存后再检查`,
    `part ${shown(e.name)} is corrupt (CRC mismatch: recorded ${hex(e.crc32 >>> 0)}, actual ${hex(crc)}); the file may have been damaged in transfer or saving: get it again or save it again, then check`,
    "corrupt",
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Byte-level XML edits (the parts can be hundreds of megabytes: no string of the whole part is made)

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** First index of `needle` in `hay` at or after `from`, or -1. */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const n = needle.length;
  const last = hay.length - n;
  for (let i = hay.indexOf(first, from); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && hay[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

function isNameEnd(b: number | undefined): boolean {
  return b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
}

/**
 * The spans of every unprefixed `<tag …>…</tag>` or `<tag …/>` element (as ExcelJS's parser sees them), each with
 * its content's span. Linear: one forward scan for the tag name.
 */
function elementSpans(xml: Uint8Array, tag: string): { start: number; end: number; innerStart: number; innerEnd: number }[] {
  const open = ascii(`<${tag}`);
  const close = ascii(`</${tag}`);
  const out: { start: number; end: number; innerStart: number; innerEnd: number }[] = [];
  let from = 0;
  for (;;) {
    const start = indexOfBytes(xml, open, from);
    if (start < 0) return out;
    if (!isNameEnd(xml[start + open.length])) {
      from = start + open.length;
      continue;
    }
    const gt = xml.indexOf(0x3e, start);
    if (gt < 0) return out; // broken XML: ExcelJS will say so
    if (xml[gt - 1] === 0x2f) {
      out.push({ start, end: gt + 1, innerStart: gt + 1, innerEnd: gt + 1 });
      from = gt + 1;
      continue;
    }
    const c = indexOfBytes(xml, close, gt + 1);
    if (c < 0) return out;
    const cgt = xml.indexOf(0x3e, c);
    if (cgt < 0) return out;
    out.push({ start, end: cgt + 1, innerStart: gt + 1, innerEnd: c });
    from = cgt + 1;
  }
}

/** `xml` without the given (sorted, disjoint) spans. */
function withoutSpans(xml: Uint8Array, spans: readonly { start: number; end: number }[]): Uint8Array {
  if (spans.length === 0) return xml;
  let removed = 0;
  for (const s of spans) removed += s.end - s.start;
  const out = new Uint8Array(xml.length - removed);
  let at = 0;
  let from = 0;
  for (const s of spans) {
    out.set(xml.subarray(from, s.start), at);
    at += s.start - from;
    from = s.end;
  }
  out.set(xml.subarray(from), at);
  return out;
}

/** Rows in an Excel sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Where the quoted value of a one-letter attribute (`name`: its byte, e.g. 0x72 for r) of the tag at hand starts:
 * the index after its opening quote, searched from `from` to the tag's ">" (or `to`); -1 when the tag has none.
 * Reads bytes: whitespace, the letter, optional spaces, "=", optional spaces, a quote.
 */
export function attributeValueAt(xml: Uint8Array, from: number, to: number, name: number): number {
  for (let j = from; j < to - 2; j++) {
    const b = xml[j];
    if (b === 0x3e) return -1;
    if (xml[j + 1] !== name || !(b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) continue;
    let k = j + 2;
    while (xml[k] === 0x20) k++;
    if (xml[k] !== 0x3d) continue;
    k++;
    while (xml[k] === 0x20) k++;
    if (xml[k] === 0x22 || xml[k] === 0x27) return k + 1;
  }
  return -1;
}

/** The row number of a `<row …>` tag starting at `i` (its `r` attribute), or undefined when it has none. */
export function rowNumberAt(xml: Uint8Array, i: number): number | undefined {
  const end = xml.length;
  let k = attributeValueAt(xml, i + 4, end, 0x72);
  if (k < 0) return undefined;
  let n = 0;
  let digits = 0;
  for (; k < end && xml[k] >= 0x30 && xml[k] <= 0x39 && digits < 10; k++, digits++) n = n * 10 + (xml[k] - 0x30);
  return digits > 0 ? n : undefined;
}

/**
 * One pass over a sheet part's bytes: its cell elements (`<c …>` or `<c/>`) counted, and its rows checked to be
 * within the sheet: no row number past 1,048,576 and no more row elements than that (ExcelJS builds every row element,
 * repeated ones too, the last of a number winning: a few repeats are read that way, millions are refused).
 */
function scanSheet(xml: Uint8Array, sheet: string): number {
  let cells = 0;
  let rows = 0;
  let row = 0;
  // A sheet part ends with "</worksheet>": no cell or row starts in its last bytes.
  const last = xml.length - 4;
  for (let i = xml.indexOf(0x3c); i >= 0 && i < last; i = xml.indexOf(0x3c, i + 1)) {
    const b = xml[i + 1];
    if (b === 0x63) {
      if (isNameEnd(xml[i + 2])) cells++;
    } else if (b === 0x72 && xml[i + 2] === 0x6f && xml[i + 3] === 0x77 && isNameEnd(xml[i + 4])) {
      row = rowNumberAt(xml, i) ?? row + 1;
      rows++;
      if (row > EXCEL_MAX_ROWS) throw tooManyRows(sheet, row);
      if (rows > EXCEL_MAX_ROWS) throw tooManyRows(sheet, rows);
    }
  }
  return cells;
}

/** The `<name …>` elements in xml (name followed by a space, ">" or "/"), in one pass. */
function countElements(xml: Uint8Array, name: string): number {
  const open = ascii(`<${name}`);
  let n = 0;
  for (let i = indexOfBytes(xml, open, 0); i >= 0; i = indexOfBytes(xml, open, i + open.length)) if (isNameEnd(xml[i + open.length])) n++;
  return n;
}

/** True when some cell refers to the shared strings (t="s"). */
function usesSharedStrings(xml: Uint8Array): boolean {
  return indexOfBytes(xml, ascii(' t="s"'), 0) >= 0 || indexOfBytes(xml, ascii(" t='s'"), 0) >= 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The prepared package: stored parts, merges apart

/** Progress of reading one workbook: the stage, and how far it is (bytes or sheets; total 0 when unknown). */
export type XlsxProgress = (stage: "unzip" | "parse" | "convert", done: number, total: number) => void;

export interface XlsxLoadOptions {
  /** Limits (each defaults to DEFAULT_XLSX_LIMITS). */
  readonly limits?: Partial<XlsxLimits>;
  /** The inflater (default: the web platform's DecompressionStream). */
  readonly inflateRaw?: RawInflater;
  readonly onProgress?: XlsxProgress;
}

interface Prepared {
  /** The zip ExcelJS loads: every part stored (not deflated), merges, validations and defined names taken out. */
  readonly zip: Uint8Array;
  /** Merged areas of each sheet, by sheetId. */
  readonly merges: ReadonlyMap<number, Area[]>;
}

const decoder = () => new TextDecoder("utf-8");

/** Merged areas listed in the content of `<mergeCells>`. */
export function parseMergeRefs(inner: Uint8Array, into: Area[], limits: XlsxLimits, already: number): void {
  const text = decoder().decode(inner);
  for (const m of startTags(text, "mergeCell")) {
    const ref = attributes(m[0]).get("ref");
    const area = ref === undefined ? undefined : parseArea(ref);
    if (!area) continue;
    if (already + into.length >= limits.maxMerges) {
      throw refuse(`合并单元格超过上限 ${count(limits.maxMerges)} 个`, `more than ${count(limits.maxMerges)} merged areas`, "too-large");
    }
    into.push(area);
  }
}

/**
 * Checks the package and inflates it, bounded, into a stored zip for ExcelJS. Throws WorkbookReadError for every
 * refusal described at the top of this file.
 */
async function preparePackage(bytes: Uint8Array, entries: readonly ZipEntry[], limits: XlsxLimits, inflate: RawInflater, onProgress?: XlsxProgress): Promise<Prepared> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const names = new Set(byName.keys());
  assertWorkbookPackage(names);
  const relsEntry = byName.get(WORKBOOK_RELS);
  if (!relsEntry) throw refuse(`工作簿缺少部件 ${WORKBOOK_RELS}（文件不完整或已损坏）`, `the workbook lacks its part ${WORKBOOK_RELS} (the file is incomplete or corrupt)`);
  const wbEntry = byName.get(WORKBOOK) as ZipEntry;
  const wbBytes = await inflateEntry(bytes, wbEntry, inflate);
  const relsBytes = await inflateEntry(bytes, relsEntry, inflate);
  const sheets = sheetParts(decoder().decode(wbBytes), decoder().decode(relsBytes), names);
  const sheetByPart = new Map(sheets.map((s) => [s.part, s]));

  // The output zip: each part stored, so ExcelJS (JSZip) inflates nothing. Its size is known from the
  // declared sizes (parts only shrink here).
  let capacity = 22;
  for (const e of entries) capacity += 30 + 46 + 2 * e.nameBytes.length + e.size;
  if (capacity > 0xffffffff) throw refuse(`工作簿解压后过大（${bytesText(capacity)}）`, `the workbook inflates to too much (${bytesText(capacity)})`, "too-large");
  const out = new Uint8Array(capacity);
  const outView = new DataView(out.buffer);
  const central: { entry: ZipEntry; offset: number; size: number; crc: number }[] = [];
  let at = 0;
  let cells = 0;
  let mergeCount = 0;
  const merges = new Map<number, Area[]>();
  let done = 0;
  const totalBytes = entries.reduce((s, e) => s + e.size, 0);

  for (const e of entries) {
    let data = e === wbEntry ? wbBytes : e === relsEntry ? relsBytes : await inflateEntry(bytes, e, inflate);
    let crc = e.crc32;
    const sheet = sheetByPart.get(e.name);
    if (sheet) {
      const n = scanSheet(data, sheet.name);
      cells += n;
      if (cells > limits.maxCells) {
        throw refuse(
          `工作簿的单元格超过上限 ${count(limits.maxCells)} 个（数到工作表“${shown(sheet.name)}”时已有 ${count(cells)} 个）`,
          `the workbook has more than ${count(limits.maxCells)} cells (${count(cells)} counted by sheet “${shown(sheet.name)}”)`,
          "too-large",
        );
      }
      if (!names.has(SHARED_STRINGS) && usesSharedStrings(data)) {
        throw refuse(
          `工作表“${shown(sheet.name)}”引用了共享字符串，但工作簿缺少部件 ${SHARED_STRINGS}（文件不完整或已损坏）`,
          `sheet “${shown(sheet.name)}” uses shared strings but the workbook lacks ${SHARED_STRINGS} (the file is incomplete or corrupt)`,
        );
      }
      // Merged areas and data validations: ExcelJS would visit every cell of each area. The merges are kept as
      // rectangles; validations are not used here.
      const mergeSpans = elementSpans(data, "mergeCells");
      const areas: Area[] = [];
      for (const s of mergeSpans) parseMergeRefs(data.subarray(s.innerStart, s.innerEnd), areas, limits, mergeCount);
      mergeCount += areas.length;
      if (areas.length > 0) merges.set(sheet.sheetId, [...(merges.get(sheet.sheetId) ?? []), ...areas]);
      const spans = [...mergeSpans, ...elementSpans(data, "dataValidations")].sort((x, y) => x.start - y.start);
      const edited = withoutSpans(data, disjoint(spans));
      if (edited !== data) {
        data = edited;
        crc = 0; // JSZip checks no CRC unless asked (ExcelJS does not ask); this zip never leaves memory.
      }
    } else if (e.name === SHARED_STRINGS || e.name === "xl/styles.xml") {
      // Shared strings and cell styles are kept as long as the cells: each is bounded by the cell budget (39 million
      // empty <si/> fit in a few MB of zip), as the streaming reader bounds them.
      const n = countElements(data, e.name === SHARED_STRINGS ? "si" : "xf");
      if (n > limits.maxCells) {
        const [zh, en] = e.name === SHARED_STRINGS ? ["共享字符串", "shared strings"] : ["单元格样式", "cell styles"];
        throw refuse(
          `部件 ${e.name} 的${zh}超过单元格上限 ${count(limits.maxCells)} 个（有 ${count(n)} 个）`,
          `part ${e.name} holds more ${en} than the cell limit of ${count(limits.maxCells)} (${count(n)})`,
          "too-large",
        );
      }
    } else if (e === wbEntry) {
      // Defined names (print areas and the like): ExcelJS would visit every cell of each named range.
      const edited = withoutSpans(data, elementSpans(data, "definedNames"));
      if (edited !== data) {
        data = edited;
        crc = 0;
      }
    }
    // Local header: stored, sizes known, the name as it was.
    const offset = at;
    outView.setUint32(at, SIG_LOCAL, true);
    outView.setUint16(at + 4, 20, true);
    outView.setUint16(at + 6, e.utf8 ? 0x0800 : 0, true);
    outView.setUint16(at + 8, 0, true);
    outView.setUint32(at + 14, crc, true);
    outView.setUint32(at + 18, data.length, true);
    outView.setUint32(at + 22, data.length, true);
    outView.setUint16(at + 26, e.nameBytes.length, true);
    out.set(e.nameBytes, at + 30);
    at += 30 + e.nameBytes.length;
    out.set(data, at);
    at += data.length;
    central.push({ entry: e, offset, size: data.length, crc });
    done += e.size;
    onProgress?.("unzip", done, totalBytes);
  }
  const cdStart = at;
  for (const c of central) {
    outView.setUint32(at, SIG_CENTRAL, true);
    outView.setUint16(at + 4, 20, true);
    outView.setUint16(at + 6, 20, true);
    outView.setUint16(at + 8, c.entry.utf8 ? 0x0800 : 0, true);
    outView.setUint32(at + 16, c.crc, true);
    outView.setUint32(at + 20, c.size, true);
    outView.setUint32(at + 24, c.size, true);
    outView.setUint16(at + 28, c.entry.nameBytes.length, true);
    outView.setUint32(at + 42, c.offset, true);
    out.set(c.entry.nameBytes, at + 46);
    at += 46 + c.entry.nameBytes.length;
  }
  outView.setUint32(at, SIG_EOCD, true);
  outView.setUint16(at + 8, central.length, true);
  outView.setUint16(at + 10, central.length, true);
  outView.setUint32(at + 12, at - cdStart, true);
  outView.setUint32(at + 16, cdStart, true);
  at += 22;
  return { zip: out.subarray(0, at), merges };
}

/** Drops spans nested in an earlier one (a hostile file could nest the tags). */
function disjoint<T extends { start: number; end: number }>(sorted: readonly T[]): T[] {
  const out: T[] = [];
  let end = -1;
  for (const s of sorted) {
    if (s.start < end) continue;
    out.push(s);
    end = s.end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Loading

/**
 * Refuses bytes that cannot be an .xlsx before ExcelJS sees them: an .xlsx is a zip ("PK"); an .xls renamed or
 * an HTML export gets a clear message instead of a zip error.
 */
export function assertXlsxBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw new WorkbookReadError("文件为空（0 字节）", "the file is empty (0 bytes)", undefined, "empty");
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    if (ole) {
      throw new WorkbookReadError(
        "这是旧版 .xls 格式（或已加密），请在 Excel 或 WPS 中另存为 .xlsx",
        "this is an old-format .xls (or encrypted) file: save it as .xlsx in Excel or WPS",
        undefined,
        "old-xls",
      );
    }
    throw new WorkbookReadError("文件不是有效的 .xlsx 工作簿（已损坏或格式不符）", "not a valid .xlsx workbook (corrupt or another format)", undefined, "not-xlsx");
  }
}

/** A cell whose text was longer than the limit and was cut. */
export interface CutText {
  readonly sheet: string;
  readonly cell: string;
  /** Characters before the cut. */
  readonly length: number;
}

/** What was read from a workbook: its grids, and the cells whose text was cut (the first and how many). */
export interface XlsxContent {
  readonly grids: Grid[];
  readonly cut?: { readonly first: CutText; readonly count: number };
}

/** The marker ending a cut text: "…〔已截断，原长 100000 字符 / cut from 100000 characters〕". */
export function cutMarker(length: number): string {
  return `…〔已截断，原长 ${length} 字符 / cut from ${length} characters〕`;
}

/** Parses .xlsx bytes with the given ExcelJS module and converts every (not very-hidden) sheet. */
export async function loadXlsxGrids(exceljs: ExcelJSModule, bytes: Uint8Array, options: XlsxLoadOptions = {}): Promise<Grid[]> {
  return (await loadXlsxContent(exceljs, bytes, options)).grids;
}

/** Like loadXlsxGrids, with the cells whose text was cut. */
export async function loadXlsxContent(exceljs: ExcelJSModule, bytes: Uint8Array, options: XlsxLoadOptions = {}): Promise<XlsxContent> {
  assertXlsxBytes(bytes);
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  const entries = readZipDirectory(bytes, limits);
  const inflate = options.inflateRaw ?? webInflater();
  // Without an inflater (an old browser) the declared sizes are all that was checked, and ExcelJS inflates.
  let prepared: Prepared | undefined;
  if (inflate) prepared = await preparePackage(bytes, entries, limits, inflate, options.onProgress);
  else assertWorkbookPackage(new Set(entries.map((e) => e.name)));
  options.onProgress?.("parse", 0, 0);
  const wb = new exceljs.Workbook();
  try {
    // ExcelJS's typings want its own Buffer type; a Node Buffer or (in the browser) bytes are what it reads.
    await wb.xlsx.load((prepared?.zip ?? bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError("无法读取 .xlsx 工作簿（文件可能已损坏）", "could not read the .xlsx workbook (the file may be corrupt)", errorText(e), "corrupt");
  }
  return workbookContent(wb, limits, prepared?.merges, options.onProgress);
}

/** Every (not very-hidden) worksheet of a loaded workbook, as grids. */
export function workbookToGrids(wb: ExcelJS.Workbook, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Grid[] {
  return workbookContent(wb, limits).grids;
}

function workbookContent(wb: ExcelJS.Workbook, limits: XlsxLimits, merges?: ReadonlyMap<number, Area[]>, onProgress?: XlsxProgress): XlsxContent {
  const epoch = wb.properties?.date1904 ? EPOCH_1904 : EPOCH_1900;
  const grids: Grid[] = [];
  const budget: Budget = { cells: 0, limits, cutCount: 0 };
  const sheets: ExcelJS.Worksheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== "veryHidden") sheets.push(ws);
  });
  sheets.forEach((ws, k) => {
    onProgress?.("convert", k, sheets.length);
    grids.push(sheetToGrid(ws, epoch, budget, merges ? (merges.get(Number(ws.id)) ?? []) : undefined));
  });
  onProgress?.("convert", sheets.length, sheets.length);
  return { grids, ...(budget.cut ? { cut: { first: budget.cut, count: budget.cutCount } } : {}) };
}

/** What the grids of one workbook have used so far. */
export interface Budget {
  cells: number;
  readonly limits: XlsxLimits;
  cut?: CutText;
  cutCount: number;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Excel serial number of a JS date read by ExcelJS (which reads serials as UTC dates). */
export function dateToSerial(d: Date, epoch: number = EPOCH_1900): number {
  const serial = d.getTime() / MS_PER_DAY + epoch;
  // ExcelJS rounds through milliseconds; keep 10 decimals (well below a second) to drop float noise.
  return Math.round(serial * 1e10) / 1e10;
}

type ExcelValue = ExcelJS.CellValue | ExcelJS.CellFormulaValue["result"];

/** One ExcelJS value (or a formula result) → a grid value. */
function convertValue(v: ExcelValue, epoch: number): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, epoch);
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return joinRich(v.richText);
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      return convertValue(f.result as ExcelValue, epoch);
    }
    if ("hyperlink" in v) {
      const h = v as ExcelJS.CellHyperlinkValue;
      const t: unknown = h.text;
      if (typeof t === "string") return t === "" ? null : t;
      if (t && typeof t === "object" && "richText" in t) return joinRich((t as ExcelJS.CellRichTextValue).richText);
      return h.hyperlink || null;
    }
  }
  return null;
}

function joinRich(parts: readonly ExcelJS.RichText[]): CellValue {
  const s = parts.map((p) => p.text ?? "").join("");
  return s === "" ? null : s;
}

/** Text cut to `max` characters in all, the marker included, never splitting a surrogate pair. */
export function cutText(s: string, max: number): string {
  const marker = cutMarker(s.length);
  let keep = Math.max(0, max - marker.length);
  const code = s.charCodeAt(keep - 1);
  if (keep > 0 && code >= 0xd800 && code <= 0xdbff) keep--;
  return s.slice(0, keep) + marker;
}

export function tooManyRows(sheet: string, rows: number): WorkbookReadError {
  return refuse(
    `工作表“${shown(sheet)}”有 ${count(rows)} 行，超过 Excel 的上限 ${count(EXCEL_MAX_ROWS)} 行（文件已损坏）`,
    `sheet “${shown(sheet)}” has ${count(rows)} rows, beyond Excel's ${count(EXCEL_MAX_ROWS)} (the file is corrupt)`,
    "corrupt",
  );
}

/**
 * Puts one cell into a row of the dense grid (values and formats side by side), filling the columns before it with
 * blanks and counting every cell made against the limit: a cell far to the right makes its row that wide, so the
 * count is checked before the row is widened. Both readers (ExcelJS and the stream) place cells through this.
 */
export function placeCell(vals: CellValue[], fmts: (string | null)[], c: number, v: CellValue, fmt: string | null, budget: Budget, sheet: string, r: number): void {
  if (c >= vals.length && budget.cells + (c + 1 - vals.length) > budget.limits.maxCells) throw tooManyCells(sheet, r, c, budget.limits);
  while (vals.length < c) {
    vals.push(null);
    fmts.push(null);
    budget.cells++;
  }
  if (c === vals.length) budget.cells++;
  vals[c] = v;
  fmts[c] = fmt;
}

export function tooManyCells(sheet: string, r: number, c: number, limits: XlsxLimits): WorkbookReadError {
  return refuse(
    `工作表“${shown(sheet)}”的已用区域过大（到 ${a1(r, c)}），工作簿的单元格超过上限 ${count(limits.maxCells)} 个`,
    `the used area of sheet “${shown(sheet)}” is too large (reaching ${a1(r, c)}): the workbook has more than ${count(limits.maxCells)} cells`,
    "too-large",
  );
}

/**
 * Refuses a sheet whose dense grid would be above the cell budget before a cell is visited: each row ExcelJS holds
 * is as wide as its last cell (`cellCount`, kept by ExcelJS), so a cell at XFD on every row is caught here, not
 * after billions of nulls (and ExcelJS's own row iteration over such rows) have been paid for.
 */
function assertGridFits(ws: ExcelJS.Worksheet, budget: Budget): void {
  const rows = (ws as unknown as { _rows?: readonly (ExcelJS.Row | undefined)[] })._rows;
  if (!Array.isArray(rows)) return;
  if (rows.length > EXCEL_MAX_ROWS) throw tooManyRows(ws.name, rows.length);
  let cells = budget.cells;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    cells += row.cellCount;
    if (cells > budget.limits.maxCells) throw tooManyCells(ws.name, r, Math.max(0, row.cellCount - 1), budget.limits);
  }
}

function sheetToGrid(ws: ExcelJS.Worksheet, epoch: number, budget: Budget, givenMerges?: readonly Area[]): Grid {
  const { limits } = budget;
  assertGridFits(ws, budget);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  let lastRow = -1;
  let lastCol = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = [];
    const fmts: (string | null)[] = [];
    let rowLast = -1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Slaves of a merged area read back the master's value; only the master holds it.
      const slave = (cell.type as number) === VALUE_TYPE_MERGE || (cell.isMerged && cell.master !== cell && cell.master.address !== cell.address);
      let v = slave ? null : convertValue(cell.value, epoch);
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      if (v === null && fmt === null) return;
      if (typeof v === "string" && v.length > limits.maxCellChars) {
        budget.cutCount++;
        budget.cut ??= { sheet: ws.name, cell: a1(r, c), length: v.length };
        v = cutText(v, limits.maxCellChars);
      }
      placeCell(vals, fmts, c, v, fmt, budget, ws.name, r);
      if (fmt !== null) anyFormat = true;
      if (v !== null) rowLast = c;
    });
    if (rowLast < 0) return;
    vals.length = rowLast + 1;
    fmts.length = rowLast + 1;
    values[r] = vals;
    formats[r] = fmts;
    lastRow = r;
    if (rowLast > lastCol) lastCol = rowLast;
  });
  // Fill holes (rows ExcelJS skipped) and drop trailing empties (rows are at most Excel's 1,048,576).
  if (lastRow >= EXCEL_MAX_ROWS) throw tooManyRows(ws.name, lastRow + 1);
  values.length = lastRow + 1;
  formats.length = lastRow + 1;
  for (let r = 0; r <= lastRow; r++) {
    if (!values[r]) {
      values[r] = [];
      formats[r] = [];
    }
  }
  let merges = clampMerges(givenMerges ?? readMerges(ws), lastRow, lastCol);
  if (givenMerges && merges.length > 0) {
    clearSlaves(ws.name, values, formats, merges, budget);
    // Rows and columns left empty by clearing are trimmed like any others, and the areas clamped again.
    while (values.length > 0 && values[values.length - 1].length === 0) {
      values.pop();
      formats.pop();
    }
    lastCol = -1;
    for (const row of values) if (row.length - 1 > lastCol) lastCol = row.length - 1;
    merges = clampMerges(merges, values.length - 1, lastCol);
  }
  const grid: { -readonly [K in keyof Grid]: Grid[K] } = { sheet: ws.name, top: 0, left: 0, values };
  if (anyFormat) grid.numberFormats = formats;
  if (merges.length > 0) grid.merges = merges;
  return grid;
}

/** Merged areas within the used range: clamped to it, dropped when wholly outside, sorted. */
export function clampMerges(merges: readonly Area[], lastRow: number, lastCol: number): Area[] {
  const out: Area[] = [];
  for (const m of merges) {
    if (m.top > lastRow || m.left > lastCol) continue;
    out.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/**
 * Sets every cell of a merged area but its top-left to null (ExcelJS no longer sees the merges, so a value a file
 * keeps in another cell of the area would otherwise show). The work is the rows each area spans within the grid
 * plus the cells it clears: bounded by the cell budget, so overlapping areas (which Excel never writes) cannot
 * make it quadratic.
 */
export function clearSlaves(sheet: string, values: CellValue[][], formats: (string | null)[][], merges: readonly Area[], budget: Budget): void {
  let work = 0;
  const max = budget.limits.maxCells;
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = values[r];
      work++;
      if (row.length <= m.left) continue;
      const end = Math.min(m.right, row.length - 1);
      for (let c = r === m.top ? m.left + 1 : m.left; c <= end; c++) {
        row[c] = null;
        formats[r][c] = null;
      }
      work += end - m.left + 1;
    }
    if (work > max) {
      throw refuse(`工作表“${shown(sheet)}”的合并单元格过多或相互重叠`, `sheet “${shown(sheet)}” has too many or overlapping merged areas`, "too-large");
    }
  }
  // Rows whose last cells were cleared end earlier now.
  for (const row of values) {
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    row.length = n;
  }
  for (let r = 0; r < formats.length; r++) if (formats[r].length > values[r].length) formats[r].length = values[r].length;
}

interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Merged areas of a sheet ExcelJS merged itself (when there was no inflater to take them out first). `ws.model`
 * would serialise every row to list them (slow on big sheets), so the merge table ExcelJS keeps is read directly
 * when present, with `model.merges` as the fallback.
 */
function readMerges(ws: ExcelJS.Worksheet): Area[] {
  const out: Area[] = [];
  const table = (ws as unknown as { _merges?: Record<string, MergeRange | undefined> })._merges;
  if (table && typeof table === "object") {
    for (const m of Object.values(table)) {
      if (!m || typeof m.top !== "number") continue;
      out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
    }
  } else {
    for (const m of ws.model.merges ?? []) {
      const a = parseArea(m);
      if (a) out.push(a);
    }
  }
  return out;
}
