/**
 * ExcelJS workbook → grids, shared by Node (src/file/xlsx.ts) and the browser page (the pane outside Office).
 * It imports no Node built-ins and only ExcelJS's types: callers hand in the ExcelJS module they loaded, so the
 * browser can keep ExcelJS in a lazy chunk that Excel mode never downloads.
 *
 * Decisions (documented for the other fronts):
 * - One grid per worksheet, in workbook order, starting at A1 (top = left = 0).
 * - Sheets whose state is `veryHidden` are skipped (templates keep lookup data there, people never see them);
 *   `hidden` sheets are kept, because a hidden sheet can still hold a table someone submits.
 * - Values: numbers, strings, booleans as they are; rich text joined; hyperlinks → their text;
 *   formulas (master or shared) → the cached result, or null when the file has none;
 *   dates → Excel serial number (the cell's number format is kept in `numberFormats`, so the engine can tell);
 *   errors → `{ error: "#N/A" }`; empty strings → null.
 * - Merged areas: only the top-left cell holds the value (ExcelJS returns the master's value on every slave
 *   cell, so slaves are set to null), and every merge is listed in `merges`.
 * - Trailing empty rows and columns are trimmed (formats alone do not keep a cell).
 */
import type ExcelJS from "exceljs";
import type { Area, CellValue, Grid } from "../domain/grid";
import { parseArea } from "../domain/grid";

/** The part of the ExcelJS module we use (Node's `import ExcelJS from "exceljs"` or the browser build). */
export interface ExcelJSModule {
  readonly Workbook: new () => ExcelJS.Workbook;
}

/** Milliseconds per day and the Unix epoch as an Excel serial (1900 and 1904 date systems). */
const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = 25_569;
const EPOCH_1904 = 24_107;
/** ExcelJS.ValueType.Merge: a const here so this module needs no ExcelJS at run time. */
const VALUE_TYPE_MERGE = 1;

/** Why a workbook could not be read, in both languages. */
export class WorkbookReadError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly detail?: string,
    /** What went wrong, for fronts that word it themselves. */
    readonly reason: "empty" | "old-xls" | "not-xlsx" | "corrupt" | "unreadable" = "corrupt",
  ) {
    super(`${messageZh} / ${messageEn}${detail ? ` (${detail})` : ""}`);
    this.name = "WorkbookReadError";
  }
}

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

/** Parses .xlsx bytes with the given ExcelJS module and converts every (not very-hidden) sheet. */
export async function loadXlsxGrids(exceljs: ExcelJSModule, bytes: Uint8Array): Promise<Grid[]> {
  assertXlsxBytes(bytes);
  const wb = new exceljs.Workbook();
  try {
    // ExcelJS's typings want its own Buffer type; a Node Buffer or (in the browser) bytes are what it reads.
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError("无法读取 .xlsx 工作簿（文件可能已损坏）", "could not read the .xlsx workbook (the file may be corrupt)", errorText(e), "corrupt");
  }
  return workbookToGrids(wb);
}

/** Every (not very-hidden) worksheet of a loaded workbook, as grids. */
export function workbookToGrids(wb: ExcelJS.Workbook): Grid[] {
  const epoch = wb.properties?.date1904 ? EPOCH_1904 : EPOCH_1900;
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === "veryHidden") return;
    grids.push(sheetToGrid(ws, epoch));
  });
  return grids;
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

function sheetToGrid(ws: ExcelJS.Worksheet, epoch: number): Grid {
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
      const v = slave ? null : convertValue(cell.value, epoch);
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      if (v === null && fmt === null) return;
      while (vals.length < c) {
        vals.push(null);
        fmts.push(null);
      }
      vals[c] = v;
      fmts[c] = fmt;
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
  // Fill holes (rows ExcelJS skipped) and drop trailing empties.
  values.length = lastRow + 1;
  formats.length = lastRow + 1;
  for (let r = 0; r <= lastRow; r++) {
    if (!values[r]) {
      values[r] = [];
      formats[r] = [];
    }
  }
  const merges = readMerges(ws);
  const grid: { -readonly [K in keyof Grid]: Grid[K] } = { sheet: ws.name, top: 0, left: 0, values };
  if (anyFormat) grid.numberFormats = formats;
  if (merges.length > 0) grid.merges = merges;
  return grid;
}

interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Merged areas of a sheet. `ws.model` would serialise every row to list them (slow on big sheets), so the
 * merge table ExcelJS keeps is read directly when present, with `model.merges` as the fallback.
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
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}
