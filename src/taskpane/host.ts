/**
 * Host operations handed to the pane's components as props: components never call Office themselves, so they
 * render and test the same inside Excel, in a browser, and in jsdom.
 */
import { gradeSelection, type SelectionGrades } from "../excel/grading";
import { readWorkbookGrids, type ReadOptions, type WorkbookGrids } from "../excel/workbook";
import { selectCell } from "../excel/navigate";
import { writeReportSheet, type ReportInput, type ReportWritten } from "../excel/report";
import { applyMarks, clearMarks, type MarksOptions, type MarksResult } from "../excel/marks";
import { writeCoverageSheet, type CoverageWritten } from "../excel/coverage";
import { insertTemplate, type TemplateInserted, type TemplateKind } from "../excel/templates";
import { isExcelApiSupported, loadSettings, saveSettings, type StoredSettings } from "../excel/office";
import { readSheetGrid, watchChanges, type ChangeWatch, type SheetChange, type SheetRead } from "../excel/live";
import type { CoverageJson } from "../domain/coverage";
import type { Issue } from "../domain/issues";

export type { GradedCell, SelectionGrades } from "../excel/grading";
export type { ReadOptions, WorkbookGrids, CheckScope } from "../excel/workbook";
export type { ReportInput, ReportWritten } from "../excel/report";
export type { MarksResult } from "../excel/marks";
export type { CoverageWritten } from "../excel/coverage";
export type { TemplateInserted, TemplateKind } from "../excel/templates";
export type { StoredSettings } from "../excel/office";
export type { ChangeWatch, SheetChange, SheetRead } from "../excel/live";

/** What the pane can ask of Excel (and of Office around it). */
export interface HostOps {
  /** Grades the non-empty cells of the current selection (one Excel round trip). */
  gradeSelection(): Promise<SelectionGrades>;
  /** Reads the workbook's (or the active sheet's) used ranges as grids, in a constant number of syncs. */
  readWorkbook?(options: ReadOptions): Promise<WorkbookGrids>;
  /** Selects a cell and scrolls to it. */
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** Writes (replaces) the 校验报告 sheet. */
  writeReport?(input: ReportInput): Promise<ReportWritten>;
  /** Replaces the add-in's marks with marks for these issues (on `options.sheets` only, when given). */
  applyMarks?(issues: readonly Issue[], options?: MarksOptions): Promise<MarksResult>;
  /** Removes the add-in's marks. */
  clearMarks?(): Promise<MarksResult>;
  /** Writes (replaces) the 覆盖率统计 sheet with its chart. */
  writeCoverage?(coverage: CoverageJson, caption: string): Promise<CoverageWritten>;
  /** Inserts a blank template sheet. */
  insertTemplate?(kind: TemplateKind): Promise<TemplateInserted>;
  /** Settings saved with the document. */
  loadSettings?(): Promise<StoredSettings>;
  saveSettings?(value: StoredSettings): Promise<void>;
  /** True when the Excel build has the requirement set the pane needs. */
  isSupported?(): boolean;
  /** Reports every data change on any sheet (except the add-in's own writes) until stopped. */
  watchChanges?(onChange: (c: SheetChange) => void): Promise<ChangeWatch>;
  /** Reads one sheet (by id or name) as a grid, in a constant number of syncs. */
  readSheet?(key: string): Promise<SheetRead>;
}

/** Operations "keep checking while I work" needs; a host without them simply does not offer it. */
type LiveOps = "watchChanges" | "readSheet";

/** HostOps with every operation present (what the Excel pane needs); the live-check ones may be missing. */
export type ExcelHostOps = Required<Omit<HostOps, LiveOps>> & Pick<HostOps, LiveOps>;

/** True when every Excel-mode operation is present. */
export function isFullHost(h: HostOps): h is ExcelHostOps {
  return (
    typeof h.readWorkbook === "function" &&
    typeof h.selectCell === "function" &&
    typeof h.writeReport === "function" &&
    typeof h.applyMarks === "function" &&
    typeof h.clearMarks === "function" &&
    typeof h.writeCoverage === "function" &&
    typeof h.insertTemplate === "function" &&
    typeof h.loadSettings === "function" &&
    typeof h.saveSettings === "function" &&
    typeof h.isSupported === "function"
  );
}

/** Where the pane is running. */
export type HostKind = "excel" | "none";

/**
 * Excel when Office says so, or when an `Excel` namespace exists (the e2e fake injects one; office.js never
 * defines it outside Office). Anything else is "none": the pane still renders and says to open it in Excel.
 */
export function detectHost(officeHost: unknown, g: { Excel?: unknown } = globalThis as { Excel?: unknown }): HostKind {
  if (officeHost === "Excel") return "excel";
  return typeof g.Excel !== "undefined" && g.Excel !== null ? "excel" : "none";
}

/** The real host operations, backed by the Office.js adapter. */
export function excelHostOps(): ExcelHostOps {
  return {
    gradeSelection,
    readWorkbook: readWorkbookGrids,
    selectCell,
    writeReport: writeReportSheet,
    applyMarks,
    clearMarks,
    writeCoverage: writeCoverageSheet,
    insertTemplate,
    loadSettings,
    saveSettings,
    isSupported: () => isExcelApiSupported(),
    watchChanges,
    readSheet: (key) => readSheetGrid(key),
  };
}
