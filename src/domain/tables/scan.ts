/**
 * Shared scanning helpers of table recognition: the grid with its merged areas (SheetGrid: cell access, blank tests,
 * normalised labels, Refs made on demand), the label memos and the small readers every block reader uses.
 */
import { a1, type CellValue, columnLetters, type Grid, isCellError } from "../grid";
import { cleanText, compactLabel, isIdeograph } from "../text";
import { formatDecimals, isNotApplicableMark, isPercentFormat, readNumber } from "../value/number";
import { type BudgetField, type IndicatorField, type Ref } from "./model";
import { categoryOfLevel2, level1CategoryOf, matchBudgetField, matchIndicatorField, normalizeHeader } from "./synonyms";
import { memoByText } from "../memo";
import { TRADITIONAL_CHARS, toSimplified } from "./traditional";

/** True when a text holds an ASCII or full-width digit (a weight may be written in it). */
export function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Cols<F extends string> = Partial<Record<F, number>>;

/** Texts longer than this are never header words, labels or evidence. */
export const MAX_LABEL = 40;
/** Blank rows in a row that end a table body. */
export const MAX_BLANK_RUN = 3;
/** A 三级 name that is a template leftover: "指标2:", "……", "**", "XX", "指标1:/". */
export const PLACEHOLDER_NAME = /^(?:指标\d*[:.、]?)?[…．.。·\-—_/\\*xX×?？]*$/;
export const ONLY_SPACE = /^[\s\u00a0\u200b\ufeff\u3000]*$/;

/** A name starting with an ideograph other than 指 is not a template leftover (most names): no expression needed. */
export function mayBePlaceholderName(name: string): boolean {
  const first = name.charCodeAt(0);
  return !isIdeograph(first) || first === 0x6307; // 指
}
export const NEEDS_CLEAN = /[\s\u00a0\u200b\ufeff\u3000\uff01-\uff5e]/;
/** Strings without these characters normalise to themselves (lower-cased): the fast path of `norm`. */
export const NEEDS_NORMALIZE = new RegExp(`[\\s\\u00a0\\u200b\\ufeff\\u3000\\uff01-\\uff5e()[\\]{}<>:、.*★☆※${TRADITIONAL_CHARS}]`);

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/**
 * Points (分值/得分) of a cell: a plain figure ("10", "１０", "10分"), or a percentage of the table's 100 points
 * ("20%" in a 分值/权重 column is 20 points, not 0.2); undefined otherwise.
 */
export function readPoints(v: CellValue, numberFormat?: string | null): number | undefined {
  if (v === null) return undefined;
  // A plain number (the usual weight or score) needs no NumberReading.
  if (typeof v === "number") {
    if (!Number.isFinite(v) || Math.abs(v) > MAX_POINTS) return undefined;
    return isPercentFormat(numberFormat) ? round6(v * 100) : v + 0;
  }
  const n = readNumber(v, numberFormat);
  if (!n || !Number.isFinite(n.value) || Math.abs(n.value) > MAX_POINTS) return undefined;
  return n.percent ? round6(n.value * 100) : n.value;
}

/** No 分值 or 得分 is above this: a larger figure (1e308 typed into a 得分 cell) is not points, and sums stay finite. */
export const MAX_POINTS = 1e6;

/** Six decimals: 0.2 × 100 is 20, not 20.000000000000004. */
export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A number under a percent format as the sheet shows it: 1 with "0.00%" → "100.00%" (what a person reads). */
export function percentText(v: number, format: string): string {
  if (!Number.isFinite(v)) return "";
  const d = formatDecimals(format) ?? 0;
  return (v * 100).toFixed(Math.min(10, d)) + "%";
}

/** Whitespace of any kind, or the empty string's NaN: the first character of a string that may be blank. */
export function isSpaceLike(code: number): boolean {
  return !(code > 0x20) || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x1680 && code <= 0x205f);
}

/**
 * Cleaned texts of long strings, by the string: a row's cells are read again each time a field is asked for (no
 * cell model is kept), and cleaning a 100,000-character cell takes milliseconds; short texts clean in nanoseconds.
 * Bounded by the characters held.
 */
export const LONG_TEXT = 256;
const LONG_TEXT_BUDGET = 1 << 22;
const longTexts = new Map<string, string>();
let longTextChars = 0;

function cleanLong(v: string): string {
  let t = longTexts.get(v);
  if (t === undefined) {
    t = NEEDS_CLEAN.test(v) ? cleanText(v) : v;
    if (longTextChars + t.length > LONG_TEXT_BUDGET) {
      longTexts.clear();
      longTextChars = 0;
    }
    longTexts.set(v, t);
    longTextChars += t.length;
  }
  return t;
}

export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.length > LONG_TEXT ? cleanLong(v) : cleanText(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return isCellError(v) ? v.error : "";
}

/** A 二级 label that names a cost: 经济成本… (the 成本指标 framework) or 成本指标 under 产出 (the classic one). */
export function costKindOfLevel2(text: string): "level1" | "classic" | undefined {
  const l2 = normalizeHeader(text);
  if (/经济成本|社会成本|生态环境成本|环境成本/.test(l2)) return "level1";
  return l2.startsWith("成本") ? "classic" : undefined;
}

// Category answers by label text, shared by every table (module-level: closures made per call would change
// the call target of the hot loops below at every table, and V8 would deoptimize them).
export const level1CategoryMemo = memoByText(level1CategoryOf, 10_000);
export const level2CostMemo = memoByText(costKindOfLevel2, 10_000);
export const level2CategoryMemo = memoByText((t) => categoryOfLevel2(t, false), 10_000);
export const level2CategoryCostMemo = memoByText((t) => categoryOfLevel2(t, true), 10_000);

// Labels repeat across the sheets and workbooks of a run (一级指标, 指标值 …): these answers are kept for all.
export const normalizeHeaderMemo = memoByText(normalizeHeader, 50_000, MAX_LABEL);

/** A label normalized for matching (see normalizeHeader); "" for long texts, which are never labels. */
export function normLabel(v: string): string {
  if (v.length > MAX_LABEL) return "";
  if (!NEEDS_NORMALIZE.test(v)) return /[A-Z]/.test(v) ? v.toLowerCase() : v;
  return normalizeHeaderMemo(v);
}

/** True when a cell's text is an indicator or budget-list header word. */
export const isHeaderWordMemo = memoByText((v: string): boolean => {
  const t = normLabel(v);
  return t !== "" && (matchIndicatorField(t) !== undefined || matchBudgetField(t) !== undefined);
}, 50_000, MAX_LABEL);

export function isNotApplicable(text: string): boolean {
  if (text === "" || text.length > 4) return false;
  const first = text.charCodeAt(0);
  return !(first >= 0x30 && first <= 0x39) && isNotApplicableMark(text); // a figure is never a mark
}

export function meaningful(x: Ref | undefined): boolean {
  return x !== undefined && x.text !== "" && !isNotApplicable(x.text);
}

export interface Pos {
  readonly r: number;
  readonly c: number;
}

export interface Hit<F> {
  readonly c: number;
  readonly field: F;
  readonly weak: boolean;
}

export interface IndicatorHeader {
  readonly kind: "indicator";
  readonly r: number;
  readonly hits: readonly Hit<IndicatorField>[];
  /** The tree layout (tree.ts): the 三级 column also holds the 一级/二级 labels, on rows of their own. */
  readonly tree?: boolean;
  /** A header split over this row and one below it, neither a header alone (headers.ts joinedWithNext): its rows. */
  readonly rows?: number;
}

export interface BudgetHeader {
  readonly kind: "budget";
  readonly r: number;
  readonly hits: readonly Hit<BudgetField>[];
}

export type HeaderCand = IndicatorHeader | BudgetHeader;

export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const VALUE_FIELDS: readonly IndicatorField[] = ["target", "actual", "weight", "score", "sign", "unit"];
/** Header of a serial-number column left of the fields (not a label zone). */
export const SERIAL_HEADER = /^(?:序号|编号|行次|行号|序|no)$/;
export const AMOUNT_FIELDS: readonly BudgetField[] = ["amount", "declared", "approved"];

// ---------------------------------------------------------------------------------------------------------------

/**
 * A Ref with a fixed shape: recognition allocates one per cell of every indicator row, and objects built with
 * all their fields at once are markedly cheaper for V8 than literals that grow optional fields. The usual
 * cell (no number format, not filled down) carries only its four fields: every row keeps its Refs, so their
 * size is what the garbage collector copies.
 */
export class CellRef implements Ref {
  constructor(
    readonly value: CellValue,
    readonly text: string,
    readonly row: number,
    readonly col: number,
  ) {}

  /** Built when asked for: most cells are never quoted in an issue. */
  get address(): string {
    return a1(this.row, this.col);
  }

  /** Plain data for JSON and spreads (a getter is not an own property). */
  toJSON(): Ref {
    return { value: this.value, text: this.text, address: this.address, row: this.row, col: this.col };
  }
}

/** A cell with a number format, or filled down from the cell named in `from`. */
export class FormattedRef extends CellRef {
  constructor(
    value: CellValue,
    text: string,
    row: number,
    col: number,
    readonly numberFormat: string | null | undefined,
    readonly filled: true | undefined,
    readonly from: string | undefined,
  ) {
    super(value, text, row, col);
  }

  override toJSON(): Ref {
    return { ...super.toJSON(), ...(this.numberFormat !== undefined ? { numberFormat: this.numberFormat } : {}), ...(this.filled ? { filled: true, from: this.from } : {}) };
  }
}

export class SheetGrid {
  readonly g: Grid;

  readonly sheet: string;

  readonly values: readonly (readonly CellValue[])[];

  readonly nRows: number;

  readonly top: number;

  readonly left: number;

  /** Key r * COLS + c of each merged cell that is not its area's top-left → its area. */
  readonly covered = new Map<number, MergeArea>();

  /** Top-left key → area. */
  readonly mergeAt = new Map<number, MergeArea>();

  private widest = -1;

  /** The length of the widest row (found when first asked: a long list's rows are not visited for it). */
  get width(): number {
    if (this.widest < 0) {
      let w = 0;
      for (const row of this.values) if (Array.isArray(row) && row.length > w) w = row.length;
      this.widest = w;
    }
    return this.widest;
  }

  readonly colNames: string[] = [];

  constructor(grid: Grid) {
    this.g = grid;
    this.sheet = typeof grid.sheet === "string" ? grid.sheet : "";
    this.values = Array.isArray(grid.values) ? grid.values : [];
    this.nRows = this.values.length;
    this.top = Number.isInteger(grid.top) && grid.top >= 0 ? grid.top : 0;
    this.left = Number.isInteger(grid.left) && grid.left >= 0 ? grid.left : 0;
    this.indexMerges();
  }

  key(r: number, c: number): number {
    return r * 20000 + c;
  }

  indexMerges(): void {
    const merges = this.g.merges;
    if (!Array.isArray(merges)) return;
    let budget = 2_000_000; // cap on covered cells indexed
    for (const m of merges) {
      if (!m) continue;
      const t = Math.max(0, m.top - this.top);
      const l = Math.max(0, m.left - this.left);
      const b = Math.min(this.nRows - 1, m.bottom - this.top);
      const rt = Math.min(this.width - 1, m.right - this.left);
      if (!(b >= t && rt >= l) || (b === t && rt === l)) continue;
      if (m.top - this.top !== t || m.left - this.left !== l) continue; // top-left outside the grid
      const area: MergeArea = { top: t, left: l, bottom: b, right: rt };
      this.mergeAt.set(this.key(t, l), area);
      for (let r = t; r <= b && budget > 0; r++) {
        for (let c = l; c <= rt && budget > 0; c++) {
          if (r === t && c === l) continue;
          this.covered.set(this.key(r, c), area);
          budget--;
        }
      }
    }
  }

  // -- cell access (grid-relative) --

  cell(r: number, c: number): CellValue {
    const row = this.values[r];
    if (!row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  text(r: number, c: number): string {
    return textOf(this.cell(r, c));
  }

  rowWidth(r: number): number {
    const row = this.values[r];
    return Array.isArray(row) ? row.length : 0;
  }

  blank(r: number, c: number): boolean {
    const v = this.cell(r, c);
    if (v === null) return true;
    // cleanText keeps (or half-widths) any character that is not whitespace: only a leading space can be blank.
    if (typeof v === "string") return v === "" || (isSpaceLike(v.charCodeAt(0)) && cleanText(v) === "");
    return textOf(v) === "";
  }

  /** A1 address of grid-relative (r, c), with cached column letters. */
  addr(r: number, c: number): string {
    let name = this.colNames[c];
    if (name === undefined) {
      name = columnLetters(this.left + c);
      this.colNames[c] = name;
    }
    return name + String(this.top + r + 1);
  }

  /** Normalised header text of a short string cell, "" otherwise (cached). */
  norm(r: number, c: number): string {
    const v = this.cell(r, c);
    return typeof v === "string" ? this.normText(v) : "";
  }

  /**
   * `norm` without lower-casing a label that needs nothing else: enough for the CJK-only total and stop
   * patterns, and it spares a new string for every project code (P001) read in a list's rows.
   */
  normCased(r: number, c: number): string {
    const v = this.cell(r, c);
    if (typeof v !== "string" || v.length > MAX_LABEL) return "";
    return NEEDS_NORMALIZE.test(v) ? this.normText(v) : v;
  }

  normText(v: string): string {
    return normLabel(v);
  }

  ref(r: number, c: number, src?: Pos): Ref {
    return src ? this.refFrom(r, c, src.r, src.c) : this.refFrom(r, c, r, c);
  }

  /** Number format of (r, c) as the host gave it (undefined when it gave none). */
  format(r: number, c: number): string | null | undefined {
    const fmts = this.g.numberFormats;
    return fmts ? fmts[r]?.[c] : undefined;
  }

  /** The text a Ref of (r, c) carries, without making the Ref: a number under a percent format as shown, else textOf. */
  displayText(r: number, c: number): string {
    const value = this.cell(r, c);
    if (typeof value === "number") {
      const f = this.format(r, c);
      if (f && isPercentFormat(f)) return percentText(value, f);
    }
    return textOf(value);
  }

  /** The Ref of (r, c) whose value comes from (sr, sc): a merged or filled-down cell when they differ. */
  refFrom(r: number, c: number, sr: number, sc: number): Ref {
    return this.refWithText(r, c, sr, sc, this.displayText(sr, sc));
  }

  /** refFrom with the source cell's display text already known. */
  refWithText(r: number, c: number, sr: number, sc: number, text: string): Ref {
    const value = this.cell(sr, sc);
    const f = this.format(sr, sc);
    const moved = sr !== r || sc !== c;
    if (!moved && (f === undefined || f === null || f === "General")) return new CellRef(value, text, this.top + r, this.left + c);
    return new FormattedRef(value, text, this.top + r, this.left + c, f, moved ? true : undefined, moved ? this.addr(sr, sc) : undefined);
  }

  /** First non-blank column of a row at or after `from`, before `to`; -1 when none. */
  firstNonBlank(r: number, from = 0, to = this.rowWidth(r)): number {
    const end = Math.min(to, this.rowWidth(r));
    for (let c = Math.max(0, from); c < end; c++) if (!this.blank(r, c)) return c;
    return -1;
  }

  lastNonBlank(r: number): number {
    for (let c = this.rowWidth(r) - 1; c >= 0; c--) if (!this.blank(r, c)) return c;
    return -1;
  }

  rowBlank(r: number): boolean {
    return this.firstNonBlank(r) < 0;
  }

  // -- pass 1: header rows --

  absCols<F extends string>(cols: Cols<F>): Cols<F> {
    const out: Cols<F> = {};
    for (const [f, c] of Object.entries(cols) as [F, number][]) out[f] = c + this.left;
    return out;
  }

  rangeA1(top: number, left: number, bottom: number, right: number): string {
    const s = a1(this.top + top, this.left + left);
    const e = a1(this.top + Math.max(top, bottom), this.left + Math.max(left, right));
    return s === e ? s : `${s}:${e}`;
  }

  // -- form context: title, header fields, funds block --
}

/** A cell's text as a label is compared: compacted, half-width, traditional characters simplified. */
export function labelAt(sg: SheetGrid, r: number, c: number): string {
  return toSimplified(compactLabel(sg.text(r, c)));
}
