/**
 * The 覆盖率统计 sheet: overall figures, the tables by department and by 预算类型 (Excel tables; a rate is "—" where
 * there is nothing to cover, as `jx check` prints it), the lines lacking a valid target (no target, or one with
 * errors, with the reason), the exclusions, name-only matches, orphan targets and repeated codes, and a native clustered-column chart of projects vs covered by department. A rerun replaces the add-in's
 * previous coverage sheet (found by its marker, see ownership.ts); a sheet of the user's named 覆盖率统计 is never
 * touched (the sheet goes to 覆盖率统计 (2) and the pane says so), nor a table of the user's with one of our table
 * names. Two syncs (read names and markers, write); a failed write leaves the previous sheet.
 */
import type { CoverageJson } from "../domain/coverage";
import { COVERAGE_BY_BUDGET_TYPE, COVERAGE_BY_DEPARTMENT, COVERAGE_GROUP_HEADER, COVERAGE_RATE_FORMAT, COVERAGE_TOTAL } from "../file/coverage-words";
import { COVERAGE_SHEET, formatAsText, safeText } from "./sheets";
import { blockAddress, writeOwnSheet } from "./write";

export interface CoverageWritten {
  /** The sheet written: 覆盖率统计, or 覆盖率统计 (2) … when a sheet of the user's has that name. */
  readonly sheet: string;
  /** The name asked for (覆盖率统计). */
  readonly requested: string;
  /** True when the add-in's previous coverage sheet was replaced. */
  readonly replaced: boolean;
  /** Sheets a marker claimed as the add-in's coverage sheet that did not verify: kept as the user's. */
  readonly kept?: readonly string[];
  /** The two tables' names (by department, by budget type). */
  readonly tables: readonly string[];
  readonly syncs: number;
}

/** The tables' names, when free. */
export const COVERAGE_TABLES = ["JX_CoverageByDepartment", "JX_CoverageByBudgetType"] as const;

type Row = (string | number)[];

const GROUP_HEADER: readonly string[] = COVERAGE_GROUP_HEADER;

/** A rate, or "—" when there is nothing to cover (0 projects, or 0 万元), as `jx check` prints it. */
export function rateCell(rate: number, whole: number): number | string {
  return whole === 0 || !Number.isFinite(rate) ? "—" : rate;
}

function groupRows<K extends string>(rows: readonly ({ projects: number; covered: number; amount: number; coveredAmount: number; rateByCount: number; rateByAmount: number } & Record<K, string>)[], key: K): Row[] {
  return rows.map((r) => [safeText(r[key] || "未填写"), r.projects, r.covered, rateCell(r.rateByCount, r.projects), r.amount, r.coveredAmount, rateCell(r.rateByAmount, r.amount)]);
}

/** Why a line lacks a valid target, as the pane says it. */
export function lackingReason(m: CoverageJson["missing"][number]): string {
  if (m.class === "INVALID_TARGET") return `绩效目标（${m.target ?? ""}）有 ${m.errors ?? 0} 个错误，不计入覆盖 / its target has errors`;
  return "未找到绩效目标 / no target found";
}

/** Writes (or rewrites) the 覆盖率统计 sheet from the domain's coverage figures. */
export async function writeCoverageSheet(coverage: CoverageJson, caption: string): Promise<CoverageWritten> {
  const w = await writeOwnSheet({
    kind: "coverage",
    base: COVERAGE_SHEET,
    tables: COVERAGE_TABLES,
    what: { zh: COVERAGE_SHEET, en: "the coverage sheet (覆盖率统计)" },
    fill: async (ws) => fillCoverage(ws, coverage, caption),
  });
  return { sheet: w.sheet, requested: w.requested, replaced: w.replaced, ...(w.kept ? { kept: w.kept } : {}), tables: w.tables, syncs: w.syncs };
}

/** Queues the sheet's content; returns its two tables (department, budget type). */
function fillCoverage(ws: Excel.Worksheet, coverage: CoverageJson, caption: string): Excel.Table[] {
  const put = (top: number, rows: readonly Row[]): void => {
    if (!rows.length) return;
    ws.getRangeByIndexes(top, 0, rows.length, rows[0].length).values = rows.map((r) => [...r]);
  };
  const pct = (top: number, rows: number, cols: readonly number[]): void => {
    for (const c of cols) ws.getRangeByIndexes(top, c, rows, 1).numberFormat = Array.from({ length: rows }, () => [COVERAGE_RATE_FORMAT]);
  };
  put(0, [["覆盖率统计 Coverage", "", "", "", "", "", ""]]);
  ws.getRange("A1").format.font.bold = true;
  // User text (the caption's file names, departments, budget types, codes, names, sheets) is written as text:
  // its cells are formatted "@" before the values, and every value is escaped (safeText).
  formatAsText(ws, 1, 0, 1, 1);
  put(1, [[safeText(caption), "", "", "", "", "", ""]]);
  put(2, [
    [COVERAGE_TOTAL, coverage.total.projects, coverage.covered.projects, rateCell(coverage.rateByCount, coverage.total.projects), coverage.total.amount, coverage.covered.amount, rateCell(coverage.rateByAmount, coverage.total.amount)],
  ]);
  pct(2, 1, [3, 6]);

  let row = 4;
  const tables: Excel.Table[] = [];
  const table = (title: string, header: string, rows: Row[]): { top: number; count: number } => {
    put(row, [[title, "", "", "", "", "", ""]]);
    const top = row + 1;
    const body = rows.length ? rows : [["（无）", 0, 0, 0, 0, 0, 0]];
    formatAsText(ws, top + 1, 0, body.length, 1);
    put(top, [[header, ...GROUP_HEADER], ...body]);
    pct(top + 1, body.length, [3, 6]);
    const t = ws.tables.add(blockAddress(top, 0, body.length + 1, 7), true);
    tables.push(t);
    t.style = "TableStyleMedium9";
    row = top + body.length + 2;
    return { top, count: body.length };
  };
  const dept = table("按主管部门 By department", COVERAGE_BY_DEPARTMENT, groupRows(coverage.byDepartment, "department"));
  table("按预算类型 By budget type", COVERAGE_BY_BUDGET_TYPE, groupRows(coverage.byBudgetType, "budgetType"));

  // Lists under the tables: a title, a header, the lines (user text written as text); "（无）" when empty.
  const list = (title: string, header: Row, rows: Row[], textCols: readonly number[]): void => {
    put(row, [[title, "", "", "", "", "", ""]]);
    const body = rows.length ? rows : [["（无）", "", "", "", "", "", ""]];
    for (const c of textCols) formatAsText(ws, row + 2, c, body.length, 1);
    put(row + 1, [header, ...body]);
    row += body.length + 3;
  };
  const lacking = [...coverage.missing, ...coverage.invalid];
  list(
    "缺少有效绩效目标的项目 Lines without a valid target",
    ["项目编码 Code", "项目名称 Name", "主管部门 Department", "金额(万元) Amount", "工作表 Sheet", "单元格 Cell", "原因 Reason"],
    lacking.map((m) => [safeText(m.code), safeText(m.name), safeText(m.department), m.amount ?? "", safeText(m.sheet ?? ""), safeText(m.cell ?? ""), safeText(lackingReason(m))]),
    [0, 1, 2, 4, 5, 6],
  );
  list(
    "不计入覆盖率 Excluded",
    ["项目编码 Code", "项目名称 Name", "原因 Reason", "金额(万元) Amount", "工作表 Sheet", "单元格 Cell", ""],
    coverage.excluded.map((e) => [safeText(e.code), safeText(e.name), safeText(e.reason), e.amount ?? "", safeText(e.sheet), safeText(e.cell), ""]),
    [0, 1, 2, 4, 5],
  );
  list(
    "仅按单位和名称匹配 Matched by name only",
    ["项目编码 Code", "项目名称 Name", "目标编码 Target code", "绩效目标 Target", "工作表 Sheet", "单元格 Cell", ""],
    coverage.nameMatches.map((m) => [safeText(m.code), safeText(m.name), safeText(m.targetCode), safeText(m.target), safeText(m.sheet), safeText(m.cell), ""]),
    [0, 1, 2, 3, 4, 5],
  );
  list(
    "预算清单外的绩效目标 Targets not on the budget list",
    ["项目编码 Code", "项目名称 Name", "工作表 Sheet", "单元格 Cell", "", "", ""],
    coverage.orphans.map((o) => [safeText(o.code), safeText(o.name), safeText(o.sheet), safeText(o.cell), "", "", ""]),
    [0, 1, 2, 3],
  );
  list(
    "重复的项目编码 Repeated codes",
    ["项目编码 Code", "出现位置 Cells", "", "", "", "", ""],
    coverage.duplicates.map((d) => [safeText(d.code), safeText(d.cells.join("、")), "", "", "", "", ""]),
    [0, 1],
  );

  // Chart: department vs projects and covered (columns A:C of the department table).
  const chart = ws.charts.add("ColumnClustered", ws.getRange(blockAddress(dept.top, 0, dept.count + 1, 3)), "Columns");
  chart.title.text = "按主管部门的绩效目标覆盖 Coverage by department";
  chart.name = "JX_CoverageChart";
  chart.setPosition("I2", "P20");
  ws.getRange("A:A").format.columnWidth = 160;
  ws.getRange("B:G").format.columnWidth = 90;
  return tables;
}
