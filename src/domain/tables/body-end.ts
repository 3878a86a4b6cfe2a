/**
 * Where an indicator body ends: the 总分/合计 row (also after notes), the grade (自评等级) row, and the notes and
 * sections that close the block (注, 说明, 评价结论 …), read in the label zone left of the fields or in the first
 * column.
 */
import type { IndicatorField, IndicatorProject, Ref } from "./model";
import { TOTAL_PATTERN, isStopLabel, matchFormLabel } from "./synonyms";
import { isIdeograph } from "../text";
import type { CellValue } from "../grid";
import { type Cols, type Mutable, MAX_LABEL, SERIAL_HEADER, SheetGrid } from "./scan";
import { valueRight } from "./form-fields";
import type { Bound } from "./headers";
import { readNumber } from "../value/number";

export type Total = NonNullable<IndicatorProject["total"]>;

/** What `BodyEnd.at` says of a row: a row of the body, */
export const END_NONE = 0;
/** a 总分/合计 row (label in `labelCol`), */
export const END_TOTAL = 1;
/** a grade row (label in `labelCol`), */
export const END_GRADE = 2;
/** or a row past the end (a note, a new section). */
export const END_STOP = 3;

/** A unit line's label (单位：万元), normalised. */
const UNIT_LINE = /^(?:金额)?单位[:：]?(?:万元|元)$/;

/** A 总分 / 合计 label (normalised): every one holds 合 or 总, so most texts are settled without the expression. */
export function isTotalLabel(n: string): boolean {
  return n.length >= 2 && n.length <= 5 && TOTAL_PATTERN.test(n);
}

/** True when the cell is a string holding a CJK ideograph anywhere. */
function anyIdeograph(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  for (let i = 0; i < v.length; i++) if (isIdeograph(v.charCodeAt(i))) return true;
  return false;
}

/** A short string with a CJK ideograph in it (longer texts are never labels: see MAX_LABEL). */
function hasIdeograph(v: CellValue): boolean {
  return typeof v === "string" && v.length <= MAX_LABEL && anyIdeograph(v);
}

export class BodyEnd {
  /** Columns left of the fields (the block label 绩效指标 sits there), except serial-number columns. */
  private readonly zone: number[] = [];
  /** After `at` said END_TOTAL or END_GRADE: the label's column. */
  labelCol = -1;

  constructor(
    private readonly sg: SheetGrid,
    headerRow: number,
    private readonly start: number,
    private readonly firstFieldCol: number,
    private readonly c1: number,
    private readonly fields: { readonly name: number; readonly values: readonly number[] } = { name: -1, values: [] },
  ) {
    for (let c = 0; c < firstFieldCol; c++) if (!SERIAL_HEADER.test(sg.norm(headerRow, c))) this.zone.push(c);
  }

  /** A row of at most two cells, one of them "单位：万元" (or 元): the money unit line above a form. */
  private unitLine(r: number, fc: number): boolean {
    // Counted first, with no text made: an indicator row has more than two cells and is settled here.
    // Up to two cells, held in two numbers: no array made for every row of a long list.
    let c1 = -1;
    let c2 = -1;
    const w = this.sg.rowWidth(r);
    for (let c = fc; c < w; c++) {
      if (this.sg.blank(r, c)) continue;
      if (c1 < 0) c1 = c;
      else if (c2 < 0) c2 = c;
      else return false;
    }
    return (c1 >= 0 && UNIT_LINE.test(this.sg.norm(r, c1))) || (c2 >= 0 && UNIT_LINE.test(this.sg.norm(r, c2)));
  }

  /** True when the row has a 三级 name and a value, weight or score in the header's columns. */
  private indicatorRow(r: number): boolean {
    const { name, values } = this.fields;
    if (name < 0 || this.sg.blank(r, name)) return false;
    for (const c of values) if (!this.sg.blank(r, c)) return true;
    return false;
  }

  /** True when r is the body's first row that holds anything (blank rows between it and the header skipped). */
  private firstRow(r: number): boolean {
    for (let k = this.start; k < r; k++) if (!this.sg.rowBlank(k)) return false;
    return true;
  }

  at(r: number): number {
    const sg = this.sg;
    // Label zone left of the fields: totals, grades, new sections.
    let lz = -1;
    for (const c of this.zone) {
      if (!sg.blank(r, c)) {
        lz = c;
        break;
      }
    }
    // A code or a figure there (505006, 1) is a list's data, never a section's label: those are written in ideographs.
    if (lz >= 0 && !anyIdeograph(sg.cell(r, lz))) lz = -1;
    if (lz >= 0) {
      const n = sg.norm(r, lz);
      this.labelCol = lz;
      if (isTotalLabel(n)) return END_TOTAL;
      if (matchFormLabel(n) === "grade") return END_GRADE;
      // A new section (评价结论, 财政部门意见, 注), unless it is the block's own label (绩效指标) on its first row, or
      // the row is an indicator row whose 一级 label sits in a column the header did not name (a garbled or
      // vertical 一级 header: "出标产指", "项目绩效85分"): a name and a value beside it, and no note's words.
      if (!(/指标/.test(n) && this.firstRow(r)) && !(this.indicatorRow(r) && !isStopLabel(n))) return END_STOP;
    }
    const fc = sg.firstNonBlank(r);
    // Totals and notes are written in ideographs: a code or a figure in the first cell (P00000001, 1) is neither.
    if (fc >= 0 && fc <= this.firstFieldCol + 1 && hasIdeograph(sg.cell(r, fc))) {
      const n = sg.normCased(r, fc);
      if (n !== "" && isTotalLabel(n)) {
        this.labelCol = lz >= 0 ? lz : fc;
        return END_TOTAL;
      }
      if (n !== "" && (fc === this.c1 || fc === this.firstFieldCol)) {
        if (isStopLabel(n) && !/指标/.test(n.slice(0, 6))) return END_STOP;
      }
      // The next form's own fields (项目名称, 主管部门 …) when forms are stacked on one sheet: a new form starts here.
      const field = n !== "" ? matchFormLabel(n) : undefined;
      if (field === "name" || field === "code" || field === "department" || field === "unit") return END_STOP;
    }
    // The next form's unit line (天津市河北区人民法院 | 单位：万元).
    if (fc >= 0 && this.unitLine(r, fc)) return END_STOP;
    return END_NONE;
  }
}

/** The total of a 总分/合计 row whose label is at `lc`: the entered weight and score beside it. */
export function totalAt(sg: SheetGrid, r: number, lc: number, cols: Cols<IndicatorField>): Total {
  const total: Mutable<Total> = { label: sg.ref(r, lc) };
  if (cols.weight !== undefined && cols.weight !== lc) total.weight = sg.ref(r, cols.weight);
  if (cols.score !== undefined && cols.score !== lc) total.score = sg.ref(r, cols.score);
  // The score written beside the label instead (总分(100分) | 100 | 自评等级 | 优, real 30): the label's own figure,
  // when the row is blank under the weight and score columns and nothing else stands between.
  const beside = sg.firstNonBlank(r, lc + 1);
  if (
    cols.score !== undefined &&
    beside >= 0 &&
    beside < cols.score &&
    (!total.score || total.score.text.trim() === "") &&
    (!total.weight || total.weight.text.trim() === "") &&
    readNumber(sg.cell(r, beside), sg.format(r, beside)) !== undefined
  ) {
    total.score = sg.ref(r, beside);
  }
  return total;
}

/** A 总分/合计 row within a few rows after the body (past notes), before any other header. */
export function totalAfterNotes(sg: SheetGrid, from: number, bound: Bound, cols: Cols<IndicatorField>): { row: number; labelCol: number; total: Total } | undefined {
  for (let r = from; r < from + 8 && bound.within(r); r++) {
    const fc = sg.firstNonBlank(r);
    if (fc < 0) continue;
    if (!isTotalLabel(sg.normCased(r, fc))) continue;
    const weight = cols.weight !== undefined && cols.weight !== fc && !sg.blank(r, cols.weight) ? sg.ref(r, cols.weight) : undefined;
    const score = cols.score !== undefined && cols.score !== fc && !sg.blank(r, cols.score) ? sg.ref(r, cols.score) : undefined;
    if (!weight && !score) continue;
    const total: Mutable<Total> = { label: sg.ref(r, fc) };
    if (weight) total.weight = weight;
    if (score) total.score = score;
    return { row: r, labelCol: fc, total };
  }
  return undefined;
}

/** The grade (自评等级) on the total row or just below it, before the next form. */
export function findGrade(sg: SheetGrid, from: number, bound: Bound): { ref: Ref; row: number } | undefined {
  for (let r = from; r < from + 4 && bound.within(r); r++) {
    const w = sg.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const n = sg.norm(r, c);
      if (n === "") continue;
      const f = matchFormLabel(n);
      if (f === "grade") {
        const ref = valueRight(sg, r, c);
        return ref ? { ref, row: r } : undefined;
      }
      if (f === "name") return undefined; // the next form
    }
  }
  return undefined;
}
