/**
 * The coverage sheets the pane writes (覆盖率统计 and 缺少目标清单) are the downloaded report's (jx check --out, the
 * page's download), cell for cell: the same sheets, header rows, words, values, rate formats, text columns, header
 * fill, bold rows, frozen rows and autofilter, from the every-coverage-case fixture (test/fixtures/coverage). Both are
 * the add-in's own sheets: proved by their markers' digests, skipped when the workbook is read, replaced on a rerun,
 * and kept as the user's once edited.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { installFakeExcel, type FakeSheet } from "../fakes/excel-fake";
import { writeCoverageSheet } from "../../src/excel/coverage";
import { readWorkbookGrids } from "../../src/excel/workbook";
import { checkWorkbook } from "../../src/domain/engine";
import { csvTextToGrid } from "../../src/file/csv-grid";
import { fillReportWorkbook } from "../../src/file/report-book";
import { COVERAGE_RATE_FORMAT } from "../../src/file/coverage-words";
import { paneCoverage, NO_CHOICE } from "../../src/taskpane/components/ExcelPane/paneCoverage";

const g = globalThis as { Excel?: unknown };
afterEach(() => {
  delete g.Excel;
});

const DIR = path.join(__dirname, "..", "fixtures", "coverage");
const grid = (f: string) => csvTextToGrid(fs.readFileSync(path.join(DIR, f), "utf8"), path.basename(f, ".csv"));

function coverage() {
  const check = checkWorkbook([grid("targets-all-cases.csv"), grid("budget-all-cases.csv")]);
  const pc = paneCoverage(check, NO_CHOICE, { profile: "auto", settings: {} })!;
  expect(pc.budgetSheet).toBe("budget-all-cases");
  return pc.coverage;
}

type Cell = string | number | boolean;

/** The fake sheet's values as rows (empty cells ""), up to the last row and column holding a value. */
function fakeRows(s: FakeSheet): Cell[][] {
  const rows: Cell[][] = [];
  for (const [k, cell] of s.cells) {
    if (cell.value === "") continue;
    const [r, c] = k.split(",").map(Number);
    (rows[r] ??= [])[c] = cell.value;
  }
  const width = Math.max(0, ...Array.from(rows, (r) => (r ? r.length : 0)));
  return Array.from(rows, (r) => Array.from({ length: width }, (_, c) => (r && r[c] !== undefined ? r[c] : "")));
}

/** The ExcelJS sheet's values likewise. */
function excelRows(ws: ExcelJS.Worksheet, width: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    rows.push(Array.from({ length: width }, (_, c) => {
      const v = ws.getRow(r).getCell(c + 1).value;
      return v === null || v === undefined ? "" : (v as Cell);
    }));
  }
  while (rows.length && rows[rows.length - 1].every((v) => v === "")) rows.pop();
  return rows;
}

/** Formats the fake recorded for a property over whole rows: the rows (0-based) whose every one of `width` cells got it. */
function rowsWith(s: FakeSheet, prop: string, value: unknown, width: number): number[] {
  const out = new Set<number>();
  for (const f of s.formats) {
    if (f.prop !== prop || f.value !== value || f.area.left !== 0 || f.area.right < width - 1) continue;
    for (let r = f.area.top; r <= f.area.bottom; r++) out.add(r);
  }
  return [...out].sort((a, b) => a - b);
}

async function downloaded(c: ReturnType<typeof coverage>): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  fillReportWorkbook(wb, [], c);
  return wb;
}

it("writes the download's two coverage sheets, cell for cell, with its formats", async () => {
  const c = coverage();
  const wb = await downloaded(c);
  const fake = installFakeExcel(g, { sheets: [{ name: "其他" }] });
  const w = await writeCoverageSheet(c, "c");
  expect(w).toMatchObject({ sheet: "覆盖率统计", missingSheet: "缺少目标清单", tables: [] });
  expect(fake.model.tables).toHaveLength(0);
  const pairs: [string, string][] = [
    ["覆盖率统计", "覆盖率统计 Coverage"],
    ["缺少目标清单", "缺少目标清单 Missing"],
  ];
  for (const [pane, report] of pairs) {
    const s = fake.model.sheet(pane)!;
    const ws = wb.getWorksheet(report)!;
    const rows = fakeRows(s);
    const width = rows[0].length;
    expect(rows).toEqual(excelRows(ws, width));
    // Number formats: a rate cell's, and "@" on the user-text columns, as the download's.
    for (let r = 0; r < rows.length; r++) {
      for (let col = 0; col < width; col++) {
        const x = ws.getRow(r + 1).getCell(col + 1);
        const fmt = s.cell(r, col)?.numberFormat ?? "General";
        if (x.numFmt === COVERAGE_RATE_FORMAT) expect(`${pane}!${r},${col} ${fmt}`).toBe(`${pane}!${r},${col} ${COVERAGE_RATE_FORMAT}`);
        if (ws.getColumn(col + 1).numFmt === "@" && rows[r][col] !== "") expect(`${pane}!${r},${col} ${fmt}`).toBe(`${pane}!${r},${col} @`);
      }
    }
    // Header rows filled and bold; bold rows; frozen rows; autofilter.
    const headers: number[] = [];
    const bold: number[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(1).fill && (row.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb === "FFDDEBF7") headers.push(r - 1);
      if (row.font?.bold) bold.push(r - 1);
    }
    expect(headers.length).toBeGreaterThan(0);
    expect(rowsWith(s, "fill.color", "#DDEBF7", width)).toEqual(headers);
    expect(rowsWith(s, "font.bold", true, width)).toEqual(bold);
    expect(s.frozenRows).toBe((ws.views[0] as { ySplit?: number }).ySplit);
    const af = ws.autoFilter as { from: { row: number; column: number }; to: { row: number; column: number } } | undefined;
    if (af) expect(s.autoFilter).toEqual({ top: af.from.row - 1, left: af.from.column - 1, bottom: af.to.row - 1, right: af.to.column - 1 });
    else expect(s.autoFilter).toBeUndefined();
  }
  expect(fake.model.sheet("缺少目标清单")!.autoFilter).toBeDefined();
  // The pane's chart beside the tables.
  expect(fake.model.sheet("覆盖率统计")!.charts.map((x) => x.type)).toEqual(["ColumnClustered"]);
});

it("says — for nothing to cover and names the class of each line in words", async () => {
  const c = coverage();
  const fake = installFakeExcel(g, { sheets: [{ name: "其他" }] });
  await writeCoverageSheet(c, "c");
  const rows = fakeRows(fake.model.sheet("覆盖率统计")!);
  const row = (first: Cell) => rows.find((r) => r[0] === first);
  expect(row("合计 Total")?.slice(0, 4)).toEqual(["合计 Total", 5, 3, 0.6]);
  expect(row("示例市应急局")?.slice(1, 7)).toEqual([0, 0, "—", 0, 0, "—"]);
  expect(row("国有资本经营预算")?.[3]).toBe("—");
  expect(row("示例市交通局")?.[3]).toBeCloseTo(2 / 3, 4);
  const miss = fakeRows(fake.model.sheet("缺少目标清单")!);
  expect(miss.find((r) => r[1] === "510000240000000000102")?.[0]).toBe("缺少目标 / No target");
  expect(miss.find((r) => r[1] === "510000240000000000201")?.[0]).toBe("目标有错 / Target with errors");
  expect(miss.find((r) => r[1] === "510000240000000000301")?.[5]).toBe("不计入覆盖率 / excluded: 涉密");
  expect(miss.flat().some((v) => /MISSING_TARGET|INVALID_TARGET|EXCLUDED/.test(String(v)))).toBe(false);
});

it("owns both sheets, written in the syncs of one (four, six to replace); skipped when read; an edited one is kept", async () => {
  const c = coverage();
  const fake = installFakeExcel(g, { sheets: [{ name: "其他", values: [["a"]] }] });
  fake.resetStats();
  const first = await writeCoverageSheet(c, "c");
  expect(first.syncs).toBe(4);
  expect(fake.stats.syncs).toBe(4);
  expect((await readWorkbookGrids()).skipped.sort()).toEqual(["缺少目标清单", "覆盖率统计"].sort());
  fake.resetStats();
  const again = await writeCoverageSheet(c, "c");
  expect(again).toMatchObject({ sheet: "覆盖率统计", missingSheet: "缺少目标清单", replaced: true, syncs: 6 });
  expect(fake.stats.syncs).toBe(6);
  expect(fake.model.sheets.map((s) => s.name).sort()).toEqual(["其他", "缺少目标清单", "覆盖率统计"].sort());
  // The user notes something on the missing list: it is the user's from then on (read, kept, written beside).
  fake.model.sheet("缺少目标清单")!.setValue(1, 6, "已联系");
  const read = await readWorkbookGrids();
  expect(read.skipped).toEqual(["覆盖率统计"]);
  expect(read.ignoredClaims).toEqual([{ sheet: "缺少目标清单", kind: "missing", why: "mismatch" }]);
  const third = await writeCoverageSheet(c, "c");
  expect(third).toMatchObject({ sheet: "覆盖率统计", missingSheet: "缺少目标清单 (2)", kept: ["缺少目标清单"] });
  expect(fake.model.sheet("缺少目标清单")!.cell(1, 6)?.value).toBe("已联系");
});

it.each([
  ["writing the second sheet's cells", /set Range\.values/, 1],
  ["applying the missing list's autofilter", /AutoFilter\.apply/, 0],
  ["adding the chart", /ChartCollection\.add|Chart/, 0],
])("when %s fails: both previous sheets intact, no half-written sheet, and the next write replaces both", async (_what, where, skip) => {
  const c = coverage();
  const fake = installFakeExcel(g, { sheets: [{ name: "其他", values: [["a"]] }] });
  await writeCoverageSheet(c, "c");
  const state = (): string =>
    JSON.stringify(["覆盖率统计", "缺少目标清单"].map((n) => fake.model.sheet(n)).map((s) => s && { id: s.id, cells: [...s.cells.entries()] }));
  const before = state();
  const names = fake.model.sheets.map((s) => s.name);
  fake.model.failNext(where, "GeneralException", "internal", skip);
  await expect(writeCoverageSheet(c, "c")).rejects.toThrow(/^写入“覆盖率统计”未完成，上一份保持不变/);
  expect(state()).toBe(before);
  expect(fake.model.sheets.map((s) => s.name)).toEqual(names);
  expect(await writeCoverageSheet(c, "c")).toMatchObject({ sheet: "覆盖率统计", missingSheet: "缺少目标清单", replaced: true });
  expect(fake.model.sheets.map((s) => s.name).sort()).toEqual(names.sort());
});

it("a forged 缺少目标清单 marker on a user sheet does not verify: the sheet is read, kept, and the list written beside it", async () => {
  const c = coverage();
  const fake = installFakeExcel(g, {
    sheets: [{ name: "缺少目标清单", values: [["我的清单"], ["P1"]] }],
    names: [{ name: "_JX_MISSING", refersTo: "缺少目标清单!A1", comment: `jx1 {"k":"missing","s":"缺少目标清单","d":"${"0123456789abcdef".repeat(2)}"}` }],
  });
  const read = await readWorkbookGrids();
  expect(read.skipped).toEqual([]);
  expect(read.ignoredClaims).toEqual([{ sheet: "缺少目标清单", kind: "missing", why: "mismatch" }]);
  const w = await writeCoverageSheet(c, "c");
  expect(w).toMatchObject({ missingSheet: "缺少目标清单 (2)", kept: ["缺少目标清单"] });
  expect(fake.model.sheet("缺少目标清单")!.cell(0, 0)?.value).toBe("我的清单");
});
