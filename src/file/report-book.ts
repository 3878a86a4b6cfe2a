/**
 * The report workbook (校验报告), built with ExcelJS: shared by the command line (report-workbook.ts writes it to a
 * file) and the browser page (which downloads the bytes). No Node built-ins here, and only ExcelJS's types: the
 * caller passes the ExcelJS module it loaded, so the browser keeps ExcelJS in a lazy chunk.
 * Sheets: 汇总 Summary (one row per file), 问题清单 Issues (one row per issue, optionally linked to the cell of the
 * checked file), and with a budget list 覆盖率统计 (by department, by budget type) and 缺少目标清单 (missing list).
 * Only what the engine reported is written; nothing is computed here.
 */
import type ExcelJS from "exceljs";
import { COVERAGE_BY_BUDGET_TYPE, COVERAGE_BY_DEPARTMENT, COVERAGE_GROUP_HEADER, COVERAGE_RATE_FORMAT, COVERAGE_TOTAL } from "./coverage-words";
import { severityLabel, VERDICT_WORDS, verdictOf, type Verdict } from "../domain/report";
import type { Report } from "../domain/report";
import type { ExcelJSModule } from "./grid-convert";
import { displayWidth } from "./width";

/** One checked (or unreadable) file. */
export interface ReportFileEntry {
  /** The file as shown to the user. */
  readonly file: string;
  /** Absolute path, for hyperlinks (omitted → no link; the link itself is the caller's `link`). */
  readonly path?: string;
  readonly report?: Report;
  /** The file's verdict as the other fronts give it (a budget list's is its coverage); else derived from `report`. */
  readonly verdict?: Verdict;
  readonly department?: string;
  readonly project?: string;
  /** Entered or computed totals and grades, already chosen by the caller (e.g. "88.5"). */
  readonly total?: string;
  readonly grade?: string;
  /** Why the file could not be checked. */
  readonly error?: { readonly message: string; readonly messageEn: string };
}

interface CoverageRow {
  readonly projects: number;
  readonly covered: number;
  readonly amount: number;
  readonly coveredAmount: number;
  /** Rates as the engine computed them (fractions). */
  readonly rateByCount?: number | null;
  readonly rateByAmount?: number | null;
}

/** The coverage figures the report shows (the JSON contract's coverage object fits). */
export interface ReportCoverage {
  readonly total: { readonly projects: number; readonly amount: number };
  readonly covered: { readonly projects: number; readonly amount: number };
  readonly rateByCount: number | null;
  readonly rateByAmount: number | null;
  readonly missing: readonly { readonly code?: string; readonly name?: string; readonly department?: string; readonly amount?: number | null; readonly class: string }[];
  readonly invalid: readonly { readonly code?: string; readonly name?: string; readonly department?: string; readonly amount?: number | null; readonly class: string }[];
  readonly excluded: readonly { readonly code?: string; readonly name?: string; readonly reason: string }[];
  readonly byDepartment: readonly (CoverageRow & { readonly department: string })[];
  readonly byBudgetType: readonly (CoverageRow & { readonly budgetType: string })[];
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

function sizeColumns(ws: ExcelJS.Worksheet, max = 60): void {
  const widths: number[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      const v = cell.value;
      const text = typeof v === "object" && v !== null && "text" in v ? String((v as { text: unknown }).text) : v === null ? "" : String(v);
      const longest = Math.max(...text.split("\n").map(displayWidth));
      widths[col] = Math.max(widths[col] ?? 6, Math.min(max, longest + 2));
    });
  });
  widths.forEach((w, i) => {
    if (w) ws.getColumn(i).width = w;
  });
}

/**
 * Formats columns that hold user text (file names, sheet names, values, messages quoting them, departments, codes)
 * as text ("@"). ExcelJS already writes every string as a text cell, never as a formula; the text format keeps it
 * text when a user edits the cell later (F2, Enter), so "=1+1" or "-2+3" copied from a table is never evaluated
 * and "0012" keeps its zeros.
 */
function textColumns(ws: ExcelJS.Worksheet, columns: readonly number[]): void {
  for (const c of columns) ws.getColumn(c).numFmt = "@";
}

function styleHeader(ws: ExcelJS.Worksheet, rowNumber: number): void {
  const row = ws.getRow(rowNumber);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: "middle", wrapText: true };
  });
}

/** Where a summary row (no sheet) or an issue's cell links to; undefined → plain text. */
export type ReportLink = (file: ReportFileEntry, sheet?: string, cell?: string) => string | undefined;

/** Adds the report's sheets to an empty workbook. */
export function fillReportWorkbook(wb: ExcelJS.Workbook, files: readonly ReportFileEntry[], coverage?: ReportCoverage, link: ReportLink = () => undefined): void {
  wb.creator = "绩效助手 JX";
  wb.created = new Date();

  // 汇总 Summary
  const sum = wb.addWorksheet("汇总 Summary", { views: [{ state: "frozen", ySplit: 1 }] });
  sum.addRow(["文件 File", "部门 Department", "项目 Project", "结论 Verdict", "错误 Errors", "警告 Warnings", "提示 Infos", "总分 Total", "等级 Grade"]);
  styleHeader(sum, 1);
  for (const f of files) {
    const s = f.report?.stats;
    const v = f.error || !f.report ? "not-checked" : (f.verdict ?? verdictOf(f.report));
    const [zh, en] = VERDICT_WORDS[v];
    const verdict = f.error ? `${zh} / ${en}: ${f.error.message} / ${f.error.messageEn}` : `${zh} / ${en}`;
    const row = sum.addRow([f.file, f.department ?? "", f.project ?? "", verdict, s?.errors ?? "", s?.warnings ?? "", s?.infos ?? "", f.total ?? "", f.grade ?? ""]);
    const fileLink = link(f);
    if (fileLink) row.getCell(1).value = { text: f.file, hyperlink: fileLink };
    if (v !== "ready" && v !== "covered") row.getCell(4).font = { color: { argb: "FFC00000" } };
  }
  textColumns(sum, [1, 2, 3, 4, 8, 9]);
  sizeColumns(sum);

  // 问题清单 Issues
  const iss = wb.addWorksheet("问题清单 Issues", { views: [{ state: "frozen", ySplit: 1 }] });
  const header = ["文件 File", "工作表 Sheet", "单元格 Cell", "严重程度 Severity", "代码 Code", "问题 Message", "当前值 Value", "应为 Expected", "依据 Source", "Message (English)"];
  const rows: (string | ExcelJS.CellHyperlinkValue)[][] = [];
  for (const f of files) {
    for (const i of f.report?.issues ?? []) {
      const href = link(f, i.sheet, i.cell);
      const cell: string | ExcelJS.CellHyperlinkValue = href ? { text: i.cell, hyperlink: href } : i.cell;
      rows.push([f.file, i.sheet, cell, severityLabel(i.severity), i.code, i.message, i.value, i.expected ?? "", i.source, i.messageEn]);
    }
  }
  if (rows.length > 0) {
    iss.addTable({
      name: "JXIssues",
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: header.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    iss.addRow(header);
    styleHeader(iss, 1);
    iss.addRow(["", "", "", "", "", "未发现问题 / No issues found"]);
  }
  textColumns(iss, header.map((_, i) => i + 1));
  sizeColumns(iss);
  iss.getColumn(6).alignment = { wrapText: true, vertical: "top" };
  iss.getColumn(10).alignment = { wrapText: true, vertical: "top" };

  if (coverage) writeCoverageSheets(wb, coverage);
}

/** The report workbook as .xlsx bytes (the browser downloads them). */
export async function buildReportWorkbook(
  exceljs: ExcelJSModule,
  files: readonly ReportFileEntry[],
  coverage?: ReportCoverage,
  link?: ReportLink,
): Promise<Uint8Array> {
  const wb = new exceljs.Workbook();
  fillReportWorkbook(wb, files, coverage, link);
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

function pct(n: number | null): string {
  return n === null || !Number.isFinite(n) ? "—" : `${(n * 100).toFixed(2)}%`;
}

function writeCoverageSheets(wb: ExcelJS.Workbook, c: ReportCoverage): void {
  const ws = wb.addWorksheet("覆盖率统计 Coverage", { views: [{ state: "frozen", ySplit: 3 }] });
  ws.addRow(["绩效目标覆盖率 Target coverage", `按项目数 by count: ${c.covered.projects}/${c.total.projects} = ${pct(c.rateByCount)}`, `按金额 by amount: ${c.covered.amount}/${c.total.amount} 万元 = ${pct(c.rateByAmount)}`]);
  ws.getRow(1).font = { bold: true };
  ws.addRow([]);
  ws.addRow([COVERAGE_BY_DEPARTMENT, ...COVERAGE_GROUP_HEADER]);
  styleHeader(ws, 3);
  // A rate where there is something to cover; "—" for a group with no project (or no amount), as the screen says.
  const rate = (v: number | null | undefined, whole: number): number | string => (whole === 0 || v === null || v === undefined || !Number.isFinite(v) ? "—" : v);
  const addGroup = (label: string, r: CoverageRow): void => {
    const row = ws.addRow([label, r.projects, r.covered, rate(r.rateByCount, r.projects), r.amount, r.coveredAmount, rate(r.rateByAmount, r.amount)]);
    row.getCell(4).numFmt = COVERAGE_RATE_FORMAT;
    row.getCell(7).numFmt = COVERAGE_RATE_FORMAT;
  };
  for (const d of c.byDepartment) addGroup(d.department, d);
  addGroup(COVERAGE_TOTAL, { projects: c.total.projects, covered: c.covered.projects, amount: c.total.amount, coveredAmount: c.covered.amount, rateByCount: c.rateByCount, rateByAmount: c.rateByAmount });
  if (ws.lastRow) ws.lastRow.font = { bold: true };
  ws.addRow([]);
  const typeHeader = ws.addRow([COVERAGE_BY_BUDGET_TYPE, ...COVERAGE_GROUP_HEADER]);
  styleHeader(ws, typeHeader.number);
  for (const t of c.byBudgetType) addGroup(t.budgetType, t);
  textColumns(ws, [1]);
  sizeColumns(ws, 40);

  const miss = wb.addWorksheet("缺少目标清单 Missing", { views: [{ state: "frozen", ySplit: 1 }] });
  miss.addRow(["分类 Class", "项目编码 Code", "项目名称 Name", "主管部门 Department", "金额(万元) Amount", "原因 Reason"]);
  styleHeader(miss, 1);
  // The class in words, as the screen says it (the engine's MISSING_TARGET, INVALID_TARGET, EXCLUDED are for programs).
  for (const m of c.missing) miss.addRow(["缺少目标 / No target", m.code ?? "", m.name ?? "", m.department ?? "", m.amount ?? "", "没有绩效目标 / no target"]);
  for (const m of c.invalid) miss.addRow(["目标有错 / Target with errors", m.code ?? "", m.name ?? "", m.department ?? "", m.amount ?? "", "绩效目标有错误 / target has errors"]);
  for (const e of c.excluded) miss.addRow(["不计入 / Excluded", e.code ?? "", e.name ?? "", "", "", `不计入覆盖率 / excluded: ${e.reason}`]);
  textColumns(miss, [1, 2, 3, 4, 6]);
  miss.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, miss.rowCount), column: 6 } };
  sizeColumns(miss, 50);
}
