/**
 * The coverage sheets' layout, cell by cell: 覆盖率统计 (the overall figures, the table by department with its 合计
 * row, the table by 预算类型) and 缺少目标清单 (the lines lacking a valid target and the exclusions, with their class
 * and reason in words). One layout for the report workbook (jx check --out and the page's download, report-book.ts)
 * and the sheets the pane writes (src/excel/coverage.ts), so a user sees the same sheets everywhere. Plain data, no
 * ExcelJS: the pane's bundle takes it without it.
 */
import { shownText } from "./shown-text";
import { COVERAGE_BY_BUDGET_TYPE, COVERAGE_BY_DEPARTMENT, COVERAGE_GROUP_HEADER, COVERAGE_TOTAL } from "./coverage-words";

/** One group's figures (the JSON contract's byDepartment / byBudgetType rows fit). */
export interface CoverageGroupRow {
  readonly projects: number;
  readonly covered: number;
  readonly amount: number;
  readonly coveredAmount: number;
  /** Rates as the engine computed them (fractions). */
  readonly rateByCount?: number | null;
  readonly rateByAmount?: number | null;
}

interface LackingLine {
  readonly code?: string;
  readonly name?: string;
  readonly department?: string;
  readonly amount?: number | null;
  readonly class: string;
}

/** The coverage figures the sheets show (the JSON contract's coverage object, and the engine's CoverageJson, fit). */
export interface ReportCoverage {
  readonly total: { readonly projects: number; readonly amount: number };
  readonly covered: { readonly projects: number; readonly amount: number };
  readonly rateByCount: number | null;
  readonly rateByAmount: number | null;
  readonly missing: readonly LackingLine[];
  readonly invalid: readonly LackingLine[];
  readonly excluded: readonly { readonly code?: string; readonly name?: string; readonly reason: string }[];
  readonly byDepartment: readonly (CoverageGroupRow & { readonly department: string })[];
  readonly byBudgetType: readonly (CoverageGroupRow & { readonly budgetType: string })[];
}

export type LayoutCell = string | number;

/** One sheet of the layout. Rows and columns are 0-based; every row has `width` cells ("" where empty). */
export interface SheetLayout {
  /** The sheet's name in the report workbook. */
  readonly name: string;
  readonly width: number;
  readonly rows: readonly (readonly LayoutCell[])[];
  /** Header rows: bold, filled, wrapped. */
  readonly headerRows: readonly number[];
  /** Other bold rows (the title, the 合计 row). */
  readonly boldRows: readonly number[];
  /** Rows whose rate columns take COVERAGE_RATE_FORMAT. */
  readonly rateRows: readonly number[];
  readonly rateColumns: readonly number[];
  /** Columns of user text, formatted as text ("@"). */
  readonly textColumns: readonly number[];
  /** Rows frozen at the top. */
  readonly frozenRows: number;
  /** True when the sheet has an autofilter over all its rows. */
  readonly autoFilter: boolean;
}

/** The report sheets' names (the pane names its own sheets 覆盖率统计 and 缺少目标清单, as its 校验报告, in Chinese). */
export const COVERAGE_SHEET_NAME = "覆盖率统计 Coverage";
export const MISSING_SHEET_NAME = "缺少目标清单 Missing";

/** A rate in words: "33.33%", or "—" when there is nothing to cover. */
export function ratePercent(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "—" : `${(n * 100).toFixed(2)}%`;
}

/** A rate's cell: the fraction, or "—" for a group with no project (or no amount), as the screen says. */
export function rateValue(v: number | null | undefined, whole: number): number | string {
  return whole === 0 || v === null || v === undefined || !Number.isFinite(v) ? "—" : v;
}

/** The 覆盖率统计 sheet. */
export function coverageLayout(c: ReportCoverage): SheetLayout {
  const width = 1 + COVERAGE_GROUP_HEADER.length;
  const rows: LayoutCell[][] = [];
  const headerRows: number[] = [];
  const boldRows: number[] = [];
  const rateRows: number[] = [];
  const pad = (r: LayoutCell[]): LayoutCell[] => [...r, ...Array<LayoutCell>(Math.max(0, width - r.length)).fill("")];
  rows.push(
    pad([
      "绩效目标覆盖率 Target coverage",
      `按项目数 by count: ${c.covered.projects}/${c.total.projects} = ${ratePercent(c.rateByCount)}`,
      `按金额 by amount: ${c.covered.amount}/${c.total.amount} 万元 = ${ratePercent(c.rateByAmount)}`,
    ]),
  );
  boldRows.push(0);
  rows.push(pad([]));
  const group = (label: string, r: CoverageGroupRow): void => {
    rateRows.push(rows.length);
    rows.push([shownText(label), r.projects, r.covered, rateValue(r.rateByCount, r.projects), r.amount, r.coveredAmount, rateValue(r.rateByAmount, r.amount)]);
  };
  headerRows.push(rows.length);
  rows.push([COVERAGE_BY_DEPARTMENT, ...COVERAGE_GROUP_HEADER]);
  for (const d of c.byDepartment) group(d.department, d);
  boldRows.push(rows.length);
  group(COVERAGE_TOTAL, { projects: c.total.projects, covered: c.covered.projects, amount: c.total.amount, coveredAmount: c.covered.amount, rateByCount: c.rateByCount, rateByAmount: c.rateByAmount });
  rows.push(pad([]));
  headerRows.push(rows.length);
  rows.push([COVERAGE_BY_BUDGET_TYPE, ...COVERAGE_GROUP_HEADER]);
  for (const t of c.byBudgetType) group(t.budgetType, t);
  return { name: COVERAGE_SHEET_NAME, width, rows, headerRows, boldRows, rateRows, rateColumns: [3, 6], textColumns: [0], frozenRows: 3, autoFilter: false };
}

/** The 缺少目标清单 sheet: the class in words, as the screen says it (MISSING_TARGET, INVALID_TARGET, EXCLUDED are for programs). */
export function missingLayout(c: ReportCoverage): SheetLayout {
  const rows: LayoutCell[][] = [["分类 Class", "项目编码 Code", "项目名称 Name", "主管部门 Department", "金额(万元) Amount", "原因 Reason"]];
  // Codes, names and departments as read from the list: shown as the page shows them (controls and bidi overrides out).
  const t = (s: string | undefined): string => shownText(s ?? "");
  for (const m of c.missing) rows.push(["缺少目标 / No target", t(m.code), t(m.name), t(m.department), m.amount ?? "", "没有绩效目标 / no target"]);
  for (const m of c.invalid) rows.push(["目标有错 / Target with errors", t(m.code), t(m.name), t(m.department), m.amount ?? "", "绩效目标有错误 / target has errors"]);
  for (const e of c.excluded) rows.push(["不计入 / Excluded", t(e.code), t(e.name), "", "", `不计入覆盖率 / excluded: ${t(e.reason)}`]);
  return { name: MISSING_SHEET_NAME, width: 6, rows, headerRows: [0], boldRows: [], rateRows: [], rateColumns: [], textColumns: [0, 1, 2, 3, 5], frozenRows: 1, autoFilter: true };
}
