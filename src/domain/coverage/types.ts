/**
 * Plain inputs of reconciliation and coverage (覆盖率), independent of table recognition,
 * plus adapters from the recognized tables (tables/model.ts).
 */
import type { CellValue } from "../grid";
import { a1, cellText, parseA1, parseArea } from "../grid";
import type { Issue } from "../issues";
import type { BudgetListTable, FundsBlock, IndicatorProject, IndicatorTable, Ref } from "../tables/model";
import { compactLabel } from "../text";
import { readNumber, scaleByPowerOfTen } from "../value/number";
import { isYesFlag } from "./normalize";

/** One line of the budget list (预算项目清单), §2.6. Amounts in 万元. */
export interface BudgetItem {
  readonly code?: string; // 项目编码
  readonly name?: string; // 项目名称
  readonly budgetUnit?: string; // 预算单位
  readonly department?: string; // 主管部门
  readonly budgetType?: string; // 预算类型 (四本预算)
  readonly expenseType?: string; // 支出类型 (基本支出 / 项目支出)
  readonly secret: boolean; // 是否涉密
  readonly amountWan?: number; // 金额（万元）
  readonly declaredWan?: number; // 申报金额（万元）
  readonly approvedWan?: number; // 核定 / 建议安排金额（万元）
  readonly sheet: string;
  /** 0-based absolute sheet row. */
  readonly row: number;
  /** A1 address of the code cell, else the name cell. */
  readonly cell: string;
  /** File the line came from, when the host reads several. */
  readonly file?: string;
}

/** One project's performance target (绩效目标表 / 申报表), with whether it passed the §3 checks. */
export interface TargetItem {
  readonly code?: string; // 项目编码
  readonly name?: string; // 项目名称
  readonly unit?: string; // 实施单位 / 预算单位
  readonly department?: string; // 主管部门
  readonly amountWan?: number; // 年度资金总额（万元）
  /** False when the target table has errors (→ INVALID_TARGET). */
  readonly valid: boolean;
  readonly errorCount: number;
  readonly sheet: string;
  /** A1 address of the code cell, else the name cell, else the table's first cell. */
  readonly cell: string;
  readonly file?: string;
}

/** An entry of a further list (监控, 自评, 重点评价 …): a budget line is covered when it appears here. */
export interface CoveredItem {
  readonly code?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly department?: string;
  readonly amountWan?: number;
  readonly sheet?: string;
  readonly cell?: string;
  readonly file?: string;
}

/** A figure from a cell: numbers, or text with full-width digits / thousands separators. Percentages are refused. */
export function readAmount(v: CellValue | undefined, numberFormat?: string | null): number | undefined {
  if (v === undefined) return undefined;
  const r = readNumber(v, numberFormat);
  if (!r || r.percent) return undefined;
  return r.value;
}

/** 元 → 万元 without binary noise. */
export function yuanToWan(n: number): number {
  return scaleByPowerOfTen(n, -4);
}

function refText(r: Ref | undefined): string | undefined {
  if (!r) return undefined;
  const t = r.text !== "" ? r.text : cellText(r.value).trim();
  return t === "" ? undefined : t;
}

function refAmount(r: Ref | undefined, unit: "万元" | "元"): number | undefined {
  if (!r) return undefined;
  const n = readAmount(r.value, r.numberFormat);
  if (n === undefined) return undefined;
  return unit === "元" ? yuanToWan(n) : n;
}

/** Labels of total rows that are not budget lines (合计, 总计, 小计). */
const TOTAL_ROW = /^(合计|总计|小计|共计|总合计)$/;

/**
 * Budget lines of a recognized budget list. Amounts are converted to 万元 from the list's unit;
 * 是否涉密 是/Y/1/涉密 → secret. Lines with neither code nor name, and 合计/小计 rows without a
 * code, are skipped (they are not projects).
 */
export function budgetItemsFromTable(t: BudgetListTable, file?: string): BudgetItem[] {
  const out: BudgetItem[] = [];
  const col = t.columns.code ?? t.columns.name ?? 0;
  for (const line of t.lines) {
    const code = refText(line.code);
    const name = refText(line.name);
    if (code === undefined && name === undefined) continue;
    if (code === undefined && name !== undefined && TOTAL_ROW.test(compactLabel(name))) continue;
    const cellRef = line.code && code !== undefined ? line.code : (line.name ?? line.code);
    out.push({
      ...(code !== undefined ? { code } : {}),
      ...(name !== undefined ? { name } : {}),
      ...optText("budgetUnit", line.budgetUnit),
      ...optText("department", line.department),
      ...optText("budgetType", line.budgetType),
      ...optText("expenseType", line.expenseType),
      secret: line.secret ? isYesFlag(line.secret.value) : false,
      ...optNum("amountWan", refAmount(line.amount, t.amountUnit)),
      ...optNum("declaredWan", refAmount(line.declared, t.amountUnit)),
      ...optNum("approvedWan", refAmount(line.approved, t.amountUnit)),
      sheet: t.sheet,
      row: line.row,
      cell: cellRef ? cellRef.address : a1(line.row, col),
      ...(file !== undefined ? { file } : {}),
    });
  }
  return out;
}

function optText<K extends string>(key: K, r: Ref | undefined): Partial<Record<K, string>> {
  const t = refText(r);
  return t === undefined ? {} : ({ [key]: t } as Record<K, string>);
}

function optNum<K extends string>(key: K, n: number | undefined): Partial<Record<K, number>> {
  return n === undefined ? {} : ({ [key]: n } as Record<K, number>);
}

/** 年度资金总额 of a funds block in 万元: the total row (全年预算数, else 年初预算数), else the sum of its 其中 rows. */
export function fundsTotalWan(funds: FundsBlock | undefined): number | undefined {
  if (!funds) return undefined;
  const amountOf = (r: { budget?: Ref; initial?: Ref }): number | undefined =>
    refAmount(r.budget, funds.moneyUnit) ?? refAmount(r.initial, funds.moneyUnit);
  const total = funds.rows.find((r) => r.kind === "total");
  const t = total ? amountOf(total) : undefined;
  if (t !== undefined && t !== 0) return t;
  let sum = 0;
  let any = false;
  for (const r of funds.rows) {
    if (r.kind !== "part") continue;
    const n = amountOf(r);
    if (n !== undefined) {
      sum += n;
      any = true;
    }
  }
  // A total row left at 0 while the 其中 rows are filled is a known error (budget.total-mismatch); the parts are the better figure.
  return any ? Number(sum.toPrecision(15)) : t;
}

/**
 * How a target's validity is told: the issues found on its table(s); the error count of each project, in table and
 * project order (what the engine's checks give: no map from project to count needed); or a function of the project.
 */
export type TargetErrors = readonly Issue[] | readonly number[] | ((project: IndicatorProject, table: IndicatorTable) => number);

function isCountList(errors: TargetErrors): errors is readonly number[] {
  return Array.isArray(errors) && typeof errors[0] === "number";
}

/** Rows (0-based absolute) a project occupies: its header refs, indicator, placeholder, subtotal and funds rows. */
function projectRows(p: IndicatorProject): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  const take = (row: number | undefined): void => {
    if (row === undefined) return;
    if (row < min) min = row;
    if (row > max) max = row;
  };
  // A list row's info says its row; other info is read field by field (form cells in different rows).
  if (p.info.row !== undefined) take(p.info.row);
  else for (const r of [p.info.code, p.info.name, p.info.unit, p.info.department]) take(r?.row);
  for (const r of p.indicators) take(r.row);
  for (const r of p.placeholders) take(r.row);
  for (const s of p.subtotals) {
    take(s.firstRow);
    take(s.lastRow);
  }
  for (const r of p.funds?.rows ?? []) take(r.label.row);
  take(p.total?.label.row);
  take(p.grade?.row);
  return min <= max ? { min, max } : undefined;
}

/**
 * Error counts per project of a table from the table's issues: an error inside a project's rows
 * counts for that project (the first project, in table order, whose rows span it); an error elsewhere
 * in the table (header, table-level) counts for all. Linear in rows, projects and issues: a list of
 * 100,000 rows with tens of thousands of errors must not compare every error with every project.
 */
function errorCountsFromIssues(table: IndicatorTable, issues: readonly Issue[]): number[] {
  const rows: number[] = [];
  const cols: number[] = [];
  for (const issue of issues) {
    if (issue.severity !== "error" || issue.sheet !== table.sheet) continue;
    const at = parseA1(issue.cell);
    if (!at) continue;
    rows.push(at.row);
    cols.push(at.col);
  }
  return errorCountsAt(table, rows, cols);
}

/**
 * The same counts from the cells of the table's errors (parallel rows and columns, 0-based): what the engine keeps
 * of a table's errors when it does not keep every finding.
 */
export function errorCountsAt(table: IndicatorTable, rows: readonly number[], cols: readonly number[]): number[] {
  const counts = new Array<number>(table.projects.length).fill(0);
  // No error: every count is 0, and the projects' spans need not be found (a clean list of 150,000 projects).
  if (rows.length === 0) return counts;
  const area = parseArea(table.range);
  const owners = table.projects.length > 1 ? rowOwners(table.projects.map(projectRows)) : undefined;
  let everywhere = 0;
  for (let e = 0; e < rows.length; e++) {
    const row = rows[e];
    const col = cols[e];
    if (area && (row < area.top || row > area.bottom || col < area.left || col > area.right)) continue;
    if (!owners) {
      counts[0]++;
      continue;
    }
    const k = owners.of(row);
    if (k >= 0) counts[k]++;
    else everywhere++;
  }
  if (everywhere > 0) for (let i = 0; i < counts.length; i++) counts[i] += everywhere;
  return counts;
}

/**
 * For each row, the first project (by index) whose span covers it, or -1. Spans may overlap (a project
 * whose rows come back lower down): each row is given once, skipping rows already given ("next free row"
 * pointers with path halving), so the work stays near the number of rows however the spans overlap.
 */
function rowOwners(spans: readonly ({ min: number; max: number } | undefined)[]): { of: (row: number) => number } {
  let base = Infinity;
  let last = -Infinity;
  for (const s of spans) {
    if (!s) continue;
    if (s.min < base) base = s.min;
    if (s.max > last) last = s.max;
  }
  if (!(last >= base)) return { of: () => -1 };
  const size = last - base + 1;
  const owner = new Int32Array(size).fill(-1);
  const next = new Int32Array(size + 1);
  for (let i = 0; i <= size; i++) next[i] = i;
  const free = (i: number): number => {
    while (next[i] !== i) {
      next[i] = next[next[i]];
      i = next[i];
    }
    return i;
  };
  spans.forEach((s, k) => {
    if (!s) return;
    for (let i = free(s.min - base); i <= s.max - base; i = free(i + 1)) {
      owner[i] = k;
      next[i] = i + 1;
    }
  });
  return { of: (row) => (row >= base && row <= last ? owner[row - base] : -1) };
}

/**
 * Targets of the projects of one or more indicator tables. Validity comes from `errors`: the issues found
 * on the table(s) (error-severity ones count; see errorCountsFromIssues), each project's error count in
 * order (a missing count is 0), or a function giving it. A project with 0 errors is a valid target.
 */
export function targetItemsFromProjects(
  tables: IndicatorTable | readonly IndicatorTable[],
  errors: TargetErrors,
  file?: string,
): TargetItem[] {
  const list: readonly IndicatorTable[] = isTableList(tables) ? tables : [tables];
  const out: TargetItem[] = [];
  const counts = isCountList(errors) ? errors : undefined;
  let offset = 0;
  for (const table of list) {
    const fromIssues = typeof errors === "function" || counts ? undefined : errorCountsFromIssues(table, errors as readonly Issue[]);
    const countOf = typeof errors === "function" ? errors : undefined;
    // The table's first column, for a project with neither code nor name cell (ranges are absolute).
    const tableLeft = parseArea(table.range)?.left ?? 0;
    const projects = table.projects;
    for (let k = 0; k < projects.length; k++) {
      const p = projects[k];
      // Each info field read once: a list's project info makes its Ref on every read.
      const info = p.info;
      const codeRef = info.code;
      const nameRef = info.name;
      const nameText = refText(nameRef);
      const split = codeRef ? undefined : splitCodedName(nameText);
      const code = split ? split.code : refText(codeRef);
      const name = split ? split.name : nameText;
      const errorCount = counts ? (counts[offset + k] ?? 0) : fromIssues ? fromIssues[k] : (countOf as (p: IndicatorProject, t: IndicatorTable) => number)(p, table);
      const at = codeRef ?? nameRef;
      // The project's own cell, else its first row's name cell (or the table's first column).
      let cell: string;
      if (at) cell = at.address;
      else {
        const firstRow = p.indicators[0] ?? p.placeholders[0];
        cell = firstRow ? (firstRow.name?.address ?? a1(firstRow.row, table.columns.name ?? tableLeft)) : table.range.split(":")[0];
      }
      // Built field by field: computed-key spreads were the slowest part of a 100k-row check.
      const item: { -readonly [K in keyof TargetItem]: TargetItem[K] } = { valid: errorCount === 0, errorCount, sheet: table.sheet, cell };
      if (code !== undefined) item.code = code;
      if (name !== undefined) item.name = name;
      const unit = refText(info.unit);
      if (unit !== undefined) item.unit = unit;
      const department = refText(info.department);
      if (department !== undefined) item.department = department;
      const amount = fundsTotalWan(p.funds);
      if (amount !== undefined) item.amountWan = amount;
      if (file !== undefined) item.file = file;
      out.push(item);
    }
    offset += projects.length;
  }
  return out;
}

/**
 * Budget systems print a form's 项目名称 as "项目编码-项目名称" (四川: "51000021R000000019951-工资性支出"):
 * split it so the target joins the budget list by code. A code is ≥ 10 letters/digits with at least 6 digits.
 */
export function splitCodedName(text: string | undefined): { code: string; name: string } | undefined {
  if (!text) return undefined;
  // One separator: spaces around a mark, or spaces alone (no two space runs that could share the same spaces).
  const m = /^\s*([0-9A-Za-z]{10,40})(?:\s*[-－—–_：:]|\s)\s*(\S.*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[1].replace(/\D/g, "").length;
  return digits >= 6 ? { code: m[1], name: m[2].trim() } : undefined;
}

function isTableList(t: IndicatorTable | readonly IndicatorTable[]): t is readonly IndicatorTable[] {
  return Array.isArray(t);
}
