/**
 * The 校验报告 sheet: the summary on top, then every issue as an Excel table (filterable), with the cell column
 * linking back to the cell. A rerun replaces the add-in's previous report (found by its marker, see ownership.ts),
 * including anything typed into it: the pane says so, and a report the user renamed is the user's and is kept. A
 * sheet of the user's named 校验报告 is never touched: the report goes to 校验报告 (2) and the pane says so. A table
 * of the user's named JX_Report makes the report's table JX_Report_2. Two syncs for a report under ~4 MB (one to
 * read names and markers, one to write), one more per further 4 MB; a failed write leaves the previous report.
 */
import type { Issue } from "../domain/issues";
import { budgetListVerdictLine, countByCode, formsAndBudgetListLine, issueGrid, verdictLine, type Stats } from "../domain/report";
import { formatAsText, REPORT_SHEET, safeText, sheetRef } from "./sheets";
import { blockAddress, writeOwnSheet, writeRows } from "./write";

export interface ReportInput {
  readonly issues: readonly Issue[];
  readonly stats: Stats;
  /** A line under the summary: what was checked and when. */
  readonly caption: string;
  /** True when the workbook checked is a budget list (预算项目清单): its verdict is its coverage, as on every front. */
  readonly budgetList?: boolean;
  /** True when the workbook holds forms and a budget list: the forms' verdict leaves out the list's coverage gaps, which the list's own verdict says. */
  readonly withBudgetList?: boolean;
  readonly signal?: AbortSignal;
}

export interface ReportWritten {
  /** The sheet written: 校验报告, or 校验报告 (2) … when a sheet of the user's has that name. */
  readonly sheet: string;
  /** The name asked for (校验报告). */
  readonly requested: string;
  /** True when the add-in's previous report was replaced. */
  readonly replaced: boolean;
  /** Sheets a marker claimed as the add-in's report that did not verify: kept as the user's. */
  readonly kept?: readonly string[];
  readonly rows: number;
  /** The issue table's name (JX_Report, or JX_Report_2 … when a table or name of the user's has it). */
  readonly table: string;
  readonly syncs: number;
}

/** The issue table's name, when free. */
export const REPORT_TABLE = "JX_Report";

/** First row of the issue table (0-based): summary and caption above it. */
export const REPORT_TABLE_ROW = 3;
/** Column of the cell link in issueGrid. */
const CELL_COL = 2;

/** A HYPERLINK formula to a cell of another sheet: works in any Excel, with or without the add-in. */
export function cellLinkFormula(sheet: string, cell: string): string {
  const target = `#${sheetRef(sheet, cell)}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${cell.replace(/"/g, '""')}")`;
}

/** Writes (or rewrites) the 校验报告 sheet. */
export async function writeReportSheet(input: ReportInput): Promise<ReportWritten> {
  const w = await writeOwnSheet({
    kind: "report",
    base: REPORT_SHEET,
    tables: [REPORT_TABLE],
    what: { zh: REPORT_SHEET, en: "the report sheet (校验报告)" },
    fill: async (ws, sync) => {
      const context = ws.context;
      const grid = issueGrid(input.issues).map((row) => row.map(safeText));
      const width = grid[0].length;
      // The verdict as every front says it: a workbook in which nothing was recognized is 无法检查, never ready.
      const counts = { stats: input.stats, byCode: countByCode(input.issues) };
      ws.getRange("A1").values = [[input.budgetList ? budgetListVerdictLine(counts) : input.withBudgetList ? formsAndBudgetListLine(counts) : verdictLine(counts)]];
      ws.getRange("A1").format.font.bold = true;
      // User text (sheet names, values, messages quoting them, the caption's file names) is written as text: the
      // cells are formatted "@" first and every value escaped. The link column keeps the General format its
      // HYPERLINK formulas need (a formula written to a text cell stays text).
      formatAsText(ws, 1, 0, 1, 1);
      ws.getRange("A2").values = [[safeText(input.caption)]];
      formatAsText(ws, REPORT_TABLE_ROW, 0, grid.length, CELL_COL);
      formatAsText(ws, REPORT_TABLE_ROW, CELL_COL + 1, grid.length, width - CELL_COL - 1);
      // Values first, then the link column as formulas (writeRows syncs only past ~4 MB, through the writer's count).
      await writeRows(context, ws, REPORT_TABLE_ROW, 0, grid, { signal: input.signal, onSync: sync });
      if (input.issues.length) {
        const links = input.issues.map((i) => [i.cell ? cellLinkFormula(i.sheet, i.cell) : ""]);
        await writeRows(context, ws, REPORT_TABLE_ROW + 1, CELL_COL, links, { signal: input.signal, kind: "formulas", onSync: sync });
      }
      const table = ws.tables.add(blockAddress(REPORT_TABLE_ROW, 0, grid.length, width), true);
      table.style = "TableStyleMedium2";
      ws.freezePanes.freezeRows(REPORT_TABLE_ROW + 1);
      ws.getRange("A:A").format.columnWidth = 60;
      ws.getRange("B:D").format.columnWidth = 90;
      ws.getRange("E:E").format.columnWidth = 300;
      return [table];
    },
  });
  return { sheet: w.sheet, requested: w.requested, replaced: w.replaced, ...(w.kept ? { kept: w.kept } : {}), rows: input.issues.length, table: w.tables[0], syncs: w.syncs };
}
