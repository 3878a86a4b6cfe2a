/**
 * The browser page's file check: bytes of a chosen file → grids → the engine's report, and the report workbook
 * as bytes. Everything happens in the page; the file is never sent anywhere.
 */
import { checkWorkbook, workbookSummary, type WorkbookCheck } from "../../domain/engine";
import type { Grid } from "../../domain/grid";
import { csvTextToGrid, decodeCsvText } from "../../file/csv-grid";
import { loadXlsxGrids, WorkbookReadError, type ExcelJSModule } from "../../file/grid-convert";
import { buildReportWorkbook } from "../../file/report-book";

export type FileKind = "xlsx" | "csv";

/** Why a file could not be checked; the pane words it from `reason` in both languages. */
export class FileCheckError extends Error {
  constructor(
    readonly reason: "not-xlsx" | "old-xls" | "empty" | "corrupt",
    /** The file's extension (for "not-xlsx"). */
    readonly ext: string,
    readonly detail?: string,
  ) {
    super(`${reason}${detail ? `: ${detail}` : ""}`);
    this.name = "FileCheckError";
  }
}

/** The extension, lower case with its dot ("" when none). */
export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : "";
}

export function fileKind(name: string): FileKind | undefined {
  const ext = extensionOf(name);
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (ext === ".csv") return "csv";
  return undefined;
}

/** The file name without its extension (a CSV's sheet name, as the command line names it). */
export function baseName(name: string): string {
  const ext = extensionOf(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** Reads a chosen file's bytes into grids. ExcelJS is loaded only for .xlsx. */
export async function readGrids(name: string, bytes: Uint8Array, loadExcel: () => Promise<ExcelJSModule>): Promise<Grid[]> {
  const kind = fileKind(name);
  if (!kind) throw new FileCheckError("not-xlsx", extensionOf(name));
  if (bytes.length === 0) throw new FileCheckError("empty", extensionOf(name));
  if (kind === "csv") return [csvTextToGrid(decodeCsvText(bytes).text, baseName(name) || "CSV")];
  try {
    return await loadXlsxGrids(await loadExcel(), bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      const reason = e.reason === "old-xls" ? "old-xls" : e.reason === "empty" ? "empty" : "corrupt";
      throw new FileCheckError(reason, extensionOf(name), e.detail);
    }
    throw e;
  }
}

/** Runs the engine (the same checks as the add-in and the command line). */
export function checkGrids(grids: readonly Grid[]): WorkbookCheck {
  return checkWorkbook(grids);
}

/** The 校验报告 workbook for one checked file, as .xlsx bytes. */
export async function reportWorkbookBytes(fileName: string, check: WorkbookCheck, loadExcel: () => Promise<ExcelJSModule>): Promise<Uint8Array> {
  return buildReportWorkbook(await loadExcel(), [{ file: fileName, report: check, ...workbookSummary(check) }]);
}

/** The download's file name: 校验报告-<name>.xlsx. */
export function reportFileName(fileName: string): string {
  return `校验报告-${baseName(fileName) || "workbook"}.xlsx`;
}
