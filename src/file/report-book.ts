/**
 * The report workbook (校验报告), built with ExcelJS: shared by the command line (report-workbook.ts writes it to a
 * file) and the browser page (which downloads the bytes). No Node built-ins here, and only ExcelJS's types: the
 * caller passes the ExcelJS module it loaded, so the browser keeps ExcelJS in a lazy chunk.
 * Sheets: 汇总 Summary (one row per file), 问题清单 Issues (one row per issue, optionally linked to the cell of the
 * checked file), and with a budget list 覆盖率统计 (by department, by budget type) and 缺少目标清单 (missing list).
 * Only what the engine reported is written; nothing is computed here. Names and text from the checked workbooks are
 * written as the page shows them (shown-text.ts: controls and bidi overrides taken out), links keep the real names.
 */
import type ExcelJS from "exceljs";
import { COVERAGE_RATE_FORMAT } from "./coverage-words";
import { coverageLayout, missingLayout, type ReportCoverage, type SheetLayout } from "./coverage-layout";

export type { ReportCoverage } from "./coverage-layout";
import { severityLabel, VERDICT_WORDS, verdictOf, type Verdict } from "../domain/report";
import type { Report } from "../domain/report";
import type { Issue } from "../domain/issues";
import type { ExcelJSModule } from "./grid-convert";
import { shownName, shownText } from "./shown-text";
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

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

function sizeColumns(ws: ExcelJS.Worksheet, max = 60): void {
  const widths: number[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      widths[col] = Math.max(widths[col] ?? 6, cellWidth(cell.value, max));
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
export function textColumns(ws: ExcelJS.Worksheet, columns: readonly number[]): void {
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

/** The 汇总 Summary sheet's header. */
export const SUMMARY_HEADER = ["文件 File", "部门 Department", "项目 Project", "结论 Verdict", "错误 Errors", "警告 Warnings", "提示 Infos", "总分 Total", "等级 Grade"] as const;
/** Its columns that hold user text. */
export const SUMMARY_TEXT_COLUMNS = [1, 2, 3, 4, 8, 9] as const;
/** The 问题清单 Issues sheet's header (every column holds text). */
export const ISSUES_HEADER = ["文件 File", "工作表 Sheet", "单元格 Cell", "严重程度 Severity", "代码 Code", "问题 Message", "当前值 Value", "应为 Expected", "依据 Source", "Message (English)"] as const;
/** The row under the issues header when there is none. */
export const NO_ISSUES_ROW = ["", "", "", "", "", "未发现问题 / No issues found"] as const;

type CellValue = string | number | ExcelJS.CellHyperlinkValue;

/** A file's row of the summary sheet, and whether its verdict is shown in red (not ready, not covered). */
export function summaryRow(f: ReportFileEntry, link: ReportLink): { values: CellValue[]; red: boolean } {
  const s = f.report?.stats;
  const v = f.error || !f.report ? "not-checked" : (f.verdict ?? verdictOf(f.report));
  const [zh, en] = VERDICT_WORDS[v];
  const verdict = f.error ? `${zh} / ${en}: ${shownText(f.error.message)} / ${shownText(f.error.messageEn)}` : `${zh} / ${en}`;
  // Names and texts from a workbook as a person reads them: bidi controls neutralised (shown-text.ts).
  const file = shownName(f.file);
  const values: CellValue[] = [file, shownText(f.department ?? ""), shownText(f.project ?? ""), verdict, s?.errors ?? "", s?.warnings ?? "", s?.infos ?? "", f.total ?? "", f.grade ?? ""];
  const fileLink = link(f);
  if (fileLink) values[0] = { text: file, hyperlink: fileLink };
  return { values, red: v !== "ready" && v !== "covered" };
}

/** One finding's row of the issues sheet. */
export function issueRow(f: ReportFileEntry, i: Issue, link: ReportLink): (string | ExcelJS.CellHyperlinkValue)[] {
  const href = link(f, i.sheet, i.cell);
  const cell: string | ExcelJS.CellHyperlinkValue = href ? { text: i.cell, hyperlink: href } : i.cell;
  return [shownName(f.file), shownName(i.sheet), cell, severityLabel(i.severity), i.code, shownText(i.message), shownText(i.value), shownText(i.expected ?? ""), i.source, shownText(i.messageEn)];
}

/** The width sizeColumns gives a column for one cell's value: its longest line's, plus 2, within [6, max]. */
export function cellWidth(v: unknown, max: number): number {
  const text = typeof v === "object" && v !== null && "text" in v ? String((v as { text: unknown }).text) : v === null || v === undefined ? "" : String(v);
  const longest = Math.max(...text.split("\n").map(displayWidth));
  return Math.min(max, longest + 2);
}

/** Adds the report's sheets to an empty workbook. */
export function fillReportWorkbook(wb: ExcelJS.Workbook, files: readonly ReportFileEntry[], coverage?: ReportCoverage, link: ReportLink = () => undefined): void {
  wb.creator = "绩效助手 JX";
  wb.created = new Date();

  // 汇总 Summary
  const sum = wb.addWorksheet("汇总 Summary", { views: [{ state: "frozen", ySplit: 1 }] });
  sum.addRow([...SUMMARY_HEADER]);
  styleHeader(sum, 1);
  for (const f of files) {
    const { values, red } = summaryRow(f, link);
    const row = sum.addRow(values);
    if (red) row.getCell(4).font = { color: { argb: "FFC00000" } };
  }
  textColumns(sum, SUMMARY_TEXT_COLUMNS);
  sizeColumns(sum);

  // 问题清单 Issues
  const iss = wb.addWorksheet("问题清单 Issues", { views: [{ state: "frozen", ySplit: 1 }] });
  const header = [...ISSUES_HEADER];
  const rows: (string | ExcelJS.CellHyperlinkValue)[][] = [];
  for (const f of files) for (const i of f.report?.issues ?? []) rows.push(issueRow(f, i, link));
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
    iss.addRow([...NO_ISSUES_ROW]);
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

/** Writes one sheet of the coverage layout (coverage-layout.ts), the pane's sheets' layout too. */
function writeLayout(wb: ExcelJS.Workbook, l: SheetLayout, maxWidth: number): void {
  const ws = wb.addWorksheet(l.name, { views: [{ state: "frozen", ySplit: l.frozenRows }] });
  for (const r of l.rows) {
    let end = r.length;
    while (end > 0 && r[end - 1] === "") end--;
    ws.addRow(r.slice(0, end));
  }
  for (const h of l.headerRows) styleHeader(ws, h + 1);
  for (const b of l.boldRows) ws.getRow(b + 1).font = { bold: true };
  for (const r of l.rateRows) for (const c of l.rateColumns) ws.getRow(r + 1).getCell(c + 1).numFmt = COVERAGE_RATE_FORMAT;
  textColumns(
    ws,
    l.textColumns.map((c) => c + 1),
  );
  if (l.autoFilter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: l.width } };
  sizeColumns(ws, maxWidth);
}

function writeCoverageSheets(wb: ExcelJS.Workbook, c: ReportCoverage): void {
  writeLayout(wb, coverageLayout(c), 40);
  writeLayout(wb, missingLayout(c), 50);
}
