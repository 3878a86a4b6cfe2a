/**
 * Argument conversion for the JX functions: Excel's arguments (a scalar, or a 2-D array for a range, with
 * whole columns, blanks and error values) into grid values, Excel-style element-wise evaluation with
 * broadcasting, trailing blank rows/columns trimmed, and a header row recognized on list arguments.
 * No scoring or coverage rule lives here: those are in src/domain.
 */
import type { CellValue } from "../domain/grid";
import { isCellError } from "../domain/grid";
import { normalizeHeader, matchBudgetField } from "../domain/tables/synonyms";
import { cleanText } from "../domain/text";
import { argValue } from "./cells";
import { jxError, passError } from "./errors";

/** A converted argument: rows of grid values (a single cell is [[v]]). */
export type Matrix = CellValue[][];

/** One cell of a JX result. */
export type Out = string | number | boolean | CustomFunctions.Error;

/** True when an argument was left out (Excel passes null or undefined for an omitted optional argument). */
export function isOmitted(arg: unknown): boolean {
  return arg === null || arg === undefined;
}

/** An Excel argument as a matrix of grid values: a scalar → [[v]], a 1-D array → one row. */
export function toMatrix(arg: unknown): Matrix {
  if (!Array.isArray(arg)) return [[argValue(arg)]];
  const rows = arg as readonly unknown[];
  if (rows.length === 0) return [[null]];
  if (!Array.isArray(rows[0])) return [rows.map(argValue)];
  // The argument itself while every row is clean (the usual case); a copy from the first row that is not.
  let out: Matrix | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const clean = Array.isArray(row) && isClean(row);
    if (clean && out === undefined) continue;
    if (out === undefined) out = rows.slice(0, r) as Matrix;
    out.push(clean ? (row as CellValue[]) : Array.isArray(row) ? row.map(argValue) : [argValue(row)]);
  }
  return out ?? (rows as Matrix);
}

/**
 * True when a row already holds grid values only (numbers, text, booleans, null), so it is used as
 * it is: a whole column is a million rows, and copying each would dominate the call. Neither the argument nor its
 * rows are ever mutated.
 */
function isClean(row: readonly unknown[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || typeof v === "number" || typeof v === "boolean") continue;
    if (typeof v === "string") continue; // "" (a blank cell) is read as blank everywhere downstream
    return false;
  }
  return true;
}

/** Blank for the JX functions: empty, or only spaces. */
export function isBlankValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Rows and columns up to the last non-blank cell (whole-column references end in a million blank rows). */
export function usedExtent(m: Matrix): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (let r = m.length - 1; r >= 0; r--) {
    const row = m[r];
    for (let c = row.length - 1; c >= cols; c--) {
      if (!isBlankValue(row[c])) {
        cols = c + 1;
        if (rows === 0) rows = r + 1;
        break;
      }
    }
  }
  return { rows, cols };
}

/** Drops trailing blank rows (keeps at least one row). */
export function trimRows(m: Matrix): Matrix {
  let n = m.length;
  while (n > 1 && m[n - 1].every(isBlankValue)) n--;
  return n === m.length ? m : m.slice(0, n);
}

export interface LiftOptions {
  /**
   * Arguments whose blankness makes a position blank: when all of them are blank there, the result cell is ""
   * (a blank row inside a range stays blank instead of turning into an error). Empty: never blank.
   */
  readonly primary: readonly number[];
}

/**
 * Evaluates `f` element-wise over the arguments as Excel lifts a scalar function over ranges: the result has
 * the largest shape among the arguments, a 1-row or 1-column argument is repeated along that dimension, and a
 * position outside a smaller argument is #N/A. Trailing rows and columns that are blank in every multi-cell
 * argument are trimmed. An error value in an argument cell is passed on. Omitted arguments (null) are blank.
 */
export function lift(args: readonly unknown[], opts: LiftOptions, f: (cells: readonly CellValue[]) => Out): Out[][] {
  const ms = args.map((a) => (isOmitted(a) ? undefined : toMatrix(a)));
  let rows = 1;
  let cols = 1;
  let multi = false;
  for (const m of ms) {
    if (!m) continue;
    const h = m.length;
    const w = m[0]?.length ?? 0;
    if (h === 1 && w === 1) continue;
    multi = true;
    const used = usedExtent(m);
    if (h > 1) rows = Math.max(rows, used.rows);
    if (w > 1) cols = Math.max(cols, used.cols);
  }
  if (multi) {
    rows = Math.max(rows, 1);
    cols = Math.max(cols, 1);
  }
  const out: Out[][] = new Array<Out[]>(rows);
  const cells = new Array<CellValue>(ms.length);
  for (let r = 0; r < rows; r++) {
    const line = new Array<Out>(cols);
    for (let c = 0; c < cols; c++) {
      let outside = false;
      let error: Out | undefined;
      for (let i = 0; i < ms.length; i++) {
        const m = ms[i];
        if (!m) {
          cells[i] = null;
          continue;
        }
        const rr = m.length === 1 ? 0 : r;
        const row = m[rr];
        const cc = row === undefined ? 0 : row.length === 1 ? 0 : c;
        if (row === undefined || cc >= row.length) {
          outside = true;
          cells[i] = null;
          continue;
        }
        const v = row[cc];
        cells[i] = v;
        if (error === undefined && isCellError(v)) error = passError(v);
      }
      if (outside) {
        line[c] = cellErrorNA();
        continue;
      }
      if (error !== undefined) {
        line[c] = error;
        continue;
      }
      if (opts.primary.length > 0 && opts.primary.every((i) => isBlankValue(cells[i]))) {
        line[c] = "";
        continue;
      }
      line[c] = f(cells);
    }
    out[r] = line;
  }
  return out;
}

function cellErrorNA(): CustomFunctions.Error {
  return jxError("notAvailable", "区域大小不一致，此位置没有对应的输入", "ranges differ in size: no input at this position");
}

/** Text of a cell for labels and sign columns ("" for blank). */
export function cellString(v: CellValue | undefined): string {
  if (v === null || v === undefined || isCellError(v)) return "";
  return cleanText(String(v));
}

/** True when a header-like text names a budget-list column (项目编码, 主管部门, 金额 …). */
export function isListHeader(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  const t = normalizeHeader(v);
  if (t === "") return false;
  if (matchBudgetField(t) !== undefined) return true;
  // A code column's own title in other words (编码, 预算项目代码): Chinese only, no digits, unlike a real code.
  return /^[\u4e00-\u9fff]+$/.test(t) && /(编码|代码|编号)$/.test(t);
}

/** The code column of a header row (项目编码 …), or undefined. */
export function codeColumnOf(header: readonly CellValue[]): number | undefined {
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v === "string" && matchBudgetField(normalizeHeader(v)) === "code") return c;
  }
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (typeof v === "string" && /(编码|代码|编号)$/.test(normalizeHeader(v))) return c;
  }
  return undefined;
}

/**
 * Parallel list arguments (codes, groups, amounts) with a shared header row dropped: when the first row of
 * any of them is a column title (项目编码, 主管部门, 金额 …), row 0 of every one is removed, so a whole-column
 * reference (A:A) works without counting its title as a project.
 */
export function dropHeaderRow(lists: readonly Matrix[]): Matrix[] {
  const header = lists.some((m) => m.length > 1 && m[0].some(isListHeader));
  return header ? lists.map((m) => (m.length > 1 ? m.slice(1) : m)) : [...lists];
}


