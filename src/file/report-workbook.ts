/**
 * The batch report workbook (校验报告) written by `jx check --out report.xlsx` (Node adapter). The sheets are
 * built in report-book.ts (shared with the browser page); this file adds file-relative hyperlinks and writes it.
 * ExcelJS is loaded only when a report is written.
 */
import * as path from "path";
import { fillReportWorkbook, type ReportCoverage, type ReportFileEntry } from "./report-book";

export type { ReportCoverage, ReportFileEntry } from "./report-book";

/** Relative link from the report to a cell of a checked file: `dir/file.xlsx#'Sheet'!A1`. */
export function cellLink(reportPath: string, filePath: string, sheet?: string, cell?: string): string {
  let rel = path.relative(path.dirname(path.resolve(reportPath)), filePath).split(path.sep).join("/");
  // A first segment with a colon ("http:x.xlsx", "javascript:…") would read as a URL scheme: keep it a relative path.
  const first = rel.split("/", 1)[0];
  if (first.includes(":") && !/^[A-Za-z]:$/.test(first)) rel = `./${rel}`;
  if (!sheet || !cell || !/\.xls[xm]$/i.test(filePath)) return rel;
  return `${rel}#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** Writes the report workbook. Never called with an input's path (the caller refuses that). */
export async function writeReportWorkbook(outPath: string, files: readonly ReportFileEntry[], coverage?: ReportCoverage): Promise<void> {
  // Loaded here, not at start-up: ExcelJS costs about half a second to load, and only --out needs it.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  fillReportWorkbook(wb, files, coverage, (f, sheet, cell) => (f.path ? cellLink(outPath, f.path, sheet, cell) : undefined));
  await wb.xlsx.writeFile(outPath);
}
