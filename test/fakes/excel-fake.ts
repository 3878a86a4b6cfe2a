/**
 * An in-repo fake of the Excel JavaScript API (the parts our adapter uses), for jest and, transpiled, for the
 * browser e2e (test/e2e/fake-excel.js). It behaves like office.js where that matters to us:
 *
 * - Commands are queued on a request context and run on `context.sync()`, which is counted (`stats.syncs`).
 * - Reading a property that was not loaded, or was loaded but not yet synced, throws `PropertyNotLoaded`.
 * - Bad addresses, missing sheets and shape mismatches fail at `sync()`, as office.js reports them.
 *
 * - A sync is not a transaction: its commands run in order, and when one fails the ones before it stay applied and
 *   the rest are dropped (OfficeExtension.Error.traceMessages holds "all trace messages that were executed before
 *   the error occurred"; nothing documents a rollback; that nothing is rolled back only real Excel can confirm, and
 *   the adapter is written so that it does not matter). `model.failNext(/pattern/)` makes the next matching command
 *   fail, to test what a failure half-way leaves behind.
 *
 * The model is a plain workbook (sheets of sparse cells with value, formula and number format, conditional formats,
 * tables, workbook-scoped defined names) plus a selection.
 * Keep this file free of imports: it is transpiled on its own for the browser.
 *
 * Extending it: add a proxy class, give it `load()` via `FakeObject`, and queue model changes with `ctx.enqueue`.
 */


// ------------------------------------------------------------------------------------------------- addresses

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based inclusive rectangle. */
export interface FakeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** Sheet names Excel writes without quotes: letters (any script), digits, underscore, dot; not starting with a digit. */
function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function areaToA1(area: FakeArea): string {
  if (area.top === 0 && area.bottom === MAX_ROWS - 1) return `${colLetters(area.left)}:${colLetters(area.right)}`;
  if (area.left === 0 && area.right === MAX_COLS - 1) return `${area.top + 1}:${area.bottom + 1}`;
  const a = `${colLetters(area.left)}${area.top + 1}`;
  const b = `${colLetters(area.right)}${area.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function fullAddress(sheet: string, area: FakeArea): string {
  return `${quoteSheet(sheet)}!${areaToA1(area)}`;
}

/** Parses "A1", "$A$1:B2", "A:C", "3:5", "Sheet1!A1", "'My sheet'!A1:B2". */
export function parseAddress(text: string): { sheet?: string; area: FakeArea } | undefined {
  let body = text.trim();
  let sheet: string | undefined;
  const bang = body.lastIndexOf("!");
  if (bang >= 0) {
    sheet = body.slice(0, bang);
    body = body.slice(bang + 1);
    if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    if (sheet === "") return undefined;
  }
  const parts = body.replace(/\$/g, "").split(":");
  if (parts.length > 2) return undefined;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const col = /^([A-Za-z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  const [p, q = parts[0]] = parts;
  let area: FakeArea | undefined;
  if (cell.test(p) && cell.test(q)) {
    const a = cell.exec(p)!, b = cell.exec(q)!;
    const r1 = Number(a[2]) - 1, r2 = Number(b[2]) - 1, c1 = colIndex(a[1]), c2 = colIndex(b[1]);
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && col.test(p) && col.test(q)) {
    const c1 = colIndex(p), c2 = colIndex(q);
    area = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && row.test(p) && row.test(q)) {
    const r1 = Number(p) - 1, r2 = Number(q) - 1;
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLS - 1 };
  }
  if (!area || area.top < 0 || area.bottom >= MAX_ROWS || area.left < 0 || area.right >= MAX_COLS) return undefined;
  return { sheet, area };
}

// ------------------------------------------------------------------------------------------------- errors

/** Shaped like OfficeExtension.Error: `code` is one of Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const ErrorCodes = {
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  propertyNotLoaded: "PropertyNotLoaded",
  invalidObjectPath: "InvalidObjectPath",
  generalException: "GeneralException",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  invalidRequestContext: "InvalidRequestContext",
} as const;

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ------------------------------------------------------------------------------------------------- the model

export type FakeCellValue = string | number | boolean;

/** One cell. An absent cell is empty: value "", no formula, format "General". */
export interface FakeCell {
  value: FakeCellValue;
  formula?: string;
  numberFormat?: string;
}

/** A conditional format of the model (only custom formula formats carry a formula). */
export interface FakeConditionalFormatRec {
  readonly id: string;
  readonly type: string;
  areas: FakeArea[];
  formula?: string;
  fillColor?: string;
  fontColor?: string;
}

/** A data-validation rule on an area, as the adapter set it. */
export interface FakeValidationRec {
  area: FakeArea;
  rule: unknown;
}

export interface FakeChartRec {
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
}

export interface FakeTableRec {
  name: string;
  sheet: FakeSheet;
  area: FakeArea;
  hasHeaders: boolean;
  style?: string;
}

/**
 * A workbook-scoped defined name (Excel.NamedItem). A name that refers to a range follows its sheet: Excel rewrites
 * the reference when the sheet is renamed and turns it into #REF! when the sheet is deleted, so `ref.sheet` is the
 * sheet object (renames need nothing) and becomes null on delete. A name may instead hold a constant (="text").
 */
export interface FakeNameRec {
  name: string;
  comment: string;
  visible: boolean;
  ref?: { sheet: FakeSheet | null; area: FakeArea };
  constant?: FakeCellValue;
}

/**
 * Excel's rules for defined names and table names (one namespace, case-insensitive): start with a letter, an
 * underscore or a backslash; then letters, digits, underscores and periods; at most 255 characters; not a cell
 * reference (A1, R1C1) and not the single letters C or R.
 */
export function isValidExcelName(n: string): boolean {
  if (!n || n.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(n)) return false;
  if (/^[CR]$/i.test(n)) return false;
  if (/^[A-Za-z]{1,3}\d{1,7}$/.test(n)) return false;
  if (/^R\d*C\d*$/i.test(n)) return false;
  return true;
}

/** Excel's rules for sheet names: 1–31 characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe. */
export function isValidSheetName(n: string): boolean {
  return !!n && n.length <= 31 && !/[\\/?*[\]:]/.test(n) && !n.startsWith("'") && !n.endsWith("'");
}

/** A typed entry Excel may read as a formula: = + - @ or ＝＋－＠ first, after any leading whitespace. */
const ENTERED_FORMULA = /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/**
 * A large block of plain values written at once (FakeSheet.write), kept in typed arrays: off the JS heap, as real
 * Excel keeps its cells in its own process. Ten million cell objects on the pane's heap would make the pane's own
 * garbage collections seconds long (measured: 2.7 s on a 1,048,576 × 9 sheet), a cost a real workbook never puts on
 * the pane. What the fake answers is the same either way.
 */
class FakeCellBlock {
  static readonly MIN_CELLS = 10_000;
  /** Per cell: 0 absent, 1 number, 2 text, 3 true, 4 false. */
  readonly kinds: Uint8Array;
  readonly numbers: Float64Array;
  /** Texts as UTF-16 code units; cell i's is chars[starts[i], starts[i + 1]). */
  readonly chars: Uint16Array;
  readonly starts: Uint32Array;
  live = 0;
  constructor(
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
    values: readonly (readonly (FakeCellValue | null)[])[],
  ) {
    const n = rows * cols;
    this.kinds = new Uint8Array(n);
    this.numbers = new Float64Array(n);
    this.starts = new Uint32Array(n + 1);
    let length = 0;
    for (const row of values) for (const v of row) if (typeof v === "string") length += v.length;
    this.chars = new Uint16Array(length);
    let at = 0;
    for (let r = 0; r < rows; r++) {
      const row = values[r];
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        this.starts[i] = at;
        const v = c < row.length ? row[c] : null;
        if (v === null || v === "") continue;
        this.live++;
        if (typeof v === "number") {
          this.kinds[i] = 1;
          this.numbers[i] = v;
        } else if (typeof v === "boolean") this.kinds[i] = v ? 3 : 4;
        else {
          this.kinds[i] = 2;
          for (let k = 0; k < v.length; k++) this.chars[at++] = v.charCodeAt(k);
        }
      }
    }
    this.starts[n] = at;
  }
  index(r: number, c: number): number {
    const rr = r - this.top;
    const cc = c - this.left;
    return rr < 0 || cc < 0 || rr >= this.rows || cc >= this.cols ? -1 : rr * this.cols + cc;
  }
  value(i: number): FakeCellValue | undefined {
    switch (this.kinds[i]) {
      case 1:
        return this.numbers[i];
      case 2: {
        let s = "";
        for (let a = this.starts[i], b = this.starts[i + 1]; a < b; a += 4096) s += String.fromCharCode(...this.chars.subarray(a, Math.min(b, a + 4096)));
        return s;
      }
      case 3:
        return true;
      case 4:
        return false;
      default:
        return undefined;
    }
  }
  remove(i: number): void {
    if (this.kinds[i] !== 0) this.live--;
    this.kinds[i] = 0;
  }
}

/**
 * A sheet's cells keyed "row,col" (0-based), read like a Map: a sparse map of cell objects, and blocks of plain values
 * written in bulk (FakeCellBlock). A cell of a block is handed out as a fresh object; the sheet's own setters move it
 * into the map first (take), so every change goes through the map.
 */
export class FakeCellStore {
  private readonly sparse = new Map<string, FakeCell>();
  private readonly blocks: FakeCellBlock[] = [];

  private static key(k: string): [number, number] {
    const comma = k.indexOf(",");
    return [+k.slice(0, comma), +k.slice(comma + 1)];
  }
  private inBlock(k: string): { b: FakeCellBlock; i: number } | undefined {
    if (this.blocks.length === 0) return undefined;
    const [r, c] = FakeCellStore.key(k);
    for (const b of this.blocks) {
      const i = b.index(r, c);
      if (i >= 0 && b.kinds[i] !== 0) return { b, i };
    }
    return undefined;
  }
  get size(): number {
    return this.sparse.size + this.blocks.reduce((n, b) => n + b.live, 0);
  }
  get(k: string): FakeCell | undefined {
    const cell = this.sparse.get(k);
    if (cell) return cell;
    const at = this.inBlock(k);
    return at ? { value: at.b.value(at.i) as FakeCellValue } : undefined;
  }
  /**
   * get() by position. A block's live cell is never in the map too (set() removes it from its block), so blocks are
   * looked at first: a block's cell costs no key string, and its value (valueAt) no object.
   */
  getAt(r: number, c: number): FakeCell | undefined {
    for (const b of this.blocks) {
      const i = b.index(r, c);
      if (i >= 0 && b.kinds[i] !== 0) return { value: b.value(i) as FakeCellValue };
    }
    return this.sparse.get(`${r},${c}`);
  }
  /** The value at a position ("" when empty), as getAt(r, c)?.value. */
  valueAt(r: number, c: number): FakeCellValue {
    for (const b of this.blocks) {
      const i = b.index(r, c);
      if (i >= 0 && b.kinds[i] !== 0) return b.value(i) as FakeCellValue;
    }
    return this.sparse.get(`${r},${c}`)?.value ?? "";
  }
  /** True when a block holds the position's cell (it then has no formula and no number format). */
  plainAt(r: number, c: number): boolean {
    for (const b of this.blocks) {
      const i = b.index(r, c);
      if (i >= 0 && b.kinds[i] !== 0) return true;
    }
    return false;
  }
  has(k: string): boolean {
    return this.sparse.has(k) || this.inBlock(k) !== undefined;
  }
  set(k: string, cell: FakeCell): this {
    const at = this.inBlock(k);
    if (at) at.b.remove(at.i);
    this.sparse.set(k, cell);
    return this;
  }
  delete(k: string): boolean {
    const at = this.inBlock(k);
    if (at) at.b.remove(at.i);
    return this.sparse.delete(k) || at !== undefined;
  }
  /** The cell to change: one of a block moves into the map. */
  take(k: string): FakeCell {
    let cell = this.sparse.get(k);
    if (cell) return cell;
    cell = this.get(k) ?? { value: "" };
    this.set(k, cell);
    return cell;
  }
  /** Stores a block of values if it is large and lands where the sheet has no cell; false otherwise. */
  putBlock(top: number, left: number, rows: readonly (readonly (FakeCellValue | null)[])[]): boolean {
    const cols = rows.reduce((n, r) => Math.max(n, r.length), 0);
    if (rows.length * cols < FakeCellBlock.MIN_CELLS) return false;
    const bottom = top + rows.length - 1;
    const right = left + cols - 1;
    if (this.blocks.some((b) => b.top <= bottom && top < b.top + b.rows && b.left <= right && left < b.left + b.cols)) return false;
    for (const k of this.sparse.keys()) {
      const [r, c] = FakeCellStore.key(k);
      if (r >= top && r <= bottom && c >= left && c <= right) return false;
    }
    this.blocks.push(new FakeCellBlock(top, left, rows.length, cols, rows));
    return true;
  }
  /** Every cell's position, value and formula, with no object made for a block's cells. */
  forEachCell(f: (r: number, c: number, value: FakeCellValue, formula: string | undefined) => void): void {
    for (const [k, cell] of this.sparse) {
      const [r, c] = FakeCellStore.key(k);
      f(r, c, cell.value, cell.formula);
    }
    for (const b of this.blocks) {
      for (let i = 0; i < b.kinds.length; i++) {
        if (b.kinds[i] === 0) continue;
        const r = b.top + Math.floor(i / b.cols);
        const c = b.left + (i % b.cols);
        f(r, c, b.kinds[i] === 1 ? b.numbers[i] : b.kinds[i] === 3 ? true : b.kinds[i] === 4 ? false : "x", undefined);
      }
    }
  }
  *entries(): IterableIterator<[string, FakeCell]> {
    yield* this.sparse.entries();
    for (const b of this.blocks) {
      for (let i = 0; i < b.kinds.length; i++) {
        if (b.kinds[i] === 0) continue;
        yield [`${b.top + Math.floor(i / b.cols)},${b.left + (i % b.cols)}`, { value: b.value(i) as FakeCellValue }];
      }
    }
  }
  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): IterableIterator<FakeCell> {
    for (const [, v] of this.entries()) yield v;
  }
  [Symbol.iterator](): IterableIterator<[string, FakeCell]> {
    return this.entries();
  }
  forEach(f: (cell: FakeCell, key: string) => void): void {
    for (const [k, v] of this.entries()) f(v, k);
  }
}

export class FakeSheet {
  /** Cells keyed "row,col" (0-based), read like a Map (FakeCellStore). */
  readonly cells = new FakeCellStore();
  /** Merged areas. */
  merges: FakeArea[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  conditionalFormats: FakeConditionalFormatRec[] = [];
  validations: FakeValidationRec[] = [];
  charts: FakeChartRec[] = [];
  /** Formatting writes (font, fill, widths, hyperlinks …) in order: the fake records them, it does not render. */
  formats: { area: FakeArea; prop: string; value: unknown }[] = [];
  frozenRows = 0;
  /** The worksheet's AutoFilter range (Worksheet.autoFilter.apply), when one was applied. */
  autoFilter: FakeArea | undefined;
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.getAt(r, c);
  }
  private touch(r: number, c: number): FakeCell {
    return this.cells.take(`${r},${c}`);
  }
  private tidy(r: number, c: number): void {
    const cell = this.cell(r, c);
    if (cell && cell.value === "" && !cell.formula && (!cell.numberFormat || cell.numberFormat === "General")) this.cells.delete(`${r},${c}`);
  }
  setValue(r: number, c: number, v: FakeCellValue | null): void {
    const cell = this.touch(r, c);
    cell.value = v === null ? "" : v;
    delete cell.formula;
    this.tidy(r, c);
  }
  /**
   * A value written through Range.values, read the way Excel reads typed input (office.js: "If the returned value
   * starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"):
   * - a leading apostrophe is dropped and the rest kept as text (Excel's quote prefix), whatever the format;
   * - in a cell formatted as text ("@") a string stays text as written;
   * - otherwise a string that is a plain number ("-5", "0012") becomes that number, and one that starts with
   *   = + - @, also after leading whitespace (tab, CR …) or in full-width form (＝＋－＠), becomes a formula. That
   *   last rule is pessimistic on purpose (some Excel versions and IMEs do it, some do not). The fake does not
   *   calculate: a formula's value is "".
   */
  enterValue(r: number, c: number, v: FakeCellValue | null): void {
    if (typeof v !== "string") return this.setValue(r, c, v);
    if (v.startsWith("'")) return this.setValue(r, c, v.slice(1));
    if (this.cell(r, c)?.numberFormat === "@") return this.setValue(r, c, v);
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(v)) return this.setValue(r, c, Number(v));
    if (ENTERED_FORMULA.test(v)) {
      const cell = this.touch(r, c);
      const f = v.replace(/^\s+/, "");
      cell.value = "";
      cell.formula = f.startsWith("=") ? f : `=${f}`;
      return;
    }
    this.setValue(r, c, v);
  }
  setFormula(r: number, c: number, f: FakeCellValue | null): void {
    if (typeof f === "string" && f.startsWith("=")) {
      const cell = this.touch(r, c);
      cell.formula = f; // the fake does not calculate; the value stays what it was
    } else this.setValue(r, c, f);
  }
  setNumberFormat(r: number, c: number, f: string | null): void {
    const cell = this.touch(r, c);
    if (f === null || f === "General") delete cell.numberFormat;
    else cell.numberFormat = f;
    this.tidy(r, c);
  }
  /** Writes a block of values with its top-left at (top, left). null leaves the cell empty. */
  write(top: number, left: number, rows: readonly (readonly (FakeCellValue | null)[])[]): void {
    // A large block where the sheet is empty is kept packed (FakeCellBlock): the same cells, off the pane's heap.
    if (this.cells.putBlock(top, left, rows)) return;
    rows.forEach((row, r) => row.forEach((v, c) => this.setValue(top + r, left + c, v)));
  }
  /** Bounding box of non-empty cells (values and formulas; formats too unless valuesOnly). */
  usedArea(valuesOnly = false): FakeArea | undefined {
    // One pass without an object per cell: a million-row sheet has ten million cells here.
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.cells.forEachCell((r, c, value, formula) => {
      if (valuesOnly && value === "" && !formula) return;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
    return bottom < 0 ? undefined : { top, bottom, left, right };
  }
}

/** Initial workbook: sheets with rows of values from A1 (or from `at`), optional number formats, the selection. */
export interface FakeWorkbookInit {
  sheets?: {
    name: string;
    /** Top-left of `values`, e.g. "B2"; default "A1". */
    at?: string;
    values?: (FakeCellValue | null)[][];
    numberFormat?: (string | null)[][];
    formulas?: (string | null)[][];
    /** Merged areas, e.g. ["A1:I1", "B3:I3"]. */
    merges?: string[];
    visibility?: "Visible" | "Hidden" | "VeryHidden";
    /** The user's own conditional formats: custom-formula rules over an address list ("A1:B3,D4"). */
    conditionalFormats?: { address: string; formula: string; fillColor?: string; fontColor?: string }[];
    /** The user's own tables on this sheet, e.g. { name: "JX_Report", address: "A1:C4" }. */
    tables?: { name: string; address: string }[];
  }[];
  /** Workbook-scoped defined names: a reference ("Sheet1!A1") or a constant. */
  names?: { name: string; refersTo?: string; constant?: FakeCellValue; comment?: string; visible?: boolean }[];
  /** Largest request or response one sync may carry (bytes of JSON, UTF-8); default 5 MB like Excel on the web. */
  payloadLimit?: number;
  /** Active sheet name; default the first. */
  active?: string;
  /** Selected range, e.g. "Sheet1!A1:A5" or "A1:A5" on the active sheet; default A1. */
  selection?: string;
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  active = 0;
  selection: { sheet: FakeSheet; area: FakeArea };
  /** Tables of the whole workbook (names are unique across sheets and defined names, as in Excel). */
  readonly tables: FakeTableRec[] = [];
  /** Workbook-scoped defined names. */
  readonly names: FakeNameRec[] = [];
  /** Commands made to fail (see failNext), each consumed by the first command it matches. */
  readonly faults: { match: RegExp; code: string; message: string; skip: number }[] = [];
  readonly payloadLimit: number;
  /** Event handlers registered (and synced) on worksheets or on the worksheet collection. */
  readonly handlers: FakeHandlerRec[] = [];
  /** Events dispatched, in order (a test hook). */
  readonly events: FakeWorksheetChangedEventArgs[] = [];
  private nextId = 1;
  private nextCf = 1;

  constructor(init: FakeWorkbookInit = {}) {
    const specs = init.sheets && init.sheets.length ? init.sheets : [{ name: "Sheet1" }];
    for (const spec of specs) {
      const sheet = this.addSheet(spec.name);
      const at = parseAddress(spec.at ?? "A1");
      if (!at) throw new Error(`bad address ${spec.at}`);
      const { top, left } = at.area;
      if (spec.values) sheet.write(top, left, spec.values);
      spec.formulas?.forEach((row, r) => row.forEach((f, c) => f !== null && sheet.setFormula(top + r, left + c, f)));
      spec.numberFormat?.forEach((row, r) => row.forEach((f, c) => f !== null && sheet.setNumberFormat(top + r, left + c, f)));
      for (const m of spec.merges ?? []) {
        const a = parseAddress(m);
        if (!a) throw new Error(`bad merge ${m}`);
        sheet.merges.push(a.area);
      }
      if (spec.visibility) sheet.visibility = spec.visibility;
      for (const cf of spec.conditionalFormats ?? []) {
        const areas = cf.address.split(",").map((a) => {
          const p = parseAddress(a);
          if (!p) throw new Error(`bad conditional format address ${a}`);
          return p.area;
        });
        sheet.conditionalFormats.push({ id: this.newConditionalFormatId(), type: "Custom", areas, formula: cf.formula, fillColor: cf.fillColor, fontColor: cf.fontColor });
      }
      for (const t of spec.tables ?? []) {
        const p = parseAddress(t.address);
        if (!p) throw new Error(`bad table address ${t.address}`);
        this.checkNewName(t.name);
        this.tables.push({ name: t.name, sheet, area: p.area, hasHeaders: true });
      }
    }
    for (const n of init.names ?? []) {
      this.checkNewName(n.name);
      const rec: FakeNameRec = { name: n.name, comment: n.comment ?? "", visible: n.visible ?? true };
      if (n.refersTo !== undefined) {
        const p = parseAddress(n.refersTo);
        const sheet = p?.sheet !== undefined ? this.sheet(p.sheet) : undefined;
        if (!p || !sheet) throw new Error(`bad name reference ${n.refersTo}`);
        rec.ref = { sheet, area: p.area };
      } else rec.constant = n.constant ?? "";
      this.names.push(rec);
    }
    this.payloadLimit = init.payloadLimit ?? 5 * 1024 * 1024;
    if (init.active) this.active = Math.max(0, this.sheets.findIndex((s) => s.name === init.active));
    this.selection = { sheet: this.sheets[this.active], area: { top: 0, left: 0, bottom: 0, right: 0 } };
    if (init.selection) this.select(init.selection);
  }

  /** Throws as Excel does when `name` is not a valid defined/table name or is already a table or a defined name. */
  checkNewName(name: string, except?: FakeTableRec | FakeNameRec): void {
    if (!isValidExcelName(name)) throw new FakeOfficeError(ErrorCodes.invalidArgument, `The name '${name}' is not valid.`);
    const lower = name.toLowerCase();
    if (this.tables.some((t) => t !== except && t.name.toLowerCase() === lower) || this.names.some((n) => n !== except && n.name.toLowerCase() === lower)) {
      // Real Excel: the code for a clash may differ by host (only real Excel can confirm); the fake says ItemAlreadyExists.
      throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A table or name '${name}' already exists.`);
    }
  }

  /**
   * Makes the next command whose description matches `match` fail with `code`, after letting `skip` matching ones
   * run (a test hook, not office.js).
   */
  failNext(match: RegExp, code: string = ErrorCodes.generalException, message = "There was an internal error while processing the request.", skip = 0): void {
    this.faults.push({ match, code, message, skip });
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    if (this.sheet(n)) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A worksheet named '${n}' already exists.`);
    if (!isValidSheetName(n)) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid worksheet name '${n}'.`);
    const s = new FakeSheet(n, `{${String(this.nextId++).padStart(8, "0")}-0000-0000-0000-000000000000}`);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  deleteSheet(s: FakeSheet): void {
    if (this.sheets.length === 1) throw new FakeOfficeError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
    const i = this.sheets.indexOf(s);
    if (i < 0) throw new FakeOfficeError(ErrorCodes.itemNotFound, "The worksheet was deleted.");
    if (this.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
      throw new FakeOfficeError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
    }
    const activeSheet = this.sheets[this.active];
    this.sheets.splice(i, 1);
    for (let t = this.tables.length - 1; t >= 0; t--) if (this.tables[t].sheet === s) this.tables.splice(t, 1);
    // Names that referred to the sheet now refer to #REF!, as Excel leaves them.
    for (const n of this.names) if (n.ref?.sheet === s) n.ref.sheet = null;
    this.active = Math.max(0, this.sheets.indexOf(activeSheet));
    if (this.selection.sheet === s) this.selection = { sheet: this.sheets[this.active], area: { top: 0, left: 0, bottom: 0, right: 0 } };
  }
  /**
   * Fires WorksheetChanged for a change of `area` on `sheet`, to the handlers of that sheet and of the collection,
   * after the change is applied and asynchronously (never inside the sync that made it). `triggerSource` is
   * "ThisLocalAddin" when this add-in's own code made the change (ExcelApi 1.14), "Unknown" otherwise.
   */
  emitChanged(sheet: FakeSheet, area: FakeArea, changeType: FakeWorksheetChangedEventArgs["changeType"], triggerSource: FakeWorksheetChangedEventArgs["triggerSource"], source: "Local" | "Remote" = "Local"): void {
    const args: FakeWorksheetChangedEventArgs = { type: "WorksheetChanged", worksheetId: sheet.id, address: areaToA1(area), changeType, source, triggerSource };
    const targets = this.handlers.filter((h) => h.scope === "collection" || h.scope === sheet);
    if (targets.length === 0) return;
    this.events.push(args);
    setTimeout(() => {
      for (const h of targets) {
        if (!this.handlers.includes(h)) continue; // removed meanwhile
        void Promise.resolve().then(() => h.handler({ ...args }));
      }
    }, 0);
  }
  /**
   * A user typing into the sheet (not office.js): writes values from the top-left of `address`, read as Excel
   * reads typed input, then fires WorksheetChanged (RangeEdited, source Local or Remote for a co-author).
   */
  edit(address: string, values: readonly (readonly (FakeCellValue | null)[])[], source: "Local" | "Remote" = "Local"): void {
    const p = parseAddress(address);
    if (!p) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid address ${address}`);
    const sheet = p.sheet === undefined ? this.activeSheet : this.sheet(p.sheet);
    if (!sheet) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No worksheet ${p.sheet}`);
    values.forEach((row, r) => row.forEach((v, c) => sheet.enterValue(p.area.top + r, p.area.left + c, v)));
    const cols = Math.max(1, ...values.map((r) => r.length));
    this.emitChanged(sheet, { top: p.area.top, left: p.area.left, bottom: p.area.top + values.length - 1, right: p.area.left + cols - 1 }, "RangeEdited", "Unknown", source);
  }
  newConditionalFormatId(): string {
    return `{CF${String(this.nextCf++).padStart(6, "0")}}`;
  }
  get activeSheet(): FakeSheet {
    return this.sheets[this.active];
  }
  /** Sets the selection (and activates its sheet), as a user clicking would. */
  select(address: string): void {
    const p = parseAddress(address);
    if (!p) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid address ${address}`);
    const sheet = p.sheet === undefined ? this.activeSheet : this.sheet(p.sheet);
    if (!sheet) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No worksheet ${p.sheet}`);
    this.active = this.sheets.indexOf(sheet);
    this.selection = { sheet, area: p.area };
  }
}

// ------------------------------------------------------------------------------------------------- events

/** Excel.WorksheetChangedEventArgs (ExcelApi 1.7; triggerSource 1.14): the fields the fake fills. */
export interface FakeWorksheetChangedEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  /** The changed area, without the sheet ("B3", "A1:C4"). */
  address: string;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted" | "Unknown";
  source: "Local" | "Remote";
  triggerSource: "Unknown" | "ThisLocalAddin";
}

export type FakeChangedHandler = (args: FakeWorksheetChangedEventArgs) => Promise<unknown> | void;

export interface FakeHandlerRec {
  readonly scope: FakeSheet | "collection";
  readonly handler: FakeChangedHandler;
}

/**
 * OfficeExtension.EventHandlers: `add` queues the registration, which takes effect at the next `context.sync()`
 * (office.js registers handlers with the host in the batch); it returns an EventHandlerResult bound to the context.
 */
export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly scope: () => FakeSheet | "collection",
  ) {}
  add(handler: FakeChangedHandler): FakeEventHandlerResult {
    if (typeof handler !== "function") throw new FakeOfficeError(ErrorCodes.invalidArgument, "The handler must be a function.");
    const result = new FakeEventHandlerResult(this.context);
    this.context.enqueue("EventHandlers.add", () => {
      const rec: FakeHandlerRec = { scope: this.scope(), handler };
      this.context.model.handlers.push(rec);
      result.rec = rec;
    });
    return result;
  }
}

/**
 * OfficeExtension.EventHandlerResult: `remove()` must be called in a batch on the context the handler was added
 * with (`Excel.run(result.context, …)`) and takes effect at that context's next sync; called on another context it
 * fails, as office.js says ("use the same RequestContext").
 */
export class FakeEventHandlerResult {
  rec: FakeHandlerRec | undefined;
  constructor(readonly context: FakeRequestContext) {}
  remove(): void {
    if (!this.context.running) {
      throw new FakeOfficeError(ErrorCodes.invalidRequestContext, "Cannot remove the event handler outside a batch on the request context it was added with.");
    }
    this.context.enqueue("EventHandlerResult.remove", () => {
      const list = this.context.model.handlers;
      const i = this.rec ? list.indexOf(this.rec) : -1;
      if (i >= 0) list.splice(i, 1);
    });
  }
}

// ------------------------------------------------------------------------------------------------- the request context

export interface FakeStats {
  /** Excel.run calls. */
  runs: number;
  /** context.sync() calls, including the implicit one Excel.run makes when commands are still queued. */
  syncs: number;
  /** Commands (loads, writes, method calls) sent, over all syncs. */
  commands: number;
  /** Commands per sync, in order. */
  perSync: number[];
  /** Bytes of JSON sent per sync (written values, formulas, addresses), in order. */
  requestBytes: number[];
  /** Bytes of JSON received per sync (loaded properties), in order. */
  responseBytes: number[];
}

type Command = { describe: string; run: () => void; bytes: number };

/** UTF-8 bytes of a value's JSON (what office.js would put on the wire for it). */
export function jsonBytes(v: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    return 0;
  }
  if (json === undefined) return 0;
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3;
  }
  return n;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];
  /** Increments on every sync; proxies use it to tell "loaded and synced" from "load pending". */
  generation = 0;
  /** True while an Excel.run batch on this context runs. */
  running = false;

  constructor(
    readonly model: FakeWorkbookModel,
    readonly stats: FakeStats,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Queues a command; `payload` is what it sends (its JSON size counts toward the request). */
  enqueue(describe: string, run: () => void, payload?: unknown): void {
    this.queue.push({ describe, run, bytes: 64 + (payload === undefined ? 0 : jsonBytes(payload)) });
  }
  /** Loads report what they bring back, for the response size of the running sync. */
  private responseBytes = 0;
  addResponse(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }
  get pending(): number {
    return this.queue.length;
  }

  /** Runs the queued commands in order; the first failure rejects the sync (later commands are dropped). */
  sync<T>(passThroughValue?: T): Promise<T> {
    const batch = this.queue;
    this.queue = [];
    this.stats.syncs++;
    this.stats.commands += batch.length;
    this.stats.perSync.push(batch.length);
    const request = batch.reduce((n, c) => n + c.bytes, 0);
    this.stats.requestBytes.push(request);
    const limit = this.model.payloadLimit;
    return Promise.resolve().then(() => {
      if (request > limit) {
        this.stats.responseBytes.push(0);
        this.generation++;
        throw new FakeOfficeError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size (${request} bytes) has exceeded the limit.`);
      }
      this.responseBytes = 0;
      try {
        for (const cmd of batch) {
          const fault = this.model.faults.findIndex((f) => f.match.test(cmd.describe));
          if (fault >= 0) {
            const f = this.model.faults[fault];
            if (f.skip > 0) f.skip--;
            else {
              this.model.faults.splice(fault, 1);
              throw new FakeOfficeError(f.code, f.message, cmd.describe);
            }
          }
          cmd.run();
        }
      } finally {
        this.generation++;
        this.stats.responseBytes.push(this.responseBytes);
      }
      if (this.responseBytes > limit) {
        throw new FakeOfficeError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`);
      }
      return passThroughValue as T;
    });
  }

  /** Excel's `context.trackedObjects`: a no-op here. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

/** Base of every proxy: `load()` and property gating. */
export abstract class FakeObject {
  /** Values captured at sync, by property name. */
  private loaded = new Map<string, { gen: number; value: unknown }>();
  /** Sync generation when the proxy was made: its null-ness is known only after a later sync. */
  private readonly createdAt: number;

  constructor(readonly context: FakeRequestContext) {
    this.createdAt = context.generation;
  }

  /** Property names `load()` with no argument fetches. */
  protected abstract scalarProps(): readonly string[];
  /** Reads a property from the model; throws FakeOfficeError when the object cannot be resolved. */
  protected abstract snapshot(prop: string): unknown;
  /** True when the object is a null object (…OrNullObject that found nothing). */
  protected resolvesToNull(): boolean {
    return false;
  }

  load(props?: string | string[] | { select?: string | string[] }): this {
    let list: string[];
    if (props === undefined) list = [...this.scalarProps()];
    else if (typeof props === "string") list = props.split(",");
    else if (Array.isArray(props)) list = props;
    else list = typeof props.select === "string" ? props.select.split(",") : props.select ?? [...this.scalarProps()];
    list = list.map((p) => p.trim()).filter(Boolean);
    // "items/name,items/visibility" is one navigation with two sub-properties, as office.js treats it.
    const grouped = new Map<string, string[]>();
    for (const p of list) {
      const slash = p.indexOf("/");
      const top = slash < 0 ? p : p.slice(0, slash);
      const subs = grouped.get(top) ?? [];
      if (slash >= 0) subs.push(p.slice(slash + 1));
      grouped.set(top, subs);
    }
    for (const [top, subs] of grouped) {
      const p = subs.length ? `${top}/${subs.join(",")}` : top;
      this.context.enqueue(`load ${this.constructor.name}.${p}`, () => {
        if (this.resolvesToNull()) return;
        const value = this.snapshot(p);
        if (!(value instanceof FakeObject) && !(Array.isArray(value) && value[0] instanceof FakeObject)) this.context.addResponse(value);
        else this.context.addResponse(p);
        this.loaded.set(top, { gen: this.context.generation, value });
      });
    }
    return this;
  }

  /** Null-ness evaluated now (during a sync), for nested preloads. */
  resolvesToNullNow(): boolean {
    return this.resolvesToNull();
  }

  /** Marks properties as loaded now (collection items are snapshotted during the sync that loads them). */
  preload(props: readonly string[]): void {
    for (const p of props) this.loaded.set(p.trim(), { gen: this.context.generation, value: this.snapshot(p.trim()) });
  }

  /** Gate for reading a loaded property, as office.js does. */
  protected read<T>(prop: string): T {
    const entry = this.loaded.get(prop);
    if (!entry) throw notLoaded(prop);
    return entry.value as T;
  }

  /** `isNullObject` is known once a sync has run after the object was made. */
  get isNullObject(): boolean {
    if (this.context.generation <= this.createdAt) throw notLoaded("isNullObject");
    return this.resolvesToNull();
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.loaded) out[k] = v.value;
    return out;
  }
}

// ------------------------------------------------------------------------------------------------- proxies

type Matrix<T> = T[][];

function fill<T>(area: FakeArea, f: (r: number, c: number) => T): Matrix<T> {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (rows * cols > 5_000_000) throw new FakeOfficeError(ErrorCodes.generalException, "The fake refuses to materialize more than 5,000,000 cells.");
  const out: Matrix<T> = [];
  for (let r = 0; r < rows; r++) {
    const row: T[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = f(area.top + r, area.left + c);
    out.push(row);
  }
  return out;
}

function textOf(v: FakeCellValue): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function valueTypeOf(v: FakeCellValue): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/.test(v)) return "Error";
  return "String";
}

/** Resolves (at sync time) to a sheet and an area, or null for a null object. */
type RangeTarget = () => { sheet: FakeSheet; area: FakeArea } | null;

export class FakeRange extends FakeObject {
  private cached: { gen: number; t: { sheet: FakeSheet; area: FakeArea } | null } | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly target: RangeTarget,
  ) {
    super(context);
  }

  /** The sheet and area, resolved once per sync. */
  resolve(): { sheet: FakeSheet; area: FakeArea } {
    const t = this.resolveOrNull();
    if (!t) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The range is a null object.");
    return t;
  }
  private resolveOrNull(): { sheet: FakeSheet; area: FakeArea } | null {
    if (!this.cached || this.cached.gen !== this.context.generation) this.cached = { gen: this.context.generation, t: this.target() };
    return this.cached.t;
  }
  protected override resolvesToNull(): boolean {
    return this.resolveOrNull() === null;
  }

  protected scalarProps(): readonly string[] {
    return ["address", "addressLocal", "cellCount", "columnCount", "columnIndex", "rowCount", "rowIndex", "values", "text", "formulas", "numberFormat", "valueTypes"];
  }
  protected snapshot(prop: string): unknown {
    const { sheet, area } = this.resolve();
    const cell = (r: number, c: number): FakeCell => sheet.cell(r, c) ?? { value: "" };
    switch (prop) {
      case "address":
      case "addressLocal":
        return fullAddress(sheet.name, area);
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "cellCount":
        return (area.bottom - area.top + 1) * (area.right - area.left + 1);
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "values":
        return fill(area, (r, c) => sheet.cells.valueAt(r, c));
      case "text":
        return fill(area, (r, c) => textOf(cell(r, c).value));
      case "formulas":
      case "formulasLocal":
        return fill(area, (r, c) => cell(r, c).formula ?? cell(r, c).value);
      case "numberFormat":
      case "numberFormatLocal":
        return fill(area, (r, c) => (sheet.cells.plainAt(r, c) ? "General" : cell(r, c).numberFormat ?? "General"));
      case "valueTypes":
        return fill(area, (r, c) => valueTypeOf(cell(r, c).value));
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake Range has no property '${prop}'.`);
    }
  }

  get address(): string { return this.read("address"); }
  get addressLocal(): string { return this.read("addressLocal"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get cellCount(): number { return this.read("cellCount"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get text(): string[][] { return this.read("text"); }
  get valueTypes(): string[][] { return this.read("valueTypes"); }

  get values(): FakeCellValue[][] { return this.read("values"); }
  set values(v: unknown) {
    this.write("values", v, (s, r, c, x) => s.enterValue(r, c, x as FakeCellValue));
  }
  get formulas(): FakeCellValue[][] { return this.read("formulas"); }
  set formulas(v: unknown) {
    this.write("formulas", v, (s, r, c, x) => s.setFormula(r, c, x as FakeCellValue));
  }
  get numberFormat(): string[][] { return this.read("numberFormat"); }
  set numberFormat(v: unknown) {
    this.write("numberFormat", v, (s, r, c, x) => s.setNumberFormat(r, c, x === null ? null : String(x)));
  }

  /** Queues a matrix write; a scalar fills the range; a matrix must match its shape (checked at sync). */
  private write(prop: string, v: unknown, set: (s: FakeSheet, r: number, c: number, x: unknown) => void): void {
    const copy = Array.isArray(v) ? v.map((row) => (Array.isArray(row) ? [...row] : row)) : v;
    this.context.enqueue(`set Range.${prop}`, () => {
      const { sheet, area } = this.resolve();
      const rows = area.bottom - area.top + 1, cols = area.right - area.left + 1;
      // A 1×1 number format applies to every cell of the range (office.js documents the broadcast for numberFormat).
      const broadcast = prop === "numberFormat" && Array.isArray(copy) && copy.length === 1 && Array.isArray(copy[0]) && copy[0].length === 1;
      if (Array.isArray(copy) && !broadcast) {
        if (copy.length !== rows || copy.some((row) => !Array.isArray(row) || row.length !== cols)) {
          throw new FakeOfficeError(ErrorCodes.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`);
        }
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) set(sheet, area.top + r, area.left + c, (copy[r] as unknown[])[c]);
      } else {
        const one = broadcast ? (copy as unknown[][])[0][0] : copy;
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) set(sheet, area.top + r, area.left + c, one);
      }
      // Data written by this add-in fires onChanged too (a format does not: that is onFormatChanged).
      if (prop !== "numberFormat") this.context.model.emitChanged(sheet, area, "RangeEdited", "ThisLocalAddin");
    }, copy);
  }

  /** Relative sub-range helper: a new range computed from this one at sync time. */
  private derived(f: (t: { sheet: FakeSheet; area: FakeArea }) => FakeArea | null): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.resolve();
      const a = f(t);
      if (!a) return null;
      if (a.top < 0 || a.left < 0 || a.bottom >= MAX_ROWS || a.right >= MAX_COLS || a.bottom < a.top || a.right < a.left) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, "The range is outside the worksheet.");
      }
      return { sheet: t.sheet, area: a };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(({ area }) => ({ top: area.top + row, left: area.left + column, bottom: area.top + row, right: area.left + column }));
  }
  getRow(row: number): FakeRange {
    return this.derived(({ area }) => ({ top: area.top + row, bottom: area.top + row, left: area.left, right: area.right }));
  }
  getColumn(column: number): FakeRange {
    return this.derived(({ area }) => ({ top: area.top, bottom: area.bottom, left: area.left + column, right: area.left + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(({ area }) => ({ top: area.top + rowOffset, bottom: area.bottom + rowOffset, left: area.left + columnOffset, right: area.right + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(({ area }) => ({ ...area, bottom: area.bottom + deltaRows, right: area.right + deltaColumns }));
  }
  /** Used part of this range; an empty range gives its top-left cell, as Excel does. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.derived(({ sheet, area }) => intersect(sheet.usedArea(valuesOnly), area) ?? { top: area.top, left: area.left, bottom: area.top, right: area.left });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derived(({ sheet, area }) => intersect(sheet.usedArea(valuesOnly), area) ?? null);
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.resolve().sheet);
  }
  /** Merged areas that meet this range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const { sheet, area } = this.resolve();
      const areas = sheet.merges.filter((m) => intersect(m, area));
      return areas.length ? { sheet, areas } : null;
    });
  }
  merge(across = false): void {
    this.context.enqueue("Range.merge", () => {
      const { sheet, area } = this.resolve();
      const parts = across ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i })) : [area];
      sheet.merges = sheet.merges.filter((m) => !intersect(m, area));
      sheet.merges.push(...parts.filter((a) => a.left !== a.right || a.top !== a.bottom));
    });
  }
  unmerge(): void {
    this.context.enqueue("Range.unmerge", () => {
      const { sheet, area } = this.resolve();
      sheet.merges = sheet.merges.filter((m) => !intersect(m, area));
    });
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, () => {
      const { sheet, area } = this.resolve();
      return { sheet, areas: [area] };
    });
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this.context, () => this.resolve());
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.resolve());
  }
  set hyperlink(v: unknown) {
    this.context.enqueue("set Range.hyperlink", () => {
      const { sheet, area } = this.resolve();
      sheet.formats.push({ area, prop: "hyperlink", value: v });
    }, v);
  }
  select(): void {
    this.context.enqueue("Range.select", () => {
      const { sheet, area } = this.resolve();
      this.context.model.active = this.context.model.sheets.indexOf(sheet);
      this.context.model.selection = { sheet, area };
    });
  }
  clear(): void {
    this.context.enqueue("Range.clear", () => {
      const { sheet, area } = this.resolve();
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) sheet.cells.delete(`${r},${c}`);
      this.context.model.emitChanged(sheet, area, "RangeEdited", "ThisLocalAddin");
    });
  }
}

function intersect(a: FakeArea | undefined, b: FakeArea): FakeArea | undefined {
  if (!a) return undefined;
  const out = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return out.top <= out.bottom && out.left <= out.right ? out : undefined;
}

export class FakeWorksheet extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly target: () => FakeSheet | null,
  ) {
    super(context);
  }
  sheet(): FakeSheet {
    const s = this.target();
    if (!s) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The worksheet is a null object.");
    return s;
  }
  protected override resolvesToNull(): boolean {
    return this.target() === null;
  }
  protected scalarProps(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected snapshot(prop: string): unknown {
    const s = this.sheet();
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.context.model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake Worksheet has no property '${prop}'.`);
    }
  }
  get name(): string { return this.read("name"); }
  set name(v: string) {
    this.context.enqueue("set Worksheet.name", () => {
      const s = this.sheet();
      if (!isValidSheetName(v)) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid worksheet name '${v}'.`);
      const other = this.context.model.sheet(v);
      if (other && other !== s) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A worksheet named '${v}' already exists.`);
      s.name = v;
    });
  }
  get id(): string { return this.read("id"); }
  get position(): number { return this.read("position"); }
  get visibility(): string { return this.read("visibility"); }
  set visibility(v: string) {
    this.context.enqueue("set Worksheet.visibility", () => {
      const s = this.sheet();
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new FakeOfficeError(ErrorCodes.invalidArgument, `Bad visibility ${v}`);
      if (v !== "Visible" && this.context.model.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
        throw new FakeOfficeError(ErrorCodes.invalidOperation, "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = v;
    });
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.sheet());
  }
  /** Worksheet.onChanged (ExcelApi 1.7). */
  get onChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, () => this.sheet());
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, () => this.sheet());
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return {
      freezeRows: (n: number) => this.context.enqueue("Worksheet.freezePanes.freezeRows", () => {
        this.sheet().frozenRows = n;
      }),
    };
  }
  /**
   * Worksheet.autoFilter (ExcelApi 1.9): `apply(range)` turns the sheet's one AutoFilter on over a range (a Range or an
   * address); a range on another sheet is refused. Criteria are not modelled (the add-in sets none).
   */
  get autoFilter(): { apply(range: FakeRange | string): void } {
    return {
      apply: (range: FakeRange | string) =>
        this.context.enqueue("AutoFilter.apply", () => {
          const sheet = this.sheet();
          const r = typeof range === "string" ? this.getRange(range).resolve() : range.resolve();
          if (r.sheet !== sheet) throw new FakeOfficeError(ErrorCodes.invalidArgument, "The AutoFilter range is not on this worksheet.");
          sheet.autoFilter = r.area;
        }),
    };
  }
  /** Several areas at once: "A1:B2, D4" (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const sheet = this.sheet();
      const areas = address.split(",").map((a) => {
        const p = parseAddress(a);
        if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
          throw new FakeOfficeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format: '${a}'.`);
        }
        return p.area;
      });
      return { sheet, areas };
    }, address);
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      if (address === undefined || address === "") return { sheet, area: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const p = parseAddress(address);
      if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format: '${address}'.`);
      }
      return { sheet, area: p.area };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), area: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } }));
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, area: sheet.usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      const a = sheet.usedArea(valuesOnly);
      return a ? { sheet, area: a } : null;
    });
  }
  activate(): void {
    this.context.enqueue("Worksheet.activate", () => {
      const model = this.context.model;
      const s = this.sheet();
      model.active = model.sheets.indexOf(s);
      if (model.selection.sheet !== s) model.selection = { sheet: s, area: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  delete(): void {
    this.context.enqueue("Worksheet.delete", () => this.context.model.deleteSheet(this.sheet()));
  }
}

export class FakeWorksheetCollection extends FakeObject {
  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected snapshot(prop: string): unknown {
    if (prop.split("/")[0] !== "items") throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake WorksheetCollection has no property '${prop}'.`);
    // Each item is a worksheet proxy whose requested sub-properties are loaded now.
    const sub = prop.includes("/") ? prop.slice(prop.indexOf("/") + 1) : undefined;
    return this.context.model.sheets.map((s) => {
      const ws = new FakeWorksheet(this.context, () => s);
      ws.preload(sub ? sub.split(",") : ["name", "id", "position", "visibility"]);
      return ws;
    });
  }
  get items(): FakeWorksheet[] { return this.read("items"); }
  /** WorksheetCollection.onChanged (ExcelApi 1.9): changes on any sheet, new ones included. */
  get onChanged(): FakeEventHandlers {
    return new FakeEventHandlers(this.context, () => "collection");
  }

  // Like office.js, a worksheet proxy keeps referring to the sheet it first resolved to, even after a rename.
  getItem(key: string): FakeWorksheet {
    let found: FakeSheet | undefined;
    return new FakeWorksheet(this.context, () => {
      const s = (found ??= this.context.model.sheet(key) ?? this.context.model.sheets.find((x) => x.id === key));
      if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist: worksheet '${key}'.`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    let found: FakeSheet | undefined;
    return new FakeWorksheet(this.context, () => (found ??= this.context.model.sheet(key) ?? this.context.model.sheets.find((x) => x.id === key)) ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    let s: FakeSheet | undefined;
    return new FakeWorksheet(this.context, () => (s ??= this.context.model.activeSheet));
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.enqueue("WorksheetCollection.add", () => {
      created = this.context.model.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The worksheet was not created.");
      return created;
    });
  }
  getCount(): { value: number } {
    const result = { value: NaN };
    const gen = this.context.generation;
    let v: number | undefined;
    this.context.enqueue("WorksheetCollection.getCount", () => {
      v = this.context.model.sheets.length;
    });
    Object.defineProperty(result, "value", {
      get: () => {
        if (v === undefined || this.context.generation === gen) throw notLoaded("value");
        return v;
      },
    });
    return result;
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  /** Every table of the workbook (ExcelApi 1.1). */
  readonly tables: FakeTableCollection;
  /** Workbook-scoped defined names (ExcelApi 1.1; add, comment and getItemOrNullObject 1.4; formula 1.7). */
  readonly names: FakeNamedItemCollection;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.names = new FakeNamedItemCollection(context);
  }
  protected scalarProps(): readonly string[] {
    return ["name"];
  }
  protected snapshot(prop: string): unknown {
    if (prop === "name") return "Book1.xlsx";
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake Workbook has no property '${prop}'.`);
  }
  get name(): string { return this.read("name"); }

  getSelectedRange(): FakeRange {
    let sel: { sheet: FakeSheet; area: FakeArea } | undefined;
    return new FakeRange(this.context, () => (sel ??= { ...this.context.model.selection }));
  }
  getActiveCell(): FakeRange {
    let sel: { sheet: FakeSheet; area: FakeArea } | undefined;
    return new FakeRange(this.context, () => {
      const s = (sel ??= { ...this.context.model.selection });
      return { sheet: s.sheet, area: { top: s.area.top, left: s.area.left, bottom: s.area.top, right: s.area.left } };
    });
  }
}

// ------------------------------------------------------------------------------------------------- areas, formats, tables, charts

/** Walks "a/b/c" through navigation getters and preloads the last property (collection items at sync). */
function preloadPath(obj: unknown, path: string): void {
  const parts = path.split("/");
  let o: unknown = obj;
  for (const part of parts.slice(0, -1)) {
    if (!(o instanceof FakeObject)) return;
    if (o.resolvesToNullNow()) return;
    o = (o as unknown as Record<string, unknown>)[part];
  }
  if (o instanceof FakeObject && !o.resolvesToNullNow()) o.preload([parts[parts.length - 1]]);
}

/** Several areas of one sheet (RangeAreas): merged areas, getRanges. */
export class FakeRangeAreas extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly target: () => { sheet: FakeSheet; areas: FakeArea[] } | null,
    payload?: unknown,
  ) {
    super(context);
    if (payload !== undefined) context.enqueue("getRanges", () => undefined, payload);
  }
  resolve(): { sheet: FakeSheet; areas: FakeArea[] } {
    const t = this.target();
    if (!t) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The range areas object is a null object.");
    return t;
  }
  protected override resolvesToNull(): boolean {
    return this.target() === null;
  }
  protected scalarProps(): readonly string[] {
    return ["address", "areaCount"];
  }
  protected snapshot(prop: string): unknown {
    const { sheet, areas } = this.resolve();
    if (prop === "address") return areas.map((a) => fullAddress(sheet.name, a)).join(",");
    if (prop === "areaCount") return areas.length;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake RangeAreas has no property '${prop}'.`);
  }
  get address(): string { return this.read("address"); }
  get areaCount(): number { return this.read("areaCount"); }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, () => this.resolve());
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => {
      const { sheet, areas } = this.resolve();
      return { sheet, area: areas[0] };
    });
  }
}

export class FakeConditionalFormatCollection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly target: () => { sheet: FakeSheet; areas: FakeArea[] },
  ) {
    super(context);
  }
  private matching(): { sheet: FakeSheet; recs: FakeConditionalFormatRec[] } {
    const { sheet, areas } = this.target();
    return { sheet, recs: sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => areas.some((b) => intersect(a, b)))) };
  }
  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected snapshot(prop: string): unknown {
    const [top, ...rest] = prop.split("/");
    if (top === "count") return this.matching().recs.length;
    if (top !== "items") throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake ConditionalFormatCollection has no property '${prop}'.`);
    const subs = rest.length ? rest.join("/").split(",") : ["id", "type", "priority"];
    const { sheet, recs } = this.matching();
    return recs.map((rec) => {
      const cf = new FakeConditionalFormat(this.context, () => sheet, () => rec);
      for (const sub of subs) preloadPath(cf, sub);
      return cf;
    });
  }
  get items(): FakeConditionalFormat[] { return this.read("items"); }
  get count(): number { return this.read("count"); }

  /** Adds a conditional format over the collection's areas (created at sync). */
  add(type: string): FakeConditionalFormat {
    let rec: FakeConditionalFormatRec | undefined;
    let sheet: FakeSheet | undefined;
    this.context.enqueue("ConditionalFormatCollection.add", () => {
      const t = this.target();
      sheet = t.sheet;
      const normalized = type.charAt(0).toUpperCase() + type.slice(1);
      rec = { id: this.context.model.newConditionalFormatId(), type: normalized, areas: t.areas.map((a) => ({ ...a })) };
      t.sheet.conditionalFormats.push(rec);
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!sheet) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The conditional format was not created.");
      return sheet;
    }, () => {
      if (!rec) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The conditional format was not created.");
      return rec;
    });
  }
}

export class FakeConditionalFormat extends FakeObject {
  private customNav?: FakeCustomConditionalFormat;
  private customOrNullNav?: FakeCustomConditionalFormat;
  constructor(
    context: FakeRequestContext,
    private readonly sheetOf: () => FakeSheet,
    private readonly rec: () => FakeConditionalFormatRec,
  ) {
    super(context);
  }
  protected scalarProps(): readonly string[] {
    return ["id", "type", "priority"];
  }
  protected snapshot(prop: string): unknown {
    const rec = this.rec();
    if (prop === "id") return rec.id;
    if (prop === "type") return rec.type;
    if (prop === "priority") return this.sheetOf().conditionalFormats.indexOf(rec);
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake ConditionalFormat has no property '${prop}'.`);
  }
  get id(): string { return this.read("id"); }
  get type(): string { return this.read("type"); }
  get priority(): number { return this.read("priority"); }
  get custom(): FakeCustomConditionalFormat {
    return (this.customNav ??= new FakeCustomConditionalFormat(this.context, () => {
      const rec = this.rec();
      if (rec.type !== "Custom") throw new FakeOfficeError(ErrorCodes.invalidOperation, "The conditional format is not a custom one.");
      return rec;
    }));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return (this.customOrNullNav ??= new FakeCustomConditionalFormat(this.context, () => {
      const rec = this.rec();
      return rec.type === "Custom" ? rec : null;
    }));
  }
  delete(): void {
    this.context.enqueue("ConditionalFormat.delete", () => {
      const list = this.sheetOf().conditionalFormats;
      const i = list.indexOf(this.rec());
      if (i >= 0) list.splice(i, 1);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly rec: () => FakeConditionalFormatRec | null,
  ) {
    super(context);
  }
  need(): FakeConditionalFormatRec {
    const r = this.rec();
    if (!r) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The custom conditional format is a null object.");
    return r;
  }
  protected override resolvesToNull(): boolean {
    return this.rec() === null;
  }
  protected scalarProps(): readonly string[] {
    return [];
  }
  protected snapshot(prop: string): unknown {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake CustomConditionalFormat has no property '${prop}'.`);
  }
  private ruleNav?: FakeConditionalFormatRule;
  get rule(): FakeConditionalFormatRule {
    return (this.ruleNav ??= new FakeConditionalFormatRule(this.context, () => this.need()));
  }
  get format(): { fill: { color: string }; font: { color: string } } {
    const set = (field: "fillColor" | "fontColor") => (v: string) => this.context.enqueue(`set CF.${field}`, () => {
      this.need()[field] = v;
    });
    const fill = {} as { color: string };
    const font = {} as { color: string };
    Object.defineProperty(fill, "color", { set: set("fillColor"), get: () => this.need().fillColor ?? "" });
    Object.defineProperty(font, "color", { set: set("fontColor"), get: () => this.need().fontColor ?? "" });
    return { fill, font };
  }
}

export class FakeConditionalFormatRule extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly rec: () => FakeConditionalFormatRec,
  ) {
    super(context);
  }
  protected scalarProps(): readonly string[] {
    return ["formula"];
  }
  protected snapshot(prop: string): unknown {
    if (prop === "formula" || prop === "formulaLocal") return this.rec().formula ?? "";
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake ConditionalFormatRule has no property '${prop}'.`);
  }
  get formula(): string { return this.read("formula"); }
  set formula(v: string) {
    this.context.enqueue("set ConditionalFormatRule.formula", () => {
      this.rec().formula = v;
    }, v);
  }
}

export class FakeDataValidation {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly target: () => { sheet: FakeSheet; area: FakeArea },
  ) {}
  set rule(rule: unknown) {
    this.context.enqueue("set DataValidation.rule", () => {
      const { sheet, area } = this.target();
      sheet.validations = sheet.validations.filter((v) => !intersect(v.area, area));
      sheet.validations.push({ area, rule });
    }, rule);
  }
  clear(): void {
    this.context.enqueue("DataValidation.clear", () => {
      const { sheet, area } = this.target();
      sheet.validations = sheet.validations.filter((v) => !intersect(v.area, area));
    });
  }
}

/** Range formatting: recorded in FakeSheet.formats, never rendered. */
export class FakeRangeFormat {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly target: () => { sheet: FakeSheet; area: FakeArea },
  ) {}
  private record(prop: string, value: unknown): void {
    this.context.enqueue(`set format.${prop}`, () => {
      const { sheet, area } = this.target();
      sheet.formats.push({ area, prop, value });
    }, value);
  }
  private part(name: string, props: readonly string[]): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const p of props) Object.defineProperty(o, p, { set: (v: unknown) => this.record(`${name}.${p}`, v), enumerable: true });
    return o;
  }
  get font(): Record<string, unknown> { return this.part("font", ["bold", "color", "size", "italic", "name"]); }
  get fill(): Record<string, unknown> { return this.part("fill", ["color"]); }
  set columnWidth(v: number) { this.record("columnWidth", v); }
  set rowHeight(v: number) { this.record("rowHeight", v); }
  set wrapText(v: boolean) { this.record("wrapText", v); }
  set horizontalAlignment(v: string) { this.record("horizontalAlignment", v); }
  set verticalAlignment(v: string) { this.record("verticalAlignment", v); }
  autofitColumns(): void { this.record("autofitColumns", true); }
  autofitRows(): void { this.record("autofitRows", true); }
}

export class FakeTable extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly rec: () => FakeTableRec | null,
  ) {
    super(context);
  }
  need(): FakeTableRec {
    const r = this.rec();
    if (!r) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The table is a null object.");
    return r;
  }
  protected override resolvesToNull(): boolean {
    return this.rec() === null;
  }
  protected scalarProps(): readonly string[] {
    return ["name", "style", "showHeaders"];
  }
  protected snapshot(prop: string): unknown {
    const t = this.need();
    if (prop === "name") return t.name;
    if (prop === "style") return t.style ?? "TableStyleMedium2";
    if (prop === "showHeaders") return t.hasHeaders;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake Table has no property '${prop}'.`);
  }
  get name(): string { return this.read("name"); }
  set name(v: string) {
    this.context.enqueue("set Table.name", () => {
      const t = this.need();
      // Table names share one namespace with defined names, and follow the same rules (isValidExcelName).
      this.context.model.checkNewName(v, t);
      t.name = v;
    });
  }
  set style(v: string) {
    this.context.enqueue("set Table.style", () => {
      this.need().style = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.need();
      return { sheet: t.sheet, area: t.area };
    });
  }
  delete(): void {
    this.context.enqueue("Table.delete", () => {
      const i = this.context.model.tables.indexOf(this.need());
      if (i >= 0) this.context.model.tables.splice(i, 1);
    });
  }
}

/** A sheet's tables, or the whole workbook's (`context.workbook.tables`, ExcelApi 1.1) when `sheetOf` is null. */
export class FakeTableCollection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheetOf: (() => FakeSheet) | null,
  ) {
    super(context);
  }
  private sheetNeeded(): FakeSheet {
    if (!this.sheetOf) throw new FakeOfficeError(ErrorCodes.invalidArgument, "The fake adds tables through a worksheet's collection only.");
    return this.sheetOf();
  }
  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected snapshot(prop: string): unknown {
    const [top, ...rest] = prop.split("/");
    if (top !== "items") throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake TableCollection has no property '${prop}'.`);
    const sheet = this.sheetOf ? this.sheetOf() : null;
    return this.context.model.tables
      .filter((t) => sheet === null || t.sheet === sheet)
      .map((rec) => {
        const t = new FakeTable(this.context, () => rec);
        t.preload(rest.length ? rest.join("/").split(",") : ["name"]);
        return t;
      });
  }
  get items(): FakeTable[] { return this.read("items"); }
  /** A table over `address` on this sheet; it must not overlap another table. */
  add(address: string, hasHeaders: boolean): FakeTable {
    let rec: FakeTableRec | undefined;
    this.context.enqueue("TableCollection.add", () => {
      const sheet = this.sheetNeeded();
      const p = parseAddress(address);
      if (!p) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Bad table address ${address}`);
      const model = this.context.model;
      if (model.tables.some((t) => t.sheet === sheet && intersect(t.area, p.area))) {
        throw new FakeOfficeError(ErrorCodes.invalidOperation, "A table can't overlap another table.");
      }
      let n = model.tables.length + 1;
      const taken = (x: string): boolean => model.tables.some((t) => t.name.toLowerCase() === x.toLowerCase()) || model.names.some((d) => d.name.toLowerCase() === x.toLowerCase());
      while (taken(`Table${n}`)) n++;
      rec = { name: `Table${n}`, sheet, area: p.area, hasHeaders };
      model.tables.push(rec);
    }, address);
    return new FakeTable(this.context, () => rec ?? null);
  }
  private find(name: string): FakeTableRec | null {
    return this.context.model.tables.find((t) => (!this.sheetOf || t.sheet === this.sheetOf()) && t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this.find(name);
      if (!t) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist: table '${name}'.`);
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, () => this.find(name));
  }
}

export class FakeChart extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly rec: () => FakeChartRec,
  ) {
    super(context);
  }
  protected scalarProps(): readonly string[] {
    return ["name", "chartType"];
  }
  protected snapshot(prop: string): unknown {
    if (prop === "name") return this.rec().name;
    if (prop === "chartType") return this.rec().type;
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake Chart has no property '${prop}'.`);
  }
  get name(): string { return this.read("name"); }
  set name(v: string) {
    this.context.enqueue("set Chart.name", () => {
      this.rec().name = v;
    });
  }
  get title(): { text: string } {
    const o = {} as { text: string };
    Object.defineProperty(o, "text", { set: (v: string) => this.context.enqueue("set Chart.title", () => { this.rec().title = v; }, v) });
    return o;
  }
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue("Chart.setPosition", () => undefined, [startCell, endCell]);
  }
  set top(_v: number) { this.context.enqueue("set Chart.top", () => undefined); }
  set left(_v: number) { this.context.enqueue("set Chart.left", () => undefined); }
  set width(_v: number) { this.context.enqueue("set Chart.width", () => undefined); }
  set height(_v: number) { this.context.enqueue("set Chart.height", () => undefined); }
}

export class FakeChartCollection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheetOf: () => FakeSheet,
  ) {
    super(context);
  }
  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected snapshot(prop: string): unknown {
    if (prop.split("/")[0] !== "items") throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake ChartCollection has no property '${prop}'.`);
    return this.sheetOf().charts.map((rec) => {
      const c = new FakeChart(this.context, () => rec);
      c.preload(["name"]);
      return c;
    });
  }
  get items(): FakeChart[] { return this.read("items"); }
  /** A chart of `source` (a range on any sheet). */
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let rec: FakeChartRec | undefined;
    this.context.enqueue("ChartCollection.add", () => {
      const sheet = this.sheetOf();
      const src = source.resolve();
      rec = { name: `Chart ${sheet.charts.length + 1}`, type, source: fullAddress(src.sheet.name, src.area), seriesBy };
      sheet.charts.push(rec);
    });
    return new FakeChart(this.context, () => {
      if (!rec) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The chart was not created.");
      return rec;
    });
  }
}

// ------------------------------------------------------------------------------------------------- defined names

/** How Excel prints a name's reference: ='Sheet'!$A$1, or =#REF!$A$1 once the sheet is gone. */
function nameFormula(rec: FakeNameRec): string {
  if (rec.ref) {
    const a = rec.ref.area;
    const abs = areaToA1(a).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return rec.ref.sheet ? `=${quoteSheet(rec.ref.sheet.name)}!${abs}` : `=#REF!${abs}`;
  }
  const c = rec.constant ?? "";
  return typeof c === "string" ? `="${c.replace(/"/g, '""')}"` : `=${textOf(c)}`;
}

export class FakeNamedItem extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly rec: () => FakeNameRec | null,
  ) {
    super(context);
  }
  need(): FakeNameRec {
    const r = this.rec();
    if (!r) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The named item is a null object.");
    return r;
  }
  protected override resolvesToNull(): boolean {
    return this.rec() === null;
  }
  protected scalarProps(): readonly string[] {
    return ["name", "type", "value", "formula", "comment", "visible"];
  }
  /**
   * type: "Range" for a live reference, "Error" for #REF!, else the constant's type. value: for a range, its address
   * (office.js: "For a named range, it will return the range address"); #REF! once the sheet is gone; else the
   * constant. How real Excel prints a deleted reference's value may differ (only real Excel can confirm).
   */
  protected snapshot(prop: string): unknown {
    const r = this.need();
    switch (prop) {
      case "name":
        return r.name;
      case "comment":
        return r.comment;
      case "visible":
        return r.visible;
      case "formula":
        return nameFormula(r);
      case "type":
        if (r.ref) return r.ref.sheet ? "Range" : "Error";
        return typeof r.constant === "number" ? "Double" : typeof r.constant === "boolean" ? "Boolean" : "String";
      case "value":
        if (r.ref) return r.ref.sheet ? nameFormula(r).slice(1) : "#REF!";
        return r.constant ?? "";
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake NamedItem has no property '${prop}'.`);
    }
  }
  get name(): string { return this.read("name"); }
  get type(): string { return this.read("type"); }
  get value(): unknown { return this.read("value"); }
  get formula(): string { return this.read("formula"); }
  get comment(): string { return this.read("comment"); }
  set comment(v: string) {
    this.context.enqueue("set NamedItem.comment", () => {
      this.need().comment = v;
    }, v);
  }
  get visible(): boolean { return this.read("visible"); }
  set visible(v: boolean) {
    this.context.enqueue("set NamedItem.visible", () => {
      this.need().visible = v;
    });
  }
  delete(): void {
    this.context.enqueue("NamedItem.delete", () => {
      const list = this.context.model.names;
      const i = list.indexOf(this.need());
      if (i >= 0) list.splice(i, 1);
    });
  }
}

export class FakeNamedItemCollection extends FakeObject {
  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected snapshot(prop: string): unknown {
    const [top, ...rest] = prop.split("/");
    if (top !== "items") throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake NamedItemCollection has no property '${prop}'.`);
    const subs = rest.length ? rest.join("/").split(",") : ["name", "type", "value", "comment", "visible"];
    return this.context.model.names.map((rec) => {
      const n = new FakeNamedItem(this.context, () => rec);
      n.preload(subs);
      return n;
    });
  }
  get items(): FakeNamedItem[] { return this.read("items"); }
  private find(name: string): FakeNameRec | null {
    const lower = name.toLowerCase();
    return this.context.model.names.find((n) => n.name.toLowerCase() === lower) ?? null;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      const r = this.find(name);
      if (!r) throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist: name '${name}'.`);
      return r;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name));
  }
  /**
   * Adds a workbook-scoped name (ExcelApi 1.4): `reference` is a Range or a formula text (a constant "=\"x\"" or an
   * address "=Sheet1!$A$1"). The name must be valid and free among names and tables.
   */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let rec: FakeNameRec | undefined;
    this.context.enqueue("NamedItemCollection.add", () => {
      const model = this.context.model;
      model.checkNewName(name);
      const r: FakeNameRec = { name, comment: comment ?? "", visible: true };
      if (reference instanceof FakeRange) {
        const t = reference.resolve();
        r.ref = { sheet: t.sheet, area: { ...t.area } };
      } else {
        const body = reference.startsWith("=") ? reference.slice(1) : reference;
        const str = /^"((?:[^"]|"")*)"$/.exec(body);
        const p = str ? undefined : parseAddress(body);
        const sheet = p?.sheet !== undefined ? model.sheet(p.sheet) : undefined;
        if (str) r.constant = str[1].replace(/""/g, '"');
        else if (p && sheet) r.ref = { sheet, area: p.area };
        else if (/^-?\d+(\.\d+)?$/.test(body)) r.constant = Number(body);
        else throw new FakeOfficeError(ErrorCodes.invalidArgument, `The fake cannot read the reference '${reference}'.`);
      }
      model.names.push(r);
      rec = r;
    }, [name, typeof reference === "string" ? reference : "range", comment ?? ""]);
    return new FakeNamedItem(this.context, () => {
      if (!rec) throw new FakeOfficeError(ErrorCodes.invalidObjectPath, "The name was not created.");
      return rec;
    });
  }
}

// ------------------------------------------------------------------------------------------------- Excel namespace

export interface FakeExcel {
  /** What `globalThis.Excel` becomes. */
  readonly Excel: {
    run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
    run<T>(context: FakeRequestContext, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
    readonly ErrorCodes: typeof ErrorCodes;
    readonly RequestContext: typeof FakeRequestContext;
  };
  readonly model: FakeWorkbookModel;
  readonly stats: FakeStats;
  /** Zeroes the counters (between test steps). */
  resetStats(): void;
}

/** A fake Excel over a new workbook. */
export function createFakeExcel(init: FakeWorkbookInit = {}): FakeExcel {
  const model = new FakeWorkbookModel(init);
  const stats: FakeStats = { runs: 0, syncs: 0, commands: 0, perSync: [], requestBytes: [], responseBytes: [] };
  const Excel = {
    /** Excel.run(batch) on a new context, or Excel.run(context, batch) on an existing one (to remove a handler). */
    async run<T>(a: FakeRequestContext | ((context: FakeRequestContext) => Promise<T>), b?: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      stats.runs++;
      const ctx = a instanceof FakeRequestContext ? a : new FakeRequestContext(model, stats);
      const batch = a instanceof FakeRequestContext ? b : a;
      if (typeof batch !== "function") throw new FakeOfficeError(ErrorCodes.invalidArgument, "Excel.run needs a batch function.");
      ctx.running = true;
      try {
        const result = await batch(ctx);
        // office.js sends what is still queued when the batch returns.
        if (ctx.pending > 0) await ctx.sync();
        return result;
      } finally {
        ctx.running = false;
      }
    },
    ErrorCodes,
    RequestContext: FakeRequestContext,
  };
  return {
    Excel,
    model,
    stats,
    resetStats() {
      stats.runs = 0;
      stats.syncs = 0;
      stats.commands = 0;
      stats.perSync.length = 0;
      stats.requestBytes.length = 0;
      stats.responseBytes.length = 0;
    },
  };
}

/** Creates a fake and sets `target.Excel` (globalThis in jest, window in the browser). Returns the fake. */
export function installFakeExcel(target: { Excel?: unknown }, init: FakeWorkbookInit = {}): FakeExcel {
  const fake = createFakeExcel(init);
  target.Excel = fake.Excel;
  return fake;
}
