/**
 * Array-level coverage functions behind the custom functions JX.HASTARGET, JX.MISSING, JX.COVERAGE,
 * JX.COVERAGEBY and JX.REDUCTION. Inputs are cell values as Excel passes them (a single value, a
 * column or a 2-D range, read row by row). Blank cells and trailing empty rows are ignored; numbers
 * stored as text and full-width digits are read; codes are normalized like the reconciliation does
 * (full-width, leading `'`, lost leading zeros).
 *
 * A ratio with nothing to divide by is NaN (the wrapper shows #DIV/0!).
 */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";
import { cleanText, compactLabel } from "../text";
import { CodeSet } from "./code-set";
import { UNCLASSIFIED, isBasicExpense, isYesFlag, normalizeCode } from "./normalize";
import { readAmount } from "./types";

/** One value, a column/row, or a 2-D range. */
export type CellInput = CellValue | undefined | readonly (CellValue | undefined)[] | readonly (readonly (CellValue | undefined)[])[];

export { CodeSet };

/** Flattens an input row by row; undefined cells become null. */
export function flattenCells(input: CellInput): CellValue[] {
  if (!Array.isArray(input)) return [input === undefined ? null : (input as CellValue)];
  const out: CellValue[] = [];
  for (const x of input as readonly unknown[]) {
    if (Array.isArray(x)) for (const y of x as readonly (CellValue | undefined)[]) out.push(y === undefined ? null : y);
    else out.push(x === undefined ? null : (x as CellValue));
  }
  return out;
}

/**
 * The normalized codes of a range (blanks and errors skipped). Plain loops, no flat copy and no callback: a whole
 * column is a million cells.
 */
export function buildCodeSet(codes: CellInput): CodeSet {
  if (!Array.isArray(codes)) {
    const one = new CodeSet(1);
    one.addCell(codes as CellValue | undefined);
    return one;
  }
  const input = codes as readonly unknown[];
  const first: unknown = input[0];
  const set = new CodeSet(input.length * (Array.isArray(first) ? Math.max(1, first.length) : 1));
  for (let i = 0; i < input.length; i++) {
    const x = input[i];
    if (!Array.isArray(x)) {
      set.addCell(x as CellValue | undefined);
      continue;
    }
    const row = x as readonly (CellValue | undefined)[];
    for (let c = 0; c < row.length; c++) set.addCell(row[c]);
  }
  return set;
}

function toCodeSet(x: CodeSet | CellInput): CodeSet {
  return x instanceof CodeSet ? x : buildCodeSet(x);
}

/** True when a code is in the set (equal after normalization, or differing only by leading zeros). Blank → false. */
export function hasTarget(code: CellValue | undefined, targetCodes: CodeSet | CellInput): boolean {
  return toCodeSet(targetCodes).lookup(code) === true;
}

/** True for an exclusion flag cell: 是/Y/1/TRUE/涉密 (是否涉密), 基本支出, or 排除/不纳入. */
export function isExclusionFlag(v: CellValue | undefined): boolean {
  if (isYesFlag(v)) return true;
  if (typeof v !== "string") return false;
  const t = compactLabel(v);
  return isBasicExpense(t) || t.includes("排除") || t.includes("不纳入");
}

/**
 * Budget rows whose code (at 0-based `codeColumn`) is not among the target codes, in budget order.
 * Blank rows, rows with a blank code, and rows whose `excluded` flag (a column parallel to the rows)
 * is set are left out. Rows are returned as given.
 */
export function missingRows(
  budgetRows: readonly (readonly (CellValue | undefined)[])[],
  codeColumn: number,
  targetCodes: CodeSet | CellInput,
  excluded?: CellInput,
): CellValue[][] {
  const set = toCodeSet(targetCodes);
  const flags = excluded === undefined ? [] : flattenCells(excluded);
  const out: CellValue[][] = [];
  for (let r = 0; r < budgetRows.length; r++) {
    const row = budgetRows[r];
    if (!row) continue;
    // A blank code (so also a blank row) is no budget line; one that normalizes to "" neither.
    if (set.lookup(row[codeColumn]) !== false) continue;
    if (r < flags.length && isExclusionFlag(flags[r])) continue;
    out.push(row.map((v) => (v === undefined ? null : v)));
  }
  return out;
}

/** Positions of non-blank codes with their normalized code. */
function codePositions(budgetCodes: CellInput): { pos: number[]; codes: string[] } {
  const flat = flattenCells(budgetCodes);
  const pos: number[] = [];
  const codes: string[] = [];
  for (let i = 0; i < flat.length; i++) {
    const c = normalizeCode(flat[i]);
    if (c === "") continue;
    pos.push(i);
    codes.push(c);
  }
  return { pos, codes };
}

function amountAt(flat: readonly CellValue[], i: number): number {
  const v = flat[i];
  if (v === undefined || isCellError(v)) return 0;
  return readAmount(v) ?? 0;
}

/**
 * Coverage rate: budget codes found among the covered codes, by count, or by amount when `amounts`
 * (parallel to `budgetCodes`) is given. Each non-blank budget cell is one line. NaN when there is
 * no line (or no amount).
 */
export function coverageRate(budgetCodes: CellInput, coveredCodes: CodeSet | CellInput, amounts?: CellInput): number {
  const set = toCodeSet(coveredCodes);
  const { pos, codes } = codePositions(budgetCodes);
  const flatAmounts = amounts === undefined ? undefined : flattenCells(amounts);
  let total = 0;
  let covered = 0;
  for (let k = 0; k < codes.length; k++) {
    const w = flatAmounts ? amountAt(flatAmounts, pos[k]) : 1;
    total += w;
    if (set.has(codes[k])) covered += w;
  }
  return total === 0 ? NaN : covered / total;
}

/** A row of JX.COVERAGEBY: [group, total, covered, rate] and, with amounts, [amount, coveredAmount, amountRate]. */
export type CoverageByRow = [string, number, number, number] | [string, number, number, number, number, number, number];

/**
 * Coverage by group (department, budget type …), groups in first-seen order (blank → 未分类).
 * `groups`, `budgetCodes` and `amounts` are parallel. Rows have 7 columns with amounts, 4 without.
 * Rates are NaN for a group with nothing to divide by.
 */
export function coverageBy(
  groups: CellInput,
  budgetCodes: CellInput,
  coveredCodes: CodeSet | CellInput,
  amounts?: CellInput,
): CoverageByRow[] {
  const set = toCodeSet(coveredCodes);
  const flatGroups = flattenCells(groups);
  const { pos, codes } = codePositions(budgetCodes);
  const flatAmounts = amounts === undefined ? undefined : flattenCells(amounts);
  const acc = new Map<string, { label: string; total: number; covered: number; amount: number; coveredAmount: number }>();
  for (let k = 0; k < codes.length; k++) {
    const g = flatGroups[pos[k]];
    const text = g === undefined || g === null || isCellError(g) ? "" : cleanText(String(g));
    const key = compactLabel(text);
    let a = acc.get(key);
    if (!a) {
      a = { label: text === "" ? UNCLASSIFIED : text, total: 0, covered: 0, amount: 0, coveredAmount: 0 };
      acc.set(key, a);
    }
    const hit = set.has(codes[k]);
    const w = flatAmounts ? amountAt(flatAmounts, pos[k]) : 0;
    a.total++;
    a.amount += w;
    if (hit) {
      a.covered++;
      a.coveredAmount += w;
    }
  }
  const rows: CoverageByRow[] = [];
  for (const a of acc.values()) {
    const rate = a.total === 0 ? NaN : a.covered / a.total;
    if (!flatAmounts) rows.push([a.label, a.total, a.covered, rate]);
    else {
      const amount = Number(a.amount.toPrecision(15));
      const coveredAmount = Number(a.coveredAmount.toPrecision(15));
      rows.push([a.label, a.total, a.covered, rate, amount, coveredAmount, amount === 0 ? NaN : coveredAmount / amount]);
    }
  }
  return rows;
}

function sumOf(input: CellInput): number {
  let s = 0;
  for (const v of flattenCells(input)) {
    if (isCellError(v)) continue;
    s += readAmount(v) ?? 0;
  }
  return s;
}

/** 审减率 (§6.1): (申报 − 核定) / 申报, over single values or ranges (summed). NaN when 申报 is 0. */
export function reductionRate(declared: CellInput, approved: CellInput): number {
  const d = sumOf(declared);
  const a = sumOf(approved);
  return d === 0 ? NaN : (d - a) / d;
}
