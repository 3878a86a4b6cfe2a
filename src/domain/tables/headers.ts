/**
 * Header rows (表头): finding the indicator and budget-list header rows of a sheet, their columns, the second header
 * row of a two-row header, and the evidence that a sheet looks like an indicator table without a header.
 */
import { splitPointsSuffix } from "../text";
import { readNumber } from "../value/number";
import { type BudgetField, type IndicatorField } from "./model";
import { INDICATOR_EVIDENCE, matchBudgetField, matchIndicatorField, mayBeHeaderWord } from "./synonyms";
import { type Cols, MAX_LABEL, ONLY_SPACE, isSpaceLike, isHeaderWordMemo, type Hit, type HeaderCand, VALUE_FIELDS, AMOUNT_FIELDS, SERIAL_HEADER, SheetGrid, normalizeHeaderMemo } from "./scan";

export function indicatorHits(sg: SheetGrid, r: number): Hit<IndicatorField>[] {
  const out: Hit<IndicatorField>[] = [];
  const w = sg.rowWidth(r);
  for (let c = 0; c < w; c++) {
    const n = sg.norm(r, c);
    if (n === "") continue;
    const m = matchIndicatorField(n);
    if (m) out.push({ c, field: m.field, weak: m.weak === true });
  }
  return out;
}

export function budgetHits(sg: SheetGrid, r: number): Hit<BudgetField>[] {
  const out: Hit<BudgetField>[] = [];
  const w = sg.rowWidth(r);
  for (let c = 0; c < w; c++) {
    const n = sg.norm(r, c);
    if (n === "") continue;
    const f = matchBudgetField(n);
    if (f) out.push({ c, field: f, weak: false });
  }
  return out;
}

export function qualifiesIndicator(hits: readonly Hit<IndicatorField>[]): boolean {
  const strong = new Set<IndicatorField>();
  for (const h of hits) if (!h.weak) strong.add(h.field);
  const hasName = strong.has("name") || strong.has("level1") || strong.has("level2");
  const hasValue = VALUE_FIELDS.some((f) => strong.has(f));
  return hasName && hasValue && strong.size >= 3;
}

export function qualifiesBudget(hits: readonly Hit<BudgetField>[]): boolean {
  const fields = new Set<BudgetField>(hits.map((h) => h.field));
  if (fields.size < 3) return false;
  const id = fields.has("code") || fields.has("name");
  const money = AMOUNT_FIELDS.some((f) => fields.has(f));
  return id && (money || (fields.has("code") && fields.has("name")));
}

const NAME_FIELDS: readonly IndicatorField[] = ["level1", "level2", "name"];

/**
 * A header split over two rows where neither is one alone: the names above (一级指标 | 二级指标 | 三级指标 | 指标), the
 * value columns below under them or under group labels (分值 | 县级 评分 | 市级 评分). Each column reads as its two
 * cells joined (指标 + 分值 = 指标分值), else its lower cell, else its upper one. The lower row holds nothing under
 * the name columns (it is no data row).
 */
function joinedWithNext(sg: SheetGrid, r: number, low: number, upper: readonly Hit<IndicatorField>[]): Hit<IndicatorField>[] | undefined {
  if (low >= sg.nRows || upper.filter((h) => !h.weak && NAME_FIELDS.includes(h.field)).length < 2) return undefined;
  if (upper.some((h) => !h.weak && VALUE_FIELDS.includes(h.field))) return undefined;
  // Under the name columns the lower row is blank, or a header word of a group (指标 over 分值).
  for (const h of upper) if (NAME_FIELDS.includes(h.field) && !sg.blank(low, h.c) && !matchIndicatorField(sg.norm(low, h.c))) return undefined;
  const w = Math.max(sg.rowWidth(r), sg.rowWidth(low));
  const hits: Hit<IndicatorField>[] = [];
  let values = 0;
  for (let c = 0; c < w; c++) {
    const lowText = sg.norm(low, c);
    const both = lowText === "" ? undefined : matchIndicatorField(normalizeHeaderMemo(sg.text(r, c) + sg.text(low, c)));
    const m = both ?? (lowText === "" ? undefined : matchIndicatorField(lowText));
    if (lowText !== "" && !m) return undefined; // a cell below that is no header word: a data row
    const hit = m ? { c, field: m.field, weak: m.weak === true } : upper.find((h) => h.c === c);
    if (!hit) continue;
    if (m && !m.weak && VALUE_FIELDS.includes(m.field)) values++;
    hits.push(hit);
  }
  return values > 0 && qualifiesIndicator(hits) ? hits : undefined;
}

/** Cells of a header row that name a list's serial or note column. */
function neutralCells(sg: SheetGrid, r: number): number {
  let n = 0;
  const w = sg.rowWidth(r);
  for (let c = 0; c < w; c++) {
    const t = sg.norm(r, c);
    if (t !== "" && (SERIAL_HEADER.test(t) || t === "备注" || t === "说明")) n++;
  }
  return n;
}

/**
 * A two-column allocation list (资金分配表 by place: 乡镇 | 补助经费(万元), 村名 | 金额): a place column and a money
 * column, and figures under the money header in at least two of the next four rows.
 */
/**
 * A row of only two header words that heads an allocation list by place (县(市、区) | 合计 | 第一批…奖补 above the
 * towns, 108): a place and an amount with figures under it, at most one other cell beside them (the batch's title).
 */
function allocationHeader(sg: SheetGrid, r: number): HeaderCand | undefined {
  const bh = budgetHits(sg, r);
  if (bh.length !== 2) return undefined;
  let nonBlank = 0;
  const w = sg.rowWidth(r);
  for (let c = 0; c < w; c++) if (!sg.blank(r, c)) nonBlank++;
  if (nonBlank - bh.length - neutralCells(sg, r) >= bh.length) return undefined;
  return allocationByPlace(sg, r, bh) ? { kind: "budget", r, hits: bh } : undefined;
}

function allocationByPlace(sg: SheetGrid, r: number, hits: readonly Hit<BudgetField>[]): boolean {
  if (hits.length !== 2) return false;
  const place = hits.find((h) => h.field === "budgetUnit" || h.field === "name");
  const money = hits.find((h) => AMOUNT_FIELDS.includes(h.field));
  if (!place || !money) return false;
  let figures = 0;
  for (let k = r + 1; k < sg.nRows && k <= r + 4; k++) if (readNumber(sg.cell(k, money.c), sg.format(k, money.c)) !== undefined) figures++;
  return figures >= 2;
}

export function isHeaderWord(sg: SheetGrid, v: string): boolean {
  return mayBeHeaderWord(v) && isHeaderWordMemo(v);
}

/**
 * Header rows of a sheet, found as the reading goes down the sheet: each row is classified at most once, by the
 * search for the next table's header or by the walk of the body being read (which asks about each of its rows
 * through a Bound, in the same pass). No separate pass over the sheet scans the rows of the bodies.
 */
export class HeaderScan {
  /** Rows below this have been classified; the headers among them are in `found`. */
  private classifiedTo = 0;
  private readonly found = new Map<number, HeaderCand>();
  private readonly precheck = new HeaderPrecheck();

  constructor(readonly sg: SheetGrid) {}

  /** The header at row r, if r is a header row (classifies the rows up to r once). */
  at(r: number): HeaderCand | undefined {
    if (r < this.classifiedTo) return this.found.get(r);
    let h: HeaderCand | undefined;
    while (this.classifiedTo <= r) {
      const k = this.classifiedTo++;
      h = classifyRow(this.sg, k, this.precheck);
      if (h) this.found.set(k, h);
    }
    return h; // row r's, the last classified
  }

  /** The first header row at or after `from`; undefined when none is left. */
  next(from: number): HeaderCand | undefined {
    for (let r = Math.max(0, from); r < this.sg.nRows; r++) {
      const h = this.at(r);
      if (h) return h;
    }
    return undefined;
  }

  /** The rows a table whose header is at `after` may use: those above the next header row. */
  bound(after: number): Bound {
    return new Bound(this, after);
  }
}

/** The rows below a header up to (not including) the next header row, learned row by row as the body asks. */
export class Bound {
  /** The next header row, once found; else the end of the sheet. */
  private limit: number;
  /** Rows (after, checked] are known to hold no header. */
  private checked: number;

  constructor(
    private readonly scan: HeaderScan,
    after: number,
  ) {
    this.checked = after;
    this.limit = scan.sg.nRows;
  }

  /** True when row r is inside the bound: below no other header and inside the sheet. */
  within(r: number): boolean {
    while (this.checked < r && this.checked + 1 < this.limit) {
      const k = ++this.checked;
      if (this.scan.at(k)) this.limit = k;
    }
    return r < this.limit;
  }
}

/** Every header row of a sheet, in order (the whole sheet classified; recognition itself uses HeaderScan). */
export function findHeaders(sg: SheetGrid): HeaderCand[] {
  const scan = new HeaderScan(sg);
  const out: HeaderCand[] = [];
  for (let h = scan.next(0); h; h = scan.next(h.r + 1)) out.push(h);
  return out;
}

const CELL_BLANK = 1;
const CELL_MAYBE = 2;
const CELL_OTHER = 3;

/** What the pre-check makes of one cell: blank, may be a header word, or something else. */
function cellKind(v: unknown): number {
  if (v === null || v === undefined) return CELL_BLANK;
  if (typeof v !== "string") return CELL_OTHER;
  if (isSpaceLike(v.charCodeAt(0)) && ONLY_SPACE.test(v)) return CELL_BLANK;
  return v.length <= MAX_LABEL && mayBeHeaderWord(v) ? CELL_MAYBE : CELL_OTHER;
}

/**
 * Whether a row may be a header at all: a header's words outnumber its other cells, and each word passes
 * mayBeHeaderWord (a test of its characters, no lookup). The answer for a cell is remembered per column: rows
 * repeat the cell above (一级, 二级, signs, units). The cells settled without a test (blanks, numbers, the cell
 * above repeated) are counted first; the others are tested only while the row may still be a header, so a data
 * row is usually given up after one test or none. The order does not change the answer, only when it is known.
 */
class HeaderPrecheck {
  private readonly lastValue: unknown[] = [];
  private readonly lastKind: number[] = [];
  /** Columns of the row being checked whose cells still need a test. */
  private pending = new Int32Array(64);

  mayBeHeader(row: readonly unknown[]): boolean {
    const n = row.length;
    while (this.lastKind.length < n) {
      this.lastKind.push(0);
      this.lastValue.push(undefined);
    }
    if (this.pending.length < n) this.pending = new Int32Array(n);
    const pending = this.pending;
    let nPending = 0;
    let other = 0;
    let maybe = 0;
    for (let c = 0; c < n; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (typeof v !== "string") other++;
      else if (this.lastValue[c] === v) {
        const kind = this.lastKind[c];
        if (kind === CELL_MAYBE) maybe++;
        else if (kind === CELL_OTHER) other++;
      } else pending[nPending++] = c;
    }
    for (let k = 0; k < nPending; k++) {
      if (other >= maybe + nPending - k) return false; // the rest cannot outnumber the others
      const c = pending[k];
      const v = row[c];
      const kind = cellKind(v);
      this.lastValue[c] = v;
      this.lastKind[c] = kind;
      if (kind === CELL_MAYBE) maybe++;
      else if (kind === CELL_OTHER) other++;
    }
    return maybe >= 3 && other < maybe;
  }
}

/** The header at row r, if the row is one (indicator first, then budget list). */
export function classifyRow(sg: SheetGrid, r: number, precheck = new HeaderPrecheck()): HeaderCand | undefined {
  const row = sg.values[r];
  if (!Array.isArray(row)) return undefined;
  // Cheap pre-check: a header row has at least 3 short string cells that may be header words, outnumbering the rest.
  if (!precheck.mayBeHeader(row)) return undefined;
  // One pass: non-blank cells, and cells that are header words at all (one cached lookup per distinct text).
  let nonBlank = 0;
  let words = 0;
  const n = row.length;
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    if (typeof v === "string") {
      if (isSpaceLike(v.charCodeAt(0)) && ONLY_SPACE.test(v)) continue;
      if (v.length <= MAX_LABEL && isHeaderWord(sg, v)) words++;
    }
    nonBlank++;
    if (nonBlank - words >= words + (n - c - 1)) break;
  }
  if (words === 2) return allocationHeader(sg, r);
  if (words < 3 || nonBlank - words >= words) return undefined;
  // Header words must outnumber the other cells: a row of label → value pairs (项目名称 | X | 金额 | 10) is not a header.
  const ih = indicatorHits(sg, r);
  if (ih.length >= 3 && nonBlank - ih.length < ih.length && qualifiesIndicator(ih)) return { kind: "indicator", r, hits: ih };
  if (ih.length >= 2) {
    // the lower row just below, or past one blank row an export inserted
    const low = r + 1 < sg.nRows && sg.rowBlank(r + 1) ? r + 2 : r + 1;
    const joined = joinedWithNext(sg, r, low, ih);
    if (joined) return { kind: "indicator", r, hits: joined, rows: low - r + 1 };
  }
  const bh = budgetHits(sg, r);
  if (nonBlank - bh.length < bh.length && qualifiesBudget(bh)) return { kind: "budget", r, hits: bh };
  // A list's serial and note columns (序号, 备注) are neither header words of a budget list nor data.
  if (bh.length === 2 && nonBlank - bh.length - neutralCells(sg, r) < bh.length && allocationByPlace(sg, r, bh)) return { kind: "budget", r, hits: bh };
  return undefined;
}

// -- main --

export function findEvidence(sg: SheetGrid): { r: number; c: number; word: string } | undefined {
  const words = new Set(INDICATOR_EVIDENCE);
  for (let r = 0; r < sg.nRows; r++) {
    const w = sg.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const v = sg.cell(r, c);
      if (typeof v !== "string" || v.length > 24) continue;
      const n = sg.norm(r, c);
      if (n === "") continue;
      const word = words.has(n) ? n : words.has(splitPointsSuffix(n).label) ? splitPointsSuffix(n).label : "";
      if (word) return { r, c, word };
    }
  }
  return undefined;
}

// -- indicator tables --

export function resolveIndicatorColumns(sg: SheetGrid, hits: readonly Hit<IndicatorField>[]): Cols<IndicatorField> {
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
 * word, and each sits under a blank cell, a merged cell, or a group label. One blank row between the two (an export
 * that inserted it) does not part them. Returns the merged column map and the sub-header's row.
 */
export function subHeader(sg: SheetGrid, r: number, cols: Cols<IndicatorField>, bound: Bound): { cols: Cols<IndicatorField>; row: number } | undefined {
  let s = r + 1;
  if (!bound.within(s)) return undefined;
  if (sg.rowBlank(s)) s++;
  if (!bound.within(s)) return undefined;
  const w = sg.rowWidth(s);
  const hits: Hit<IndicatorField>[] = [];
  for (let c = 0; c < w; c++) {
    if (sg.blank(s, c)) continue;
    const n = sg.norm(s, c);
    const m = n === "" ? undefined : matchIndicatorField(n);
    if (!m) return splitsValueColumn(sg, r, s, cols) ? { cols, row: s } : undefined; // else a data row
    hits.push({ c, field: m.field, weak: m.weak === true });
  }
  if (hits.length === 0) return undefined;
  if (qualifiesIndicator(hits)) return undefined; // a header of its own
  const fieldAt = new Map<number, IndicatorField>();
  for (const [f, c] of Object.entries(cols) as [IndicatorField, number][]) fieldAt.set(c, f);
  for (const h of hits) {
    const above = fieldAt.get(h.c);
    const ok =
      sg.blank(r, h.c) ||
      sg.covered.has(sg.key(r, h.c)) ||
      (sg.mergeAt.get(sg.key(r, h.c))?.right ?? h.c) > h.c ||
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
  return { cols: out, row: s };
}

/**
 * A row under the header that only names the parts of its value column (区域目标值 over 新罗区 | 永定区 | 上杭县 …):
 * at least two cells, all under the 指标值 header and the blank header cells to its right, none in the name or
 * category columns. A header row, never an indicator.
 */
function splitsValueColumn(sg: SheetGrid, r: number, s: number, cols: Cols<IndicatorField>): boolean {
  const t = cols.target;
  if (t === undefined) return false;
  let end = t + 1;
  while (end < sg.rowWidth(s) && sg.blank(r, end)) end++;
  let n = 0;
  for (let c = 0; c < sg.rowWidth(s); c++) {
    if (sg.blank(s, c)) continue;
    if (c < t || c >= end) return false;
    n++;
  }
  return n >= 2;
}
