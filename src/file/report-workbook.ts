/**
 * The batch report workbook (校验报告) written by `jx check --out report.xlsx` (Node adapter), streamed: rows are
 * written to the file as they come (ExcelJS's streaming WorkbookWriter) and a file's findings are read once to size
 * the columns and once to write them, so the report of any batch is written in bounded memory. Its sheets, rows and
 * formats are report-book.ts's (which the browser page builds in memory), with file-relative hyperlinks; the
 * 问题清单 Issues sheet has a filter on its header instead of an Excel table (the streaming writer has no tables).
 * ExcelJS is loaded only when a report is written.
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import type { Issue } from "../domain/issues";
import { COVERAGE_RATE_FORMAT } from "./coverage-words";
import { coverageLayout, missingLayout, type SheetLayout } from "./coverage-layout";
import {
  cellWidth,
  HEADER_FILL,
  ISSUES_HEADER,
  issueRow,
  NO_ISSUES_ROW,
  SUMMARY_HEADER,
  SUMMARY_TEXT_COLUMNS,
  summaryRow,
  type ReportCoverage,
  type ReportFileEntry,
  type ReportLink,
} from "./report-book";

export type { ReportCoverage, ReportFileEntry } from "./report-book";

/** One finding of the issues sheet and the file it belongs to. */
export interface ReportIssueRow {
  readonly entry: ReportFileEntry;
  readonly issue: Issue;
}

/** Relative link from the report to a cell of a checked file: `dir/file.xlsx#'Sheet'!A1`. */
export function cellLink(reportPath: string, filePath: string, sheet?: string, cell?: string): string {
  let rel = path.relative(path.dirname(path.resolve(reportPath)), filePath).split(path.sep).join("/");
  // A first segment with a colon ("http:x.xlsx", "javascript:…") would read as a URL scheme: keep it a relative path.
  const first = rel.split("/", 1)[0];
  if (first.includes(":") && !/^[A-Za-z]:$/.test(first)) rel = `./${rel}`;
  if (!sheet || !cell || !/\.xls[xm]$/i.test(filePath)) return rel;
  return `${rel}#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

type Value = string | number | ExcelJS.CellHyperlinkValue;

/** Column widths as report-book.ts's sizeColumns gives them, from rows of values. */
class Widths {
  readonly of: number[] = [];
  constructor(private readonly max: number) {}
  add(values: readonly Value[]): void {
    values.forEach((v, i) => {
      this.of[i + 1] = Math.max(this.of[i + 1] ?? 6, cellWidth(v, this.max));
    });
  }
}

/** Sets widths and column formats on a streamed sheet: before its first row, as the streaming writer needs. */
function columns(ws: ExcelJS.Worksheet, widths: Widths, text: readonly number[], wrap: readonly number[] = []): void {
  widths.of.forEach((w, c) => {
    if (w) ws.getColumn(c).width = w;
  });
  for (const c of text) ws.getColumn(c).numFmt = "@";
  for (const c of wrap) ws.getColumn(c).alignment = { wrapText: true, vertical: "top" };
}

function headerRow(ws: ExcelJS.Worksheet, values: readonly Value[]): void {
  const row = ws.addRow([...values]);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: "middle", wrapText: true };
  });
  row.commit();
}

/** One coverage sheet (coverage-layout.ts), streamed; its rows are few (one per budget line at most). */
function writeLayout(wb: ExcelJS.stream.xlsx.WorkbookWriter, l: SheetLayout, maxWidth: number): void {
  const rows = l.rows.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1] === "") end--;
    return r.slice(0, end);
  });
  const widths = new Widths(maxWidth);
  for (const r of rows) widths.add(r);
  const ws = wb.addWorksheet(l.name, { views: [{ state: "frozen", ySplit: l.frozenRows }] });
  const text = l.textColumns.map((c) => c + 1);
  columns(ws, widths, text);
  if (l.autoFilter) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length), column: l.width } };
  const headers = new Set(l.headerRows);
  const bold = new Set(l.boldRows);
  const rates = new Set(l.rateRows);
  rows.forEach((r, k) => {
    if (headers.has(k) && !bold.has(k)) return headerRow(ws, r);
    const row = ws.addRow([...r]);
    if (headers.has(k)) {
      row.eachCell((c) => {
        c.fill = HEADER_FILL;
        c.alignment = { vertical: "middle", wrapText: true };
      });
    }
    if (bold.has(k)) row.font = { bold: true };
    // A text column keeps its text format, as the in-memory writer's column format (applied last) gives.
    if (rates.has(k)) for (const c of l.rateColumns) if (!text.includes(c + 1)) row.getCell(c + 1).numFmt = COVERAGE_RATE_FORMAT;
    row.commit();
  });
  ws.commit();
}

/**
 * Writes the report workbook to `outPath`: the summary rows of `files` (their findings are not read from them), the
 * findings `issues()` gives (called twice: to size the columns, then to write), and the coverage sheets. Never
 * called with an input's path (the caller refuses that).
 */
export async function writeReportStream(outPath: string, files: readonly ReportFileEntry[], issues: () => AsyncIterable<ReportIssueRow>, coverage?: ReportCoverage): Promise<void> {
  // Loaded here, not at start-up: ExcelJS costs about half a second to load, and only --out needs it.
  const { default: ExcelJSModule } = await import("exceljs");
  const link: ReportLink = (f, sheet, cell) => (f.path ? cellLink(outPath, f.path, sheet, cell) : undefined);
  const wb = new ExcelJSModule.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: false });
  wb.creator = "绩效助手 JX";
  wb.created = new Date();

  // 汇总 Summary: one row per file.
  const summary = files.map((f) => summaryRow(f, link));
  const sumWidths = new Widths(60);
  sumWidths.add(SUMMARY_HEADER);
  for (const s of summary) sumWidths.add(s.values);
  const sum = wb.addWorksheet("汇总 Summary", { views: [{ state: "frozen", ySplit: 1 }] });
  columns(sum, sumWidths, SUMMARY_TEXT_COLUMNS);
  headerRow(sum, SUMMARY_HEADER);
  for (const s of summary) {
    const row = sum.addRow(s.values);
    if (s.red) row.getCell(4).font = { color: { argb: "FFC00000" } };
    row.commit();
  }
  sum.commit();

  // 问题清单 Issues: sized in a first pass over the findings, written in a second.
  const issWidths = new Widths(60);
  issWidths.add(ISSUES_HEADER);
  let count = 0;
  for await (const r of issues()) {
    issWidths.add(issueRow(r.entry, r.issue, link));
    count++;
  }
  if (count === 0) issWidths.add(NO_ISSUES_ROW);
  const iss = wb.addWorksheet("问题清单 Issues", { views: [{ state: "frozen", ySplit: 1 }] });
  columns(
    iss,
    issWidths,
    ISSUES_HEADER.map((_, i) => i + 1),
    [6, 10],
  );
  if (count > 0) iss.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: ISSUES_HEADER.length } };
  headerRow(iss, ISSUES_HEADER);
  if (count === 0) iss.addRow([...NO_ISSUES_ROW]).commit();
  else for await (const r of issues()) iss.addRow(issueRow(r.entry, r.issue, link)).commit();
  iss.commit();

  if (coverage) {
    writeLayout(wb, coverageLayout(coverage), 40);
    writeLayout(wb, missingLayout(coverage), 50);
  }
  await wb.commit();
}

/** Writes the report workbook of files held in memory (each entry's report lists its findings). */
export async function writeReportWorkbook(outPath: string, files: readonly ReportFileEntry[], coverage?: ReportCoverage): Promise<void> {
  await writeReportStream(
    outPath,
    files,
    async function* () {
      for (const entry of files) for (const issue of entry.report?.issues ?? []) yield { entry, issue };
    },
    coverage,
  );
}
