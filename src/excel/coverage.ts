/**
 * The coverage sheets the pane writes: 覆盖率统计 (the overall figures, the table by department with its 合计 row, the
 * table by 预算类型; a rate is "—" where there is nothing to cover) and 缺少目标清单 (the lines lacking a valid target
 * and the exclusions, with their class and reason), cell for cell the sheets of the downloaded report (jx check --out,
 * the page's download): both write src/file/coverage-layout.ts, with the same headers, words, number formats, header
 * fill, bold rows, text columns, frozen rows and autofilter. The pane adds a native clustered-column chart of projects
 * vs covered by department beside the tables (ExcelJS, which writes the download, cannot make one). Name-only matches,
 * orphan targets and repeated codes are findings: the 覆盖率 tab and 校验报告 list them, as the download's 问题清单 does.
 *
 * Each sheet is one of the add-in's own (writeOwnSheets, write.ts): a rerun replaces the add-in's previous sheet of that
 * kind once its marker's keyed digest verifies; a sheet of the user's with the name is never touched (the sheet goes
 * to 覆盖率统计 (2) … and the pane says so). Both sheets in the syncs of one: four for a first write, six for a
 * replacement.
 */
import type { CoverageJson } from "../domain/coverage";
import { columnLetters } from "../domain/grid";
import { COVERAGE_RATE_FORMAT } from "../file/coverage-words";
import { coverageLayout, missingLayout, type SheetLayout } from "../file/coverage-layout";
import { displayWidth } from "../file/width";
import { COVERAGE_SHEET, MISSING_SHEET, formatAsText, safeText } from "./sheets";
import { blockAddress, writeOwnSheets } from "./write";

export interface CoverageWritten {
  /** The 覆盖率统计 sheet written: 覆盖率统计, or 覆盖率统计 (2) … when a sheet of the user's has that name. */
  readonly sheet: string;
  /** The name asked for (覆盖率统计). */
  readonly requested: string;
  /** True when the add-in's previous coverage sheet was replaced. */
  readonly replaced: boolean;
  /** The 缺少目标清单 sheet written (缺少目标清单, or 缺少目标清单 (2) …). */
  readonly missingSheet: string;
  /** Sheets a marker claimed as the add-in's coverage or missing-list sheet that did not verify: kept as the user's. */
  readonly kept?: readonly string[];
  /** Tables written: none (the download's sheets have none; plain ranges with a header fill, as there). */
  readonly tables: readonly string[];
  readonly syncs: number;
}

/** The report's header fill (FFDDEBF7 in report-book.ts). */
const HEADER_FILL = "#DDEBF7";

/** Points per character of ExcelJS's column width (Excel's standard column: 8.43 characters, 48 points). */
const POINTS_PER_CHAR = 48 / 8.43;

/**
 * The 覆盖率统计 and 缺少目标清单 sheets, written (or rewritten) from the domain's coverage figures. The caption (which
 * budget list) is not written: the download's sheets have no such line, and the layout is theirs.
 */
export async function writeCoverageSheet(coverage: CoverageJson, _caption?: string): Promise<CoverageWritten> {
  const cov = coverageLayout(coverage);
  const dept = coverage.byDepartment.length;
  const miss = missingLayout(coverage);
  const [a, b] = await writeOwnSheets([
    {
      kind: "coverage",
      base: COVERAGE_SHEET,
      tables: [],
      what: { zh: COVERAGE_SHEET, en: "the coverage sheet (覆盖率统计)" },
      fill: async (ws) => {
        fillLayout(ws, cov, 40);
        // Chart: department vs projects and covered (the department table's columns A:C, its header and its departments).
        if (dept > 0) {
          const header = cov.headerRows[0];
          const chart = ws.charts.add("ColumnClustered", ws.getRange(blockAddress(header, 0, dept + 1, 3)), "Columns");
          chart.title.text = "按主管部门的绩效目标覆盖 Coverage by department";
          chart.name = "JX_CoverageChart";
          chart.setPosition("I2", "P20");
        }
        return [];
      },
    },
    {
      kind: "missing",
      base: MISSING_SHEET,
      tables: [],
      what: { zh: MISSING_SHEET, en: "the missing-target sheet (缺少目标清单)" },
      fill: async (ws) => {
        fillLayout(ws, miss, 50);
        return [];
      },
    },
  ]);
  const kept = [...(a.kept ?? []), ...(b.kept ?? [])];
  return { sheet: a.sheet, requested: a.requested, replaced: a.replaced, missingSheet: b.sheet, ...(kept.length ? { kept } : {}), tables: [], syncs: a.syncs };
}

/** Runs of consecutive numbers: [3,4,5,8] → [[3,3],[8,1]] (start, length). */
function runs(xs: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of [...xs].sort((p, q) => p - q)) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === x) last[1]++;
    else out.push([x, 1]);
  }
  return out;
}

/**
 * Queues one sheet of the layout: text formats first (user text stays text: the cells are formatted "@" before the
 * values, and every text is escaped by safeText), the values in one write, the rate formats, the header fill and bold
 * rows, column widths as the report sizes them, frozen rows, autofilter. Commands only: the writer syncs.
 */
function fillLayout(ws: Excel.Worksheet, l: SheetLayout, maxChars: number): void {
  const n = l.rows.length;
  for (const c of l.textColumns) formatAsText(ws, 0, c, n, 1);
  ws.getRangeByIndexes(0, 0, n, l.width).values = l.rows.map((r) => r.map((v) => (typeof v === "string" ? safeText(v) : v)));
  for (const [top, count] of runs(l.rateRows)) {
    for (const c of l.rateColumns) ws.getRangeByIndexes(top, c, count, 1).numberFormat = [[COVERAGE_RATE_FORMAT]];
  }
  for (const h of l.headerRows) {
    const f = ws.getRangeByIndexes(h, 0, 1, l.width).format;
    f.font.bold = true;
    f.fill.color = HEADER_FILL;
    f.wrapText = true;
    f.verticalAlignment = "Center";
  }
  for (const b of l.boldRows) ws.getRangeByIndexes(b, 0, 1, l.width).format.font.bold = true;
  // Widths as the report's sizeColumns: the longest text of the column plus two, at least 6, at most maxChars.
  for (let c = 0; c < l.width; c++) {
    let chars = 6;
    for (const r of l.rows) {
      const v = r[c];
      if (v === "" || v === undefined) continue;
      chars = Math.max(chars, Math.min(maxChars, Math.max(...String(v).split("\n").map(displayWidth)) + 2));
    }
    const col = columnLetters(c);
    ws.getRange(`${col}:${col}`).format.columnWidth = Math.round(chars * POINTS_PER_CHAR);
  }
  if (l.frozenRows > 0) ws.freezePanes.freezeRows(l.frozenRows);
  if (l.autoFilter) ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, n, l.width));
}
