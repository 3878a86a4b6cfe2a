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
import { isBlank, isCellError } from "../grid";
import { cleanText, compactLabel } from "../text";
import { UNCLASSIFIED, isBasicExpense, isYesFlag, looseCodeKey, normalizeCode } from "./normalize";
import { readAmount } from "./types";

/** One value, a column/row, or a 2-D range. */
export type CellInput = CellValue | undefined | readonly (CellValue | undefined)[] | readonly (readonly (CellValue | undefined)[])[];

/**
 * A set of normalized codes: digit-only codes by their loose key (leading zeros dropped: an exact match is a loose
 * one too), other codes as they are. One set look-up per code.
 */
export interface CodeSet {
  readonly exact: ReadonlySet<string>;
  readonly loose: ReadonlySet<string>;
}

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

function isCodeSet(x: unknown): x is CodeSet {
  return typeof x === "object" && x !== null && !Array.isArray(x) && "exact" in x && "loose" in x;
}

/** The normalized codes of a range (blanks and errors skipped). */
export function buildCodeSet(codes: CellInput): CodeSet {
  const exact = new Set<string>();
  const loose = new Set<string>();
  for (const v of flattenCells(codes)) {
    const c = normalizeCode(v);
    if (c === "") continue;
    const lk = looseCodeKey(c);
    if (lk !== undefined) loose.add(lk);
    else exact.add(c);
  }
  return { exact, loose };
}

function toCodeSet(x: CodeSet | CellInput): CodeSet {
  return isCodeSet(x) ? x : buildCodeSet(x);
}

function inSet(code: string, set: CodeSet): boolean {
  if (code === "") return false;
  const lk = looseCodeKey(code);
  return lk !== undefined ? set.loose.has(lk) : set.exact.has(code);
}

/** True when a code is in the set (equal after normalization, or differing only by leading zeros). Blank → false. */
export function hasTarget(code: CellValue | undefined, targetCodes: CodeSet | CellInput): boolean {
  return inSet(normalizeCode(code), toCodeSet(targetCodes));
}

/** True for an exclusion flag cell: 是/Y/1/TRUE/涉密 (是否涉密), 基本支出, or 排除/不纳入. */
export function isExclusionFlag(v: CellValue | undefined): boolean {
  if (isYesFlag(v)) return true;
  if (typeof v !== "string") return false;
  const t = compactLabel(v);
  return isBasicExpense(t) || t.includes("排除") || t.includes("不纳入");
}

function rowIsBlank(row: readonly (CellValue | undefined)[]): boolean {
  for (const v of row) if (v !== undefined && !isBlank(v)) return false;
  return true;
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
    if (!row || rowIsBlank(row)) continue;
    const code = normalizeCode(row[codeColumn]);
    if (code === "") continue;
    if (isExclusionFlag(flags[r])) continue;
    if (!inSet(code, set)) out.push(row.map((v) => (v === undefined ? null : v)));
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
    if (inSet(codes[k], set)) covered += w;
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
    const hit = inSet(codes[k], set);
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
