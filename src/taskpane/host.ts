/**
 * Host operations handed to the pane's components as props: components never call Office themselves, so they
 * render and test the same inside Excel, in a browser, and in jsdom.
 */
import { gradeSelection, type SelectionGrades } from "../excel/grading";

export type { GradedCell, SelectionGrades } from "../excel/grading";

/** What the pane can ask of Excel. Later: check the workbook, write report sheets, mark cells. */
export interface HostOps {
  /** Grades the non-empty cells of the current selection (one Excel round trip). */
  gradeSelection(): Promise<SelectionGrades>;
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
export function excelHostOps(): HostOps {
  return { gradeSelection };
}
