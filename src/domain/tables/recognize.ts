/**
 * Table recognition (表格识别): finds indicator tables (form and list layouts) and budget lists in a grid.
 *
 * One pass over the grid classifies header rows (by synonyms, see synonyms.ts); then each header's body
 * is read once, top to bottom. Nothing rescans the grid per row, so 100,000-row lists stay fast.
 * Pure and total: never throws on any grid (a last-resort guard turns a bug into an `unrecognized` note).
 */
import { a1, type CellValue, columnLetters, type Grid, isCellError } from "../grid";
import { cleanText, compactLabel, isIdeograph, splitPointsSuffix } from "../text";
import { formatDecimals, isNotApplicableMark, isPercentFormat, readNumber } from "../value/number";
import type {
  BudgetField,
  BudgetLine,
  BudgetListTable,
  FundsBlock,
  FundsRow,
  IndicatorField,
  IndicatorProject,
  IndicatorRow,
  IndicatorTable,
  IndicatorTableKind,
  LevelSubtotal,
  ProjectInfo,
  RecognizedTable,
  Ref,
  SheetRecognition,
} from "./model";
import {
  FUNDS_TOTAL_PATTERN,
  type FormField,
  type FundsColumn,
  INDICATOR_EVIDENCE,
  STOP_PATTERN,
  SUBTOTAL_PATTERN,
  TOTAL_PATTERN,
  categoryOfLevel2,
  isFundsTitle,
  level1CategoryOf,
  matchBudgetField,
  matchFormLabel,
  matchFundsColumn,
  matchIndicatorField,
  mayBeHeaderWord,
  moneyUnitIn,
  normalizeHeader,
} from "./synonyms";
import { memoByText } from "../memo";
import { linkGroups } from "./groups";
import { readCategoryLabel } from "./labels";
import { TRADITIONAL_CHARS, toSimplified } from "./traditional";

/** True when a text holds an ASCII or full-width digit (a weight may be written in it). */
function hasDigit(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Cols<F extends string> = Partial<Record<F, number>>;

/** Texts longer than this are never header words, labels or evidence. */
const MAX_LABEL = 40;
/** Blank rows in a row that end a table body. */
const MAX_BLANK_RUN = 3;
/** A 三级 name that is a template leftover: "指标2:", "……", "**", "XX", "指标1:/". */
const PLACEHOLDER_NAME = /^(?:指标\d*[:.、]?)?[…．.。·\-—_/\\*xX×?？]*$/;
const ONLY_SPACE = /^[\s\u00a0\u200b\ufeff\u3000]*$/;

/** A name starting with an ideograph other than 指 is not a template leftover (most names): no expression needed. */
function mayBePlaceholderName(name: string): boolean {
  const first = name.charCodeAt(0);
  return !isIdeograph(first) || first === 0x6307; // 指
}
const NEEDS_CLEAN = /[\s\u00a0\u200b\ufeff\u3000\uff01-\uff5e]/;
/** Strings without these characters normalise to themselves (lower-cased): the fast path of `norm`. */
const NEEDS_NORMALIZE = new RegExp(`[\\s\\u00a0\\u200b\\ufeff\\u3000\\uff01-\\uff5e()[\\]{}<>:、.${TRADITIONAL_CHARS}]`);

/** Recognizes the tables on one sheet. */
export function recognizeSheet(grid: Grid): SheetRecognition {
  const sheet = typeof grid?.sheet === "string" ? grid.sheet : "";
  try {
    return new SheetReader(grid).run();
  } catch (e) {
    return {
      sheet,
      tables: [],
      unrecognized: {
        cell: "A1",
        reason: "表格识别内部错误：" + (e instanceof Error ? e.message : String(e)),
        reasonEn: "Internal error in table recognition: " + (e instanceof Error ? e.message : String(e)),
      },
    };
  }
}

/** Recognizes every sheet of a workbook, in order. */
export function recognizeWorkbook(grids: readonly Grid[]): SheetRecognition[] {
  return grids.map((g) => recognizeSheet(g));
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/**
 * Points (分值/得分) of a cell: a plain figure ("10", "１０", "10分"), or a percentage of the table's 100 points
 * ("20%" in a 分值/权重 column is 20 points, not 0.2); undefined otherwise.
 */
function readPoints(v: CellValue, numberFormat?: string | null): number | undefined {
  if (v === null) return undefined;
  // A plain number (the usual weight or score) needs no NumberReading.
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    return isPercentFormat(numberFormat) ? round6(v * 100) : v + 0;
  }
  const n = readNumber(v, numberFormat);
  if (!n) return undefined;
  return n.percent ? round6(n.value * 100) : n.value;
}

/** Six decimals: 0.2 × 100 is 20, not 20.000000000000004. */
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A number under a percent format as the sheet shows it: 1 with "0.00%" → "100.00%" (what a person reads). */
function percentText(v: number, format: string): string {
  if (!Number.isFinite(v)) return "";
  const d = formatDecimals(format) ?? 0;
  return (v * 100).toFixed(Math.min(10, d)) + "%";
}

/** Whitespace of any kind, or the empty string's NaN: the first character of a string that may be blank. */
function isSpaceLike(code: number): boolean {
  return !(code > 0x20) || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x1680 && code <= 0x205f);
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return NEEDS_CLEAN.test(v) ? cleanText(v) : v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return isCellError(v) ? v.error : "";
}

/** A 二级 label that names a cost: 经济成本… (the 成本指标 framework) or 成本指标 under 产出 (the classic one). */
function costKindOfLevel2(text: string): "level1" | "classic" | undefined {
  const l2 = normalizeHeader(text);
  if (/经济成本|社会成本|生态环境成本|环境成本/.test(l2)) return "level1";
  return l2.startsWith("成本") ? "classic" : undefined;
}

// Category answers by label text, shared by every table (module-level: closures made per call would change
// the call target of the hot loops below at every table, and V8 would deoptimize them).
const level1CategoryMemo = memoByText(level1CategoryOf, 10_000);
const level2CostMemo = memoByText(costKindOfLevel2, 10_000);
const level2CategoryMemo = memoByText((t) => categoryOfLevel2(t, false), 10_000);
const level2CategoryCostMemo = memoByText((t) => categoryOfLevel2(t, true), 10_000);

// Labels repeat across the sheets and workbooks of a run (一级指标, 指标值 …): these answers are kept for all.
const normalizeHeaderMemo = memoByText(normalizeHeader, 50_000, MAX_LABEL);

/** A label normalized for matching (see normalizeHeader); "" for long texts, which are never labels. */
function normLabel(v: string): string {
  if (v.length > MAX_LABEL) return "";
  if (!NEEDS_NORMALIZE.test(v)) return /[A-Z]/.test(v) ? v.toLowerCase() : v;
  return normalizeHeaderMemo(v);
}

/** True when a cell's text is an indicator or budget-list header word. */
const isHeaderWordMemo = memoByText((v: string): boolean => {
  const t = normLabel(v);
  return t !== "" && (matchIndicatorField(t) !== undefined || matchBudgetField(t) !== undefined);
}, 50_000, MAX_LABEL);

function isNotApplicable(text: string): boolean {
  if (text === "" || text.length > 4) return false;
  const first = text.charCodeAt(0);
  return !(first >= 0x30 && first <= 0x39) && isNotApplicableMark(text); // a figure is never a mark
}

function meaningful(x: Ref | undefined): boolean {
  return x !== undefined && x.text !== "" && !isNotApplicable(x.text);
}

interface Pos {
  readonly r: number;
  readonly c: number;
}

interface Hit<F> {
  readonly c: number;
  readonly field: F;
  readonly weak: boolean;
}

interface IndicatorHeader {
  readonly kind: "indicator";
  readonly r: number;
  readonly hits: readonly Hit<IndicatorField>[];
}

interface BudgetHeader {
  readonly kind: "budget";
  readonly r: number;
  readonly hits: readonly Hit<BudgetField>[];
}

type HeaderCand = IndicatorHeader | BudgetHeader;

interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const VALUE_FIELDS: readonly IndicatorField[] = ["target", "actual", "weight", "score", "sign", "unit"];
/** Header of a serial-number column left of the fields (not a label zone). */
const SERIAL_HEADER = /^(?:序号|编号|行次|行号|序|no)$/;
const AMOUNT_FIELDS: readonly BudgetField[] = ["amount", "declared", "approved"];

// ---------------------------------------------------------------------------------------------------------------

/**
 * A Ref with a fixed shape: recognition allocates one per cell of every indicator row, and objects built with
 * all their fields at once are markedly cheaper for V8 than literals that grow optional fields. The usual
 * cell (no number format, not filled down) carries only its four fields: every row keeps its Refs, so their
 * size is what the garbage collector copies.
 */
class CellRef implements Ref {
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
class FormattedRef extends CellRef {
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

class SheetReader {
  private readonly g: Grid;
  private readonly sheet: string;
  private readonly values: readonly (readonly CellValue[])[];
  private readonly nRows: number;
  private readonly top: number;
  private readonly left: number;
  /** Key r * COLS + c of each merged cell that is not its area's top-left → its area. */
  private readonly covered = new Map<number, MergeArea>();
  /** Top-left key → area. */
  private readonly mergeAt = new Map<number, MergeArea>();
  private width = 0;
  private readonly colNames: string[] = [];

  constructor(grid: Grid) {
    this.g = grid;
    this.sheet = typeof grid.sheet === "string" ? grid.sheet : "";
    this.values = Array.isArray(grid.values) ? grid.values : [];
    this.nRows = this.values.length;
    this.top = Number.isInteger(grid.top) && grid.top >= 0 ? grid.top : 0;
    this.left = Number.isInteger(grid.left) && grid.left >= 0 ? grid.left : 0;
    for (const row of this.values) if (Array.isArray(row) && row.length > this.width) this.width = row.length;
    this.indexMerges();
  }

  private key(r: number, c: number): number {
    return r * 20000 + c;
  }

  private indexMerges(): void {
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

  private cell(r: number, c: number): CellValue {
    const row = this.values[r];
    if (!row) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  private text(r: number, c: number): string {
    return textOf(this.cell(r, c));
  }

  private rowWidth(r: number): number {
    const row = this.values[r];
    return Array.isArray(row) ? row.length : 0;
  }

  private blank(r: number, c: number): boolean {
    const v = this.cell(r, c);
    if (v === null) return true;
    // cleanText keeps (or half-widths) any character that is not whitespace: only a leading space can be blank.
    if (typeof v === "string") return v === "" || (isSpaceLike(v.charCodeAt(0)) && cleanText(v) === "");
    return textOf(v) === "";
  }

  /** A1 address of grid-relative (r, c), with cached column letters. */
  private addr(r: number, c: number): string {
    let name = this.colNames[c];
    if (name === undefined) {
      name = columnLetters(this.left + c);
      this.colNames[c] = name;
    }
    return name + String(this.top + r + 1);
  }

  /** Normalised header text of a short string cell, "" otherwise (cached). */
  private norm(r: number, c: number): string {
    const v = this.cell(r, c);
    return typeof v === "string" ? this.normText(v) : "";
  }

  /**
   * `norm` without lower-casing a label that needs nothing else: enough for the CJK-only total and stop
   * patterns, and it spares a new string for every project code (P001) read in a list's rows.
   */
  private normCased(r: number, c: number): string {
    const v = this.cell(r, c);
    if (typeof v !== "string" || v.length > MAX_LABEL) return "";
    return NEEDS_NORMALIZE.test(v) ? this.normText(v) : v;
  }

  private normText(v: string): string {
    return normLabel(v);
  }

  private ref(r: number, c: number, src?: Pos): Ref {
    return src ? this.refFrom(r, c, src.r, src.c) : this.refFrom(r, c, r, c);
  }

  /** The Ref of (r, c) whose value comes from (sr, sc): a merged or filled-down cell when they differ. */
  private refFrom(r: number, c: number, sr: number, sc: number): Ref {
    const value = this.cell(sr, sc);
    const fmts = this.g.numberFormats;
    const f = fmts ? fmts[sr]?.[sc] : undefined;
    const moved = sr !== r || sc !== c;
    const text = typeof value === "number" && f && isPercentFormat(f) ? percentText(value, f) : textOf(value);
    if (!moved && (f === undefined || f === null || f === "General")) return new CellRef(value, text, this.top + r, this.left + c);
    return new FormattedRef(value, text, this.top + r, this.left + c, f, moved ? true : undefined, moved ? this.addr(sr, sc) : undefined);
  }

  /** First non-blank column of a row at or after `from`, before `to`; -1 when none. */
  private firstNonBlank(r: number, from = 0, to = this.rowWidth(r)): number {
    const end = Math.min(to, this.rowWidth(r));
    for (let c = Math.max(0, from); c < end; c++) if (!this.blank(r, c)) return c;
    return -1;
  }

  private lastNonBlank(r: number): number {
    for (let c = this.rowWidth(r) - 1; c >= 0; c--) if (!this.blank(r, c)) return c;
    return -1;
  }

  private rowBlank(r: number): boolean {
    return this.firstNonBlank(r) < 0;
  }

  // -- pass 1: header rows --

  private indicatorHits(r: number): Hit<IndicatorField>[] {
    const out: Hit<IndicatorField>[] = [];
    const w = this.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const n = this.norm(r, c);
      if (n === "") continue;
      const m = matchIndicatorField(n);
      if (m) out.push({ c, field: m.field, weak: m.weak === true });
    }
    return out;
  }

  private budgetHits(r: number): Hit<BudgetField>[] {
    const out: Hit<BudgetField>[] = [];
    const w = this.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const n = this.norm(r, c);
      if (n === "") continue;
      const f = matchBudgetField(n);
      if (f) out.push({ c, field: f, weak: false });
    }
    return out;
  }

  private static qualifiesIndicator(hits: readonly Hit<IndicatorField>[]): boolean {
    const strong = new Set<IndicatorField>();
    for (const h of hits) if (!h.weak) strong.add(h.field);
    const hasName = strong.has("name") || strong.has("level1") || strong.has("level2");
    const hasValue = VALUE_FIELDS.some((f) => strong.has(f));
    return hasName && hasValue && strong.size >= 3;
  }

  private static qualifiesBudget(hits: readonly Hit<BudgetField>[]): boolean {
    const fields = new Set<BudgetField>(hits.map((h) => h.field));
    if (fields.size < 3) return false;
    const id = fields.has("code") || fields.has("name");
    const money = AMOUNT_FIELDS.some((f) => fields.has(f));
    return id && (money || (fields.has("code") && fields.has("name")));
  }

  private isHeaderWord(v: string): boolean {
    return mayBeHeaderWord(v) && isHeaderWordMemo(v);
  }

  private findHeaders(): HeaderCand[] {
    const out: HeaderCand[] = [];
    for (let r = 0; r < this.nRows; r++) {
      // cheap pre-check: a header row has at least 3 short string cells
      const row = this.values[r];
      if (!Array.isArray(row)) continue;
      // One pass: non-blank cells, and cells that are header words at all (one cached lookup per distinct text).
      // A header's words outnumber its other cells (see below), so a row stops being read once the cells
      // left cannot make up for the non-words seen: a data row is given up after about half its cells.
      let nonBlank = 0;
      let words = 0;
      const n = row.length;
      for (let c = 0; c < n; c++) {
        const v = row[c];
        if (v === null || v === undefined) continue;
        if (typeof v === "string") {
          if (isSpaceLike(v.charCodeAt(0)) && ONLY_SPACE.test(v)) continue;
          if (v.length <= MAX_LABEL && this.isHeaderWord(v)) words++;
        }
        nonBlank++;
        if (nonBlank - words >= words + (n - c - 1)) break;
      }
      if (words < 3 || nonBlank - words >= words) continue;
      // Header words must outnumber the other cells: a row of label → value pairs (项目名称 | X | 金额 | 10) is not a header.
      const ih = this.indicatorHits(r);
      if (ih.length >= 3 && nonBlank - ih.length < ih.length && SheetReader.qualifiesIndicator(ih)) {
        out.push({ kind: "indicator", r, hits: ih });
        continue;
      }
      const bh = this.budgetHits(r);
      if (nonBlank - bh.length < bh.length && SheetReader.qualifiesBudget(bh)) out.push({ kind: "budget", r, hits: bh });
    }
    return out;
  }

  // -- main --

  run(): SheetRecognition {
    const headers = this.findHeaders();
    const headerRows = new Set<number>(headers.map((h) => h.r));
    const tables: RecognizedTable[] = [];
    let consumed = -1; // last row used by a previous table
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i];
      if (h.r <= consumed) continue;
      const limit = i + 1 < headers.length ? headers[i + 1].r : this.nRows; // a body never runs into the next header
      if (h.kind === "indicator") {
        const res = this.readIndicatorTable(h, consumed + 1, limit, headerRows);
        tables.push(res.table);
        consumed = res.lastRow;
      } else {
        const res = this.readBudgetList(h, consumed + 1, limit);
        tables.push(res.table);
        consumed = res.lastRow;
      }
    }
    const result: Mutable<SheetRecognition> = { sheet: this.sheet, tables };
    if (!tables.some((t) => t.kind !== "budget-list")) {
      const ev = this.findEvidence();
      if (ev) {
        result.unrecognized = {
          cell: this.addr(ev.r, ev.c),
          reason: `工作表含有“${ev.word}”等指标表内容，但未识别到指标表表头（一级指标/二级指标/三级指标/指标值/分值等）`,
          reasonEn: `The sheet has indicator-table content ("${ev.word}") but no indicator header row was recognized`,
        };
      }
    }
    return result;
  }

  private findEvidence(): { r: number; c: number; word: string } | undefined {
    const words = new Set(INDICATOR_EVIDENCE);
    for (let r = 0; r < this.nRows; r++) {
      const w = this.rowWidth(r);
      for (let c = 0; c < w; c++) {
        const v = this.cell(r, c);
        if (typeof v !== "string" || v.length > 24) continue;
        const n = this.norm(r, c);
        if (n === "") continue;
        const word = words.has(n) ? n : words.has(splitPointsSuffix(n).label) ? splitPointsSuffix(n).label : "";
        if (word) return { r, c, word };
      }
    }
    return undefined;
  }

  // -- indicator tables --

  private resolveIndicatorColumns(hits: readonly Hit<IndicatorField>[]): Cols<IndicatorField> {
    const cols: Cols<IndicatorField> = {};
    const used = new Set<number>();
    for (const h of hits) {
      if (h.weak || cols[h.field] !== undefined || used.has(h.c)) continue;
      cols[h.field] = h.c;
      used.add(h.c);
    }
    for (const h of hits) {
      if (!h.weak || used.has(h.c)) continue;
      if (cols[h.field] === undefined) {
        cols[h.field] = h.c;
        used.add(h.c);
      } else if (h.field === "level2" && cols.explain === undefined) {
        cols.explain = h.c; // 评价内容 beside a real 二级指标 column
        used.add(h.c);
      }
    }
    return cols;
  }

  /**
   * A second header row under `r` (年度指标值 above 指标性质/指标值/度量单位): every non-blank cell is a header
   * word, and each sits under a blank cell, a merged cell, or a group label. Returns the merged column map.
   */
  private subHeader(r: number, cols: Cols<IndicatorField>, limit: number): Cols<IndicatorField> | undefined {
    const s = r + 1;
    if (s >= limit || s >= this.nRows) return undefined;
    const w = this.rowWidth(s);
    const hits: Hit<IndicatorField>[] = [];
    for (let c = 0; c < w; c++) {
      if (this.blank(s, c)) continue;
      const n = this.norm(s, c);
      const m = n === "" ? undefined : matchIndicatorField(n);
      if (!m) return undefined; // a non-header word: a data row
      hits.push({ c, field: m.field, weak: m.weak === true });
    }
    if (hits.length === 0) return undefined;
    if (SheetReader.qualifiesIndicator(hits)) return undefined; // a header of its own
    const fieldAt = new Map<number, IndicatorField>();
    for (const [f, c] of Object.entries(cols) as [IndicatorField, number][]) fieldAt.set(c, f);
    for (const h of hits) {
      const above = fieldAt.get(h.c);
      const ok =
        this.blank(r, h.c) ||
        this.covered.has(this.key(r, h.c)) ||
        (this.mergeAt.get(this.key(r, h.c))?.right ?? h.c) > h.c ||
        above === h.field ||
        above === "target" ||
        above === "actual";
      if (!ok) return undefined;
    }
    const out: Cols<IndicatorField> = { ...cols };
    for (const h of hits) {
      for (const [f, c] of Object.entries(out) as [IndicatorField, number][]) if (c === h.c) delete out[f];
    }
    for (const h of hits) out[h.field] = h.c;
    return out;
  }

  private readIndicatorTable(
    h: IndicatorHeader,
    ctxStart: number,
    limit: number,
    headerRows: ReadonlySet<number>,
  ): { table: IndicatorTable; lastRow: number } {
    let cols = this.resolveIndicatorColumns(h.hits);
    let nHeader = 1;
    const sub = this.subHeader(h.r, cols, limit);
    if (sub) {
      cols = sub;
      nHeader = 2;
    } else {
      // a header merged over two rows with nothing below it
      for (const c of Object.values(cols)) {
        const m = this.mergeAt.get(this.key(h.r, c));
        if (m && m.bottom > h.r) nHeader = 2;
      }
    }
    const fieldCols = Object.values(cols) as number[];
    const firstFieldCol = Math.min(...fieldCols);
    const lastFieldCol = Math.max(...fieldCols);
    const list = cols.projectCode !== undefined || cols.projectName !== undefined;

    // Form context above the header: project fields, funds block, title rows.
    const ctx = list ? undefined : this.readFormContext(ctxStart, h.r);

    // Indicator block label left of the fields (绩效指标（90分）).
    let blockPoints: number | undefined;
    let labelCol = -1;
    for (let c = firstFieldCol - 1; c >= 0; c--) {
      if (!this.blank(h.r, c)) {
        labelCol = c;
        break;
      }
    }
    if (labelCol >= 0) blockPoints = splitPointsSuffix(this.text(h.r, labelCol)).points;

    const body = this.readBody(h.r, h.r + nHeader, limit, cols, firstFieldCol, list, headerRows);

    // Framework and categories (texts repeat: memoised).
    let costLevel1 = false;
    let classicCost = false;
    const l1Cat = level1CategoryMemo;
    const l2Cost = level2CostMemo;
    for (const g of body.groups) {
      for (const row of g.rows) {
        const l1 = row.level1 && !row.level1.filled ? row.level1.text : "";
        if (l1 && l1Cat(l1) === "成本指标") costLevel1 = true;
        const cost = row.level2 ? l2Cost(row.level2.text) : undefined;
        if (cost === "level1") costLevel1 = true;
        else if (cost === "classic") classicCost = true;
      }
    }
    const framework: IndicatorTable["framework"] = costLevel1 ? "cost-level1" : classicCost ? "classic" : "unknown";
    let evaluation = false;
    const l2Cat = costLevel1 ? level2CategoryCostMemo : level2CategoryMemo;
    for (const g of body.groups) {
      for (const row of g.rows) {
        const cat = (row.level1 && l1Cat(row.level1.text)) || (row.level2 && l2Cat(row.level2.text));
        if (cat) row.category = cat;
        if (cat === "决策" || cat === "过程") evaluation = true;
      }
    }

    const projects: IndicatorProject[] = [];
    for (const grp of body.groups) {
      // subtotals and rows are both in sheet order: one pointer walk finds each subtotal's first 二级 category
      let p = 0;
      const subtotals: LevelSubtotal[] = grp.subtotals.map((s) => {
        let level1 = s.label !== "" ? level1CategoryOf(s.label) : undefined;
        while (p < grp.rows.length && grp.rows[p].row < s.ref.row) p++;
        if (!level1) {
          for (let q = p; q < grp.rows.length && grp.rows[q].row <= s.lastRow; q++) {
            const l2 = grp.rows[q].level2;
            const c = l2 ? l2Cat(l2.text) : undefined;
            if (c) {
              level1 = c;
              break;
            }
          }
        }
        return { level1: level1 ?? (s.label || s.ref.text), points: s.points, ref: s.ref, firstRow: s.ref.row, lastRow: s.lastRow };
      });
      if (!list) linkGroups(grp.rows);
      const indicators: IndicatorRow[] = [];
      const placeholders: IndicatorRow[] = [];
      for (let k = 0; k < grp.rows.length; k++) {
        const row = grp.rows[k];
        if (row.placeholder) placeholders.push(row);
        if (!row.placeholder || grp.content[k]) indicators.push(row);
      }
      const info: ProjectInfo = list ? grp.info : ctx?.info ?? {};
      const proj: Mutable<IndicatorProject> = {
        key: info.code?.text || info.name?.text || grp.key || `row ${h.r + this.top + 1}`,
        info,
        indicators,
        placeholders,
        subtotals,
      };
      if (!list && ctx?.funds) proj.funds = ctx.funds;
      if (blockPoints !== undefined) proj.indicatorBlockPoints = blockPoints;
      if (grp.total) proj.total = grp.total;
      if (grp.grade) proj.grade = grp.grade;
      projects.push(proj);
    }
    if (projects.length === 0) {
      const info: ProjectInfo = ctx?.info ?? {};
      const proj: Mutable<IndicatorProject> = {
        key: info.code?.text || info.name?.text || `row ${h.r + this.top + 1}`,
        info,
        indicators: [],
        placeholders: [],
        subtotals: [],
      };
      if (ctx?.funds) proj.funds = ctx.funds;
      if (blockPoints !== undefined) proj.indicatorBlockPoints = blockPoints;
      if (body.total) proj.total = body.total;
      if (body.grade) proj.grade = body.grade;
      projects.push(proj);
    }

    const hasActual = cols.actual !== undefined || cols.score !== undefined;
    const kind: IndicatorTableKind = evaluation ? "evaluation" : hasActual ? "self-evaluation" : "target";

    // Range: from the form's first row (title) to the body's last row; columns over header and form rows.
    const topRow = ctx ? ctx.startRow : h.r;
    let leftCol = Math.min(firstFieldCol, labelCol >= 0 ? labelCol : firstFieldCol);
    let rightCol = lastFieldCol;
    const spanRows = [h.r, ...(nHeader > 1 ? [h.r + 1] : []), ...(ctx ? ctx.spanRows : [])];
    for (const r of spanRows) {
      const f = this.firstNonBlank(r);
      if (f >= 0 && f < leftCol) leftCol = f;
      const l = this.lastNonBlank(r);
      if (l > rightCol) rightCol = l;
    }
    if (body.totalLabelCol >= 0 && body.totalLabelCol < leftCol) leftCol = body.totalLabelCol;
    const lastRow = Math.max(body.lastRow, h.r + nHeader - 1);
    const table: IndicatorTable = {
      kind,
      layout: list ? "list" : "form",
      sheet: this.sheet,
      range: this.rangeA1(topRow, leftCol, lastRow, rightCol),
      headerRow: this.top + h.r,
      headerRows: nHeader,
      columns: this.absCols(cols),
      projects,
      framework,
    };
    return { table, lastRow };
  }

  private absCols<F extends string>(cols: Cols<F>): Cols<F> {
    const out: Cols<F> = {};
    for (const [f, c] of Object.entries(cols) as [F, number][]) out[f] = c + this.left;
    return out;
  }

  private rangeA1(top: number, left: number, bottom: number, right: number): string {
    const s = a1(this.top + top, this.left + left);
    const e = a1(this.top + Math.max(top, bottom), this.left + Math.max(left, right));
    return s === e ? s : `${s}:${e}`;
  }

  // -- form context: title, header fields, funds block --

  private readFormContext(
    from: number,
    headerRow: number,
  ): { info: ProjectInfo; funds?: FundsBlock; startRow: number; spanRows: number[] } {
    const start = Math.max(0, from);
    // Last 项目名称 label above the header starts this form's fields.
    let nameRow = -1;
    const labels: { r: number; c: number; f: FormField }[] = [];
    for (let r = start; r < headerRow; r++) {
      const w = this.rowWidth(r);
      for (let c = 0; c < w; c++) {
        const n = this.norm(r, c);
        if (n === "") continue;
        const f = matchFormLabel(n);
        if (!f) continue;
        if (f === "name") {
          nameRow = r;
          labels.length = 0;
        }
        labels.push({ r, c, f });
      }
    }
    const fieldsFrom = nameRow >= 0 ? nameRow : labels.length > 0 ? labels[0].r : headerRow;
    const info: Mutable<ProjectInfo> = {};
    for (const l of labels) {
      if (l.r < fieldsFrom) continue;
      const v = this.valueRight(l.r, l.c);
      if (!v) continue;
      switch (l.f) {
        case "name":
          info.name ??= v;
          break;
        case "code":
          info.code ??= v;
          break;
        case "department":
          info.department ??= v;
          break;
        case "unit":
          info.unit ??= v;
          break;
        case "year": {
          const y = /((?:19|20)\d{2})/.exec(v.text);
          if (y && info.year === undefined) info.year = y[1];
          break;
        }
        default:
          break;
      }
    }
    // Title rows just above the fields (项目支出绩效自评表, (2022年度)).
    let startRow = fieldsFrom;
    for (let r = fieldsFrom - 1; r >= start && r >= fieldsFrom - 4; r--) {
      if (!this.isTitleRow(r)) break;
      startRow = r;
    }
    for (let r = startRow; r < fieldsFrom && info.year === undefined; r++) {
      const t = this.text(r, this.firstNonBlank(r));
      const y = /((?:19|20)\d{2})\s*年/.exec(t);
      if (y) info.year = y[1];
    }
    // Funds block between the fields and the header.
    let funds: FundsBlock | undefined;
    const spanRows: number[] = [];
    for (let r = fieldsFrom; r < headerRow; r++) {
      if (labels.some((l) => l.r === r)) spanRows.push(r);
      const c = this.firstNonBlank(r);
      if (c < 0) continue;
      if (funds === undefined && isFundsTitle(this.norm(r, c))) {
        const fb = this.readFunds(r, c, headerRow);
        if (fb) {
          funds = fb.block;
          spanRows.push(fb.headerRow);
        }
      }
    }
    return { info, funds, startRow, spanRows };
  }

  private isTitleRow(r: number): boolean {
    const c = this.firstNonBlank(r);
    if (c < 0) return false;
    let n = 0;
    for (let k = c; k < this.rowWidth(r); k++) if (!this.blank(r, k)) n++;
    if (n > 2) return false;
    const t = compactLabel(this.text(r, c));
    return /表|年度|报表编号|编号|\d{4}年|单位[:：]/.test(t) && t.length <= 80;
  }

  /** The value of a form label: first non-blank cell to its right before another label; else the adjacent cell. */
  private valueRight(r: number, c: number): Ref | undefined {
    const m = this.mergeAt.get(this.key(r, c));
    const first = m ? m.right + 1 : c + 1;
    const w = this.rowWidth(r);
    for (let k = first; k < w; k++) {
      if (this.blank(r, k)) continue;
      const n = this.norm(r, k);
      if (n !== "" && matchFormLabel(n)) break;
      return this.ref(r, k);
    }
    return first < this.width ? this.ref(r, first) : undefined;
  }

  private readFunds(
    titleRow: number,
    titleCol: number,
    limit: number,
  ): { block: FundsBlock; headerRow: number } | undefined {
    const title = this.ref(titleRow, titleCol);
    const headerIn = (r: number): Map<FundsColumn, number> => {
      const m = new Map<FundsColumn, number>();
      const w = this.rowWidth(r);
      for (let c = titleCol + 1; c < w; c++) {
        const n = this.norm(r, c);
        const f = n === "" ? undefined : matchFundsColumn(n);
        if (f && !m.has(f)) m.set(f, c);
      }
      return m;
    };
    let header = headerIn(titleRow);
    let headerRow = titleRow;
    let start = titleRow + 1;
    if (header.size < 2 && titleRow + 1 < limit) {
      const h2 = headerIn(titleRow + 1);
      if (h2.size >= 2) {
        header = h2;
        headerRow = titleRow + 1;
        start = titleRow + 2;
      } else {
        header = new Map();
        start = titleRow; // label and value on the title row itself (资金情况 | 年度资金总额 | 10)
      }
    } else if (header.size < 2) {
      header = new Map();
      start = titleRow;
    }
    let moneyUnit = moneyUnitIn(title.text);
    if (moneyUnit === undefined) {
      const w = this.rowWidth(headerRow);
      for (let c = titleCol; c < w && moneyUnit === undefined; c++) {
        const t = this.text(headerRow, c);
        if (t.length <= MAX_LABEL) moneyUnit = moneyUnitIn(t);
      }
    }
    const firstValueCol = header.size > 0 ? Math.min(...header.values()) : Number.MAX_SAFE_INTEGER;
    const rows: FundsRow[] = [];
    for (let r = start; r < limit; r++) {
      if (r !== titleRow && !this.blank(r, titleCol)) break; // a new section in the title column
      const lc = this.firstNonBlank(r, titleCol + 1, Math.min(firstValueCol, this.rowWidth(r)));
      if (lc < 0) break;
      const n = this.norm(r, lc);
      if (n !== "" && (matchFundsColumn(n) || matchFormLabel(n) || matchIndicatorField(n))) break;
      const labelText = toSimplified(compactLabel(this.text(r, lc))).replace(/^其中[:]?/, "");
      const isTotal = FUNDS_TOTAL_PATTERN.test(labelText);
      const row: Mutable<FundsRow> = { kind: isTotal ? "total" : "part", label: this.ref(r, lc) };
      if (header.size > 0) {
        for (const [f, c] of header) row[f] = this.ref(r, c);
      } else {
        const vc = this.firstNonBlank(r, lc + 1);
        if (vc >= 0) row.budget = this.ref(r, vc);
      }
      rows.push(row);
    }
    if (rows.length === 0 && header.size === 0) return undefined;
    const block: Mutable<FundsBlock> = { title, moneyUnit: moneyUnit ?? "万元", rows };
    const pts = splitPointsSuffix(title.text).points;
    if (pts !== undefined) block.titlePoints = pts;
    return { block, headerRow };
  }

  // -- indicator body --

  private readBody(
    headerRow: number,
    start: number,
    limit: number,
    cols: Cols<IndicatorField>,
    firstFieldCol: number,
    list: boolean,
    headerRows: ReadonlySet<number>,
  ): Body {
    const body: Body = { groups: [], lastRow: start - 1, totalLabelCol: -1 };
    const byKey = new Map<string, Group>();
    const c1 = cols.level1;
    const c2 = cols.level2;
    const cCode = cols.projectCode;
    const cName = cols.projectName;
    const cDept = cols.department;
    const mapped = Object.values(cols) as number[];
    let group: Group | undefined;
    // Rows the 一级/二级 values fill down from (-1: none); plain numbers, not objects, in this per-row loop.
    let l1SrcRow = -1;
    let l2SrcRow = -1;
    let codeSrc: Pos | undefined;
    let nameSrc: Pos | undefined;
    let deptSrc: Pos | undefined;
    let curCode = "";
    let curName = "";
    let blankRun = 0;
    let lastContent = start - 1;

    const top = this.top;

    // Label zone: columns left of the fields (the block label 绩效指标 sits there), except serial-number columns.
    const zone: number[] = [];
    for (let c = 0; c < firstFieldCol; c++) {
      if (!SERIAL_HEADER.test(this.norm(headerRow, c))) zone.push(c);
    }
    let r = start;
    for (; r < limit && r < this.nRows; r++) {
      if (r > start && headerRows.has(r)) break;
      // Label zone left of the fields: totals, grades, new sections.
      let lz = -1;
      for (const c of zone) {
        if (!this.blank(r, c)) {
          lz = c;
          break;
        }
      }
      let totalRow = false;
      if (lz >= 0) {
        const n = this.norm(r, lz);
        if (TOTAL_PATTERN.test(n)) totalRow = true;
        else if (matchFormLabel(n) === "grade") {
          const gref = this.valueRight(r, lz);
          if (gref && group) group.grade = gref;
          else if (gref) body.grade = gref;
          body.lastRow = r;
          break;
        } else if (!(r === start && /指标/.test(n))) break; // a new section (评价结论, 财政部门意见, 注)
      }
      if (!totalRow) {
        const fc = this.firstNonBlank(r);
        if (fc >= 0 && fc <= firstFieldCol + 1) {
          const n = this.normCased(r, fc);
          if (n !== "" && TOTAL_PATTERN.test(n)) totalRow = true;
          else if (n !== "" && (fc === c1 || fc === firstFieldCol)) {
            if (STOP_PATTERN.test(n) && !/指标/.test(n.slice(0, 6))) break;
          }
        }
      }
      if (totalRow) {
        const lc = lz >= 0 ? lz : this.firstNonBlank(r);
        const total: Mutable<NonNullable<IndicatorProject["total"]>> = { label: this.ref(r, lc) };
        if (cols.weight !== undefined && cols.weight !== lc) total.weight = this.ref(r, cols.weight);
        if (cols.score !== undefined && cols.score !== lc) total.score = this.ref(r, cols.score);
        body.totalLabelCol = lc;
        body.lastRow = r;
        if (group) {
          closeSubtotal(group, top);
          group.total = total;
        } else body.total = total;
        if (list && body.groups.length > 1) continue; // list subtotals (小计) keep going
        // grade on the total row or just below it
        const gr = this.findGrade(r, Math.min(limit, r + 4), headerRows);
        if (gr) {
          if (group) group.grade = gr.ref;
          else body.grade = gr.ref;
          body.lastRow = gr.row;
        }
        r++;
        break;
      }
      // Blank rows.
      let any = false;
      for (const c of mapped) {
        if (!this.blank(r, c)) {
          any = true;
          break;
        }
      }
      if (!any) {
        if (++blankRun >= MAX_BLANK_RUN) break;
        continue;
      }
      blankRun = 0;

      // Project (list layout).
      if (list) {
        const code = cCode !== undefined ? this.text(r, cCode) : "";
        const name = cName !== undefined ? this.text(r, cName) : "";
        if (!group || (code !== "" && code !== curCode) || (name !== "" && name !== curName)) {
          const codeChanged = code !== "" && code !== curCode;
          closeSubtotal(group, top);
          if (code !== "") codeSrc = { r, c: cCode as number };
          else if (!group || name !== curName) codeSrc = undefined;
          if (name !== "") nameSrc = { r, c: cName as number };
          else if (codeChanged) nameSrc = undefined;
          curCode = codeSrc ? this.text(codeSrc.r, codeSrc.c) : "";
          curName = nameSrc ? this.text(nameSrc.r, nameSrc.c) : "";
          if (cDept !== undefined && !this.blank(r, cDept)) deptSrc = { r, c: cDept };
          const info: Mutable<ProjectInfo> = {};
          if (cCode !== undefined) info.code = this.ref(r, cCode, codeSrc);
          if (cName !== undefined) info.name = this.ref(r, cName, nameSrc);
          if (cDept !== undefined) info.department = this.ref(r, cDept, deptSrc);
          const key = curCode || curName || `row ${this.top + r + 1}`;
          group = ensureGroup(body, byKey, key, info);
          l1SrcRow = -1;
          l2SrcRow = -1;
        } else if (cDept !== undefined && !this.blank(r, cDept)) deptSrc = { r, c: cDept };
      } else if (!group) group = ensureGroup(body, byKey, "", {});
      const g = group as Group;

      // Levels with fill-down.
      let newSubtotal: { label: string; points: number } | undefined;
      let l1Own = "";
      if (c1 !== undefined) {
        l1Own = this.text(r, c1);
        if (l1Own !== "") {
          const raw = l1Own.length <= MAX_LABEL ? this.normCased(r, c1) : "";
          if (raw !== "" && STOP_PATTERN.test(raw) && !/指标/.test(raw)) break;
          l1SrcRow = r;
          l2SrcRow = -1;
          closeSubtotal(g, top);
          // "产出指标(50分)", "产出指标 (50)", "效益指标 30分)", "(50分)": the table's own weight for the category.
          const sp = hasDigit(l1Own) ? readCategoryLabel(l1Own) : undefined;
          if (sp?.points !== undefined && (sp.core === "" || level1CategoryMemo(sp.core) !== undefined)) newSubtotal = { label: sp.core, points: sp.points };
        }
      }
      const l2Blank = c2 === undefined || this.blank(r, c2);
      if (!l2Blank) l2SrcRow = r;
      if (newSubtotal && c1 !== undefined) {
        g.openSubtotal = { label: newSubtotal.label, points: newSubtotal.points, ref: this.ref(r, c1), startRel: r, lastRow: this.top + r };
      }

      // The row's cells first, then the row as one literal with every field: V8 can tell from a literal's
      // allocation site that these objects live on and place them where the young-generation collector
      // need not copy them (class instances are copied: markedly slower for 100,000 kept rows).
      const level1 = c1 !== undefined ? this.refFrom(r, c1, l1Own === "" && l1SrcRow >= 0 ? l1SrcRow : r, c1) : undefined;
      const level2 = c2 !== undefined ? this.refFrom(r, c2, l2Blank && l2SrcRow >= 0 ? l2SrcRow : r, c2) : undefined;
      const name = cols.name !== undefined ? this.ref(r, cols.name) : undefined;
      const sign = cols.sign !== undefined ? this.ref(r, cols.sign) : undefined;
      const target = cols.target !== undefined ? this.ref(r, cols.target) : undefined;
      const unit = cols.unit !== undefined ? this.ref(r, cols.unit) : undefined;
      const actual = cols.actual !== undefined ? this.ref(r, cols.actual) : undefined;
      const weight = cols.weight !== undefined ? this.ref(r, cols.weight) : undefined;
      const score = cols.score !== undefined ? this.ref(r, cols.score) : undefined;
      const reason = cols.reason !== undefined ? this.ref(r, cols.reason) : undefined;
      const standard = cols.standard !== undefined ? this.ref(r, cols.standard) : undefined;
      const explain = cols.explain !== undefined ? this.ref(r, cols.explain) : undefined;
      const note = cols.note !== undefined ? this.ref(r, cols.note) : undefined;
      const wn = weight ? readPoints(weight.value, weight.numberFormat) : undefined;
      const sn = score ? readPoints(score.value, score.numberFormat) : undefined;
      // A figure is never a 不适用 mark: only non-numeric weight or score cells are looked at.
      const notApplicable = (wn === undefined && isNotApplicable(weight?.text ?? "")) || (sn === undefined && isNotApplicable(score?.text ?? ""));
      const content = meaningful(target) || meaningful(actual) || wn !== undefined || sn !== undefined;
      const nameText = name ? name.text : "";
      const templateName =
        nameText !== "" && nameText.length <= 16 && mayBePlaceholderName(nameText) && PLACEHOLDER_NAME.test(nameText.replace(/ /g, ""));
      const subtotalOnly = newSubtotal !== undefined && nameText === "" && !content;
      if (subtotalOnly) {
        lastContent = r;
        g.lastRel = r;
        continue;
      }
      const row: Mutable<IndicatorRow> = {
        row: this.top + r,
        level1,
        level2,
        name,
        sign,
        target,
        unit,
        actual,
        weight,
        score,
        reason,
        standard,
        explain,
        note,
        weightNumber: wn,
        scoreNumber: sn,
        category: undefined,
        notApplicable,
        placeholder: templateName || (nameText === "" && !content),
      };
      g.rows.push(row);
      g.content.push(content);
      g.lastRel = r;
      lastContent = r;
    }
    closeSubtotal(group, top);
    if (body.lastRow < lastContent) body.lastRow = lastContent;
    // The 总分/合计 row may come after notes (其他需要说明事项, 说明 …) that ended the body: still the table's total.
    if (!list && !body.total && !(group && group.total)) {
      const after = this.totalAfterNotes(r, limit, cols, headerRows);
      if (after) {
        if (group) group.total = after.total;
        else body.total = after.total;
        body.totalLabelCol = after.labelCol;
        if (body.lastRow < after.row) body.lastRow = after.row;
      }
    }
    return body;
  }

  /** A 总分/合计 row within a few rows after the body (past notes), before any other header. */
  private totalAfterNotes(
    from: number,
    limit: number,
    cols: Cols<IndicatorField>,
    headerRows: ReadonlySet<number>,
  ): { row: number; labelCol: number; total: NonNullable<IndicatorProject["total"]> } | undefined {
    for (let r = from; r < Math.min(limit, from + 8, this.nRows); r++) {
      if (headerRows.has(r)) return undefined;
      const fc = this.firstNonBlank(r);
      if (fc < 0) continue;
      if (!TOTAL_PATTERN.test(this.normCased(r, fc))) continue;
      const weight = cols.weight !== undefined && cols.weight !== fc && !this.blank(r, cols.weight) ? this.ref(r, cols.weight) : undefined;
      const score = cols.score !== undefined && cols.score !== fc && !this.blank(r, cols.score) ? this.ref(r, cols.score) : undefined;
      if (!weight && !score) continue;
      const total: Mutable<NonNullable<IndicatorProject["total"]>> = { label: this.ref(r, fc) };
      if (weight) total.weight = weight;
      if (score) total.score = score;
      return { row: r, labelCol: fc, total };
    }
    return undefined;
  }

  private findGrade(from: number, to: number, headerRows: ReadonlySet<number>): { ref: Ref; row: number } | undefined {
    for (let r = from; r < to && r < this.nRows; r++) {
      if (r > from && headerRows.has(r)) return undefined;
      const w = this.rowWidth(r);
      for (let c = 0; c < w; c++) {
        const n = this.norm(r, c);
        if (n === "") continue;
        const f = matchFormLabel(n);
        if (f === "grade") {
          const ref = this.valueRight(r, c);
          return ref ? { ref, row: r } : undefined;
        }
        if (f === "name") return undefined; // the next form
      }
    }
    return undefined;
  }

  // -- budget lists --

  private readBudgetList(h: BudgetHeader, ctxStart: number, limit: number): { table: BudgetListTable; lastRow: number } {
    const cols: Cols<BudgetField> = {};
    const used = new Set<number>();
    for (const x of h.hits) {
      if (cols[x.field] !== undefined || used.has(x.c)) continue;
      cols[x.field] = x.c;
      used.add(x.c);
    }
    let nHeader = 1;
    // Two-row header: 金额 above 合计 / 一般公共预算 …
    const s = h.r + 1;
    if (s < limit && s < this.nRows) {
      const w = this.rowWidth(s);
      let nonBlank = 0;
      let numeric = false;
      const subHits: Hit<BudgetField>[] = [];
      for (let c = 0; c < w; c++) {
        const v = this.cell(s, c);
        if (this.blank(s, c)) continue;
        nonBlank++;
        if (typeof v === "number" || readNumber(v) !== undefined) numeric = true;
        const n = this.norm(s, c);
        const f = n === "" ? undefined : matchBudgetField(n);
        if (f) subHits.push({ c, field: f, weak: false });
      }
      const idBlank =
        (cols.code === undefined || this.blank(s, cols.code)) && (cols.name === undefined || this.blank(s, cols.name));
      if (nonBlank > 0 && !numeric && idBlank && subHits.length > 0) {
        nHeader = 2;
        for (const x of subHits) {
          for (const [f, c] of Object.entries(cols) as [BudgetField, number][]) if (c === x.c) delete cols[f];
          if (AMOUNT_FIELDS.includes(x.field) || cols[x.field] === undefined) cols[x.field] = x.c;
        }
      }
    }
    const fieldCols = Object.values(cols) as number[];
    const leftCol = Math.min(...fieldCols);
    let rightCol = Math.max(...fieldCols);
    // extend over contiguous header cells
    for (let c = rightCol + 1; c < this.rowWidth(h.r) && !this.blank(h.r, c); c++) rightCol = c;

    // Amount unit: from the amount headers, then the header row, then title rows above.
    let amountUnit: "万元" | "元" | undefined;
    for (const f of AMOUNT_FIELDS) {
      const c = cols[f];
      if (c === undefined || amountUnit) continue;
      amountUnit = moneyUnitIn(this.text(h.r, c)) ?? (nHeader > 1 ? moneyUnitIn(this.text(h.r + 1, c)) : undefined);
    }
    for (let c = 0; c < this.rowWidth(h.r) && !amountUnit; c++) {
      const t = this.text(h.r, c);
      if (t.length <= MAX_LABEL && /单位/.test(t) && /元/.test(t)) amountUnit = moneyUnitIn(t);
    }
    let topRow = h.r;
    for (let r = h.r - 1; r >= Math.max(0, ctxStart) && r >= h.r - 4; r--) {
      if (this.rowBlank(r)) continue;
      let found = false;
      const w = this.rowWidth(r);
      for (let c = 0; c < w; c++) {
        const t = this.text(r, c);
        if (t === "" || t.length > 80) continue;
        if (!amountUnit && /单位/.test(t) && /元/.test(t)) amountUnit = moneyUnitIn(t);
        if (/清单|预算|单位[:：]|项目表|明细/.test(t)) found = true;
      }
      if (found) topRow = r;
    }

    const lines: BudgetLine[] = [];
    const mapped = Object.entries(cols) as [BudgetField, number][];
    const fillable: readonly BudgetField[] = ["budgetUnit", "department", "budgetType", "expenseType"];
    let blankRun = 0;
    let lastRow = h.r + nHeader - 1;
    for (let r = h.r + nHeader; r < limit && r < this.nRows; r++) {
      let any = false;
      for (const [, c] of mapped) {
        if (!this.blank(r, c)) {
          any = true;
          break;
        }
      }
      if (!any) {
        const fc = this.firstNonBlank(r, 0, rightCol + 1);
        if (fc >= 0 && STOP_PATTERN.test(toSimplified(compactLabel(this.text(r, fc))))) break;
        if (++blankRun >= MAX_BLANK_RUN) break;
        continue;
      }
      blankRun = 0;
      // subtotal rows (合计 / 小计) are skipped, and notes end the list
      const fc = this.firstNonBlank(r, leftCol, rightCol + 1);
      const first = fc >= 0 ? compactLabel(this.text(r, fc)) : "";
      const codeT = cols.code !== undefined ? compactLabel(this.text(r, cols.code)) : "";
      const nameT = cols.name !== undefined ? compactLabel(this.text(r, cols.name)) : "";
      lastRow = r;
      if (SUBTOTAL_PATTERN.test(first) || SUBTOTAL_PATTERN.test(codeT) || SUBTOTAL_PATTERN.test(nameT)) continue;
      if (codeT === "" && nameT === "" && STOP_PATTERN.test(first)) {
        lastRow = r - 1;
        break;
      }
      if (codeT === "" && nameT === "") continue;
      const line: Mutable<BudgetLine> = { row: this.top + r };
      for (const [f, c] of mapped) {
        if (f === "year") continue;
        let src: Pos | undefined;
        if (fillable.includes(f) && this.blank(r, c)) {
          const m = this.covered.get(this.key(r, c));
          if (m && m.left === c && m.top < r) src = { r: m.top, c };
        }
        (line as Record<string, unknown>)[f] = this.ref(r, c, src);
      }
      lines.push(line);
    }
    const table: BudgetListTable = {
      kind: "budget-list",
      layout: "list",
      sheet: this.sheet,
      range: this.rangeA1(topRow, leftCol, lastRow, rightCol),
      headerRow: this.top + h.r,
      headerRows: nHeader,
      columns: this.absCols(cols),
      amountUnit: amountUnit ?? "万元",
      lines,
    };
    return { table, lastRow };
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** Ends a group's open "(30分)" subtotal at the group's last row so far. */
function closeSubtotal(g: Group | undefined, top: number): void {
  if (!g || !g.openSubtotal) return;
  g.openSubtotal.lastRow = top + Math.max(g.openSubtotal.startRel, g.lastRel);
  g.subtotals.push(g.openSubtotal);
  g.openSubtotal = undefined;
}

/** The body's group (project) under `key`, new at the end of the body when first seen. */
function ensureGroup(body: Body, byKey: Map<string, Group>, key: string, info: ProjectInfo): Group {
  let g = byKey.get(key);
  if (!g) {
    g = { key, info, rows: [], content: [], subtotals: [], openSubtotal: undefined, lastRel: -1, total: undefined, grade: undefined };
    byKey.set(key, g);
    body.groups.push(g);
  }
  return g;
}

interface SubtotalDraft {
  label: string;
  points: number;
  ref: Ref;
  startRel: number;
  lastRow: number;
}

interface Group {
  key: string;
  info: ProjectInfo;
  rows: Mutable<IndicatorRow>[];
  /** Parallel to `rows`: the row carries a target, actual, numeric weight or score. */
  content: boolean[];
  subtotals: SubtotalDraft[];
  openSubtotal: SubtotalDraft | undefined;
  lastRel: number;
  total: IndicatorProject["total"] | undefined;
  grade: Ref | undefined;
}

interface Body {
  groups: Group[];
  lastRow: number;
  totalLabelCol: number;
  total?: IndicatorProject["total"];
  grade?: Ref;
}


