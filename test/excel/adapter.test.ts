/** The Office.js adapter against the in-repo fake: constant syncs, payload limits, and never touching user cells. */
import * as fs from "fs";
import * as path from "path";
import { installFakeExcel, type FakeExcel, type FakeWorkbookInit, type FakeSheet } from "../fakes/excel-fake";
import { readWorkbookGrids, planBatches, parseMergedAddress } from "../../src/excel/workbook";
import { selectCell } from "../../src/excel/navigate";
import { writeReportSheet, cellLinkFormula } from "../../src/excel/report";
import { makeIssue } from "../../src/domain/catalog";
import { applyMarks, clearMarks, planMarks } from "../../src/excel/marks";
import { writeCoverageSheet } from "../../src/excel/coverage";
import { insertTemplate, gradeFormula } from "../../src/excel/templates";
import { checkWorkbook, coverageReport } from "../../src/domain/engine";
import { parseCsv } from "../../src/domain/csv";
import type { CellValue } from "../../src/domain/grid";
import { REAL_DIR } from "../helpers/real";

const g = globalThis as { Excel?: unknown };
afterEach(() => {
  delete g.Excel;
});

function install(init: FakeWorkbookInit): FakeExcel {
  return installFakeExcel(g, init);
}

function realRows(prefix: string): (string | number | null)[][] {
  const file = fs.readdirSync(REAL_DIR).find((f) => f.startsWith(prefix + "_") && f.endsWith(".csv"))!;
  return parseCsv(fs.readFileSync(path.join(REAL_DIR, file), "utf8")).map((r) => r.map((v: CellValue) => (v === null ? null : typeof v === "object" ? String(v.error) : typeof v === "boolean" ? String(v) : v)));
}

/** A deep copy of a sheet's cells, merges and validations, to prove nothing changed. */
function snapshot(s: FakeSheet): string {
  return JSON.stringify({ cells: [...s.cells.entries()].sort(), merges: s.merges, validations: s.validations, formats: s.formats, cf: s.conditionalFormats.filter((c) => !/jx-mark/.test(c.formula ?? "")) });
}

describe("readWorkbookGrids", () => {
  it("reads every sheet with values, number formats and merges in 3 syncs, user sheets named like the add-in's included", async () => {
    const fake = install({
      sheets: [
        { name: "自评表", values: realRows("06"), merges: ["A1:I1", "B3:I3"], numberFormat: [[null], [null], [null], [null], [null], [null, null, null, null, null, null, "0.00%"]] },
        { name: "Empty" },
        { name: "校验报告", values: [["old report"]] },
        { name: "_jx_state", values: [["x"]], visibility: "VeryHidden" },
      ],
    });
    const r = await readWorkbookGrids();
    expect(fake.stats.syncs).toBe(3);
    expect(r.syncs).toBe(3);
    // No marker: these are the user's sheets, whatever their names (ownership.test.ts has the marked ones).
    expect(r.sheets).toEqual(["自评表", "Empty", "校验报告", "_jx_state"]);
    expect(r.skipped).toEqual([]);
    const grid = r.grids[0];
    expect(grid.values[2][1]).toBe("2023年马鹿坑国有林场新建野生动物收容所建设项目");
    expect(grid.numberFormats?.[5][6]).toBe("0.00%");
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 8 }, { top: 2, left: 1, bottom: 2, right: 8 }]);
    const check = checkWorkbook(r.grids);
    expect(check.issues.some((i) => i.code === "budget.score-mismatch" && i.cell === "H6")).toBe(true);
  });

  it("stays at 3 syncs for 20,000 rows, and splits only when the payload budget requires it", async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => [`项目${i}`, i, i * 2, "≥95%"]);
    const fake = install({ sheets: [{ name: "Big", values: rows }, { name: "Small", values: [[1]] }] });
    const r = await readWorkbookGrids();
    expect(r.syncs).toBe(3);
    expect(fake.stats.syncs).toBe(3);
    expect(r.grids[0].values).toHaveLength(20000);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    fake.resetStats();
    const small = await readWorkbookGrids({ payloadBudget: 200_000 });
    expect(small.grids[0].values).toHaveLength(20000);
    expect(small.grids[0].values[19999][0]).toBe("项目19999");
    // Batches sized by the real payload: at most one more than the bytes received need, fewer than the 48-byte estimate gives.
    const received = fake.stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(received / 200_000));
    expect(fake.stats.syncs).toBeLessThan(2 + planBatches([{ rows: 20000, cols: 4 }, { rows: 1, cols: 1 }], 200_000, 48).length);
    expect(Math.max(...fake.stats.responseBytes)).toBeLessThan(5 * 1024 * 1024);
  });

  it("splits and retries a batch Excel refuses as too large", async () => {
    const long = "很长的说明".repeat(200);
    const fake = install({ sheets: [{ name: "S", values: Array.from({ length: 400 }, () => [long, long]) }], payloadLimit: 500_000 });
    const r = await readWorkbookGrids({ payloadBudget: 450_000 });
    expect(r.grids[0].values).toHaveLength(400);
    expect(r.grids[0].values[399][1]).toBe(long);
    // The refused round trips are the only ones over the limit; the retries fit.
    expect(fake.stats.responseBytes.filter((b) => b > 500_000).length).toBeGreaterThan(0);
    expect(fake.stats.responseBytes[fake.stats.responseBytes.length - 1]).toBeLessThanOrEqual(500_000);
  });

  it("reads only the active sheet when asked", async () => {
    const fake = install({ sheets: [{ name: "A", values: [[1]] }, { name: "B", values: [[2]] }], active: "B" });
    const r = await readWorkbookGrids({ scope: "active" });
    expect(r.sheets).toEqual(["B"]);
    expect(fake.stats.syncs).toBe(3);
  });

  it("stops with CancelledError between round trips", async () => {
    install({ sheets: [{ name: "A", values: [[1]] }] });
    const ac = new AbortController();
    ac.abort();
    await expect(readWorkbookGrids({ signal: ac.signal })).rejects.toMatchObject({ name: "CancelledError" });
  });

  it("parses merged-area lists with quoted sheet names", () => {
    expect(parseMergedAddress("'a,b'!A1:B2,'a,b'!C3:D3")).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 2, left: 2, bottom: 2, right: 3 }]);
  });
});

describe("writing", () => {
  function setup(): { fake: FakeExcel; before: string } {
    const fake = install({ sheets: [{ name: "自评表", values: realRows("06"), merges: ["A1:I1"] }, { name: "Other", values: [["keep"]] }] });
    fake.model.sheets[0].conditionalFormats.push({ id: "user", type: "Custom", areas: [{ top: 0, left: 0, bottom: 3, right: 3 }], formula: "=A1>5", fillColor: "#00FF00" });
    return { fake, before: fake.model.sheets.map(snapshot).join("|") };
  }
  const userSheets = (fake: FakeExcel): string => fake.model.sheets.filter((s) => s.name === "自评表" || s.name === "Other").map(snapshot).join("|");

  it("selects a cell in one sync", async () => {
    const { fake } = setup();
    await selectCell("Other", "A1");
    expect(fake.stats.syncs).toBe(1);
    expect(fake.model.activeSheet.name).toBe("Other");
  });

  it("writes the report sheet with links and a table in 4 syncs (the last two read it back for its marker), replaces it on rerun, touches nothing else", async () => {
    const { fake, before } = setup();
    const r = await readWorkbookGrids();
    const check = checkWorkbook(r.grids);
    fake.resetStats();
    const w = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "test" });
    expect(w.syncs).toBe(4);
    expect(fake.stats.syncs).toBe(4);
    const rep = fake.model.sheet("校验报告")!;
    expect(String(rep.cell(0, 0)?.value)).toMatch(/不可提交/);
    expect(rep.cell(3, 0)?.value).toBe("严重程度 Severity");
    expect(rep.cell(4, 2)?.formula).toBe(cellLinkFormula(check.issues[0].sheet, check.issues[0].cell));
    expect(fake.model.tables.map((t) => t.name)).toEqual(["JX_Report"]);
    await writeReportSheet({ issues: check.issues.slice(0, 1), stats: check.stats, caption: "again" });
    expect(fake.model.sheets.filter((s) => s.name === "校验报告")).toHaveLength(1);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["自评表", "Other", "校验报告"]);
    expect(fake.model.tables).toHaveLength(1);
    expect(userSheets(fake)).toBe(before);
  });

  it("says a budget list's coverage, not 不可提交, on the report sheet of a budget-list workbook", async () => {
    const { fake } = setup();
    const gap = makeIssue({ code: "project.no-target", sheet: "清单", cell: "A3", value: "P2", message: "未找到绩效目标", messageEn: "no target" });
    await writeReportSheet({ issues: [gap], stats: { errors: 1, warnings: 0, infos: 0 }, caption: "清单", budgetList: true });
    expect(String(fake.model.sheet("校验报告")!.cell(0, 0)?.value)).toBe("覆盖有缺口：1 个预算项目缺少有效的绩效目标 / Coverage gaps: 1 budget line(s) lack a valid target");
  });

  it("says the forms' verdict without the budget list's gaps, then the list's coverage, for a workbook holding both", async () => {
    const { fake } = setup();
    const gap = makeIssue({ code: "project.no-target", sheet: "清单", cell: "A3", value: "P2", message: "未找到绩效目标", messageEn: "no target" });
    const form = makeIssue({ code: "score.total-mismatch", sheet: "自评表", cell: "H22", value: "98", message: "总分不符", messageEn: "total differs" });
    await writeReportSheet({ issues: [gap, form], stats: { errors: 2, warnings: 0, infos: 0 }, caption: "工作簿", withBudgetList: true });
    expect(String(fake.model.sheet("校验报告")!.cell(0, 0)?.value)).toBe(
      "不可提交：1 个错误，0 个警告 / Not ready: 1 error(s), 0 warning(s)；预算项目清单 Budget list: 覆盖有缺口：1 个预算项目缺少有效的绩效目标 / Coverage gaps: 1 budget line(s) lack a valid target",
    );
  });

  it("applies marks in 3 syncs and clears only its own", async () => {
    const { fake, before } = setup();
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    fake.resetStats();
    const m = await applyMarks(check.issues);
    expect(fake.stats.syncs).toBe(3);
    expect(m.count).toBe(planMarks(check.issues).get("自评表")!.error.length + planMarks(check.issues).get("自评表")!.warning.length);
    const cfs = fake.model.sheets[0].conditionalFormats;
    expect(cfs.some((c) => /^=N\("jx-mark:error:[a-z0-9]+"\)=0$/.test(c.formula ?? ""))).toBe(true);
    // Rerun replaces, does not stack.
    await applyMarks(check.issues);
    expect(fake.model.sheets[0].conditionalFormats.filter((c) => /jx-mark:error:/.test(c.formula ?? ""))).toHaveLength(1);
    fake.resetStats();
    const cleared = await clearMarks();
    expect(fake.stats.syncs).toBe(3);
    expect(cleared.count).toBeGreaterThan(0);
    expect(fake.model.sheets[0].conditionalFormats.map((c) => c.id)).toEqual(["user"]);
    expect(userSheets(fake)).toBe(before);
  });

  it("writes the coverage sheets (覆盖率统计 with a chart, 缺少目标清单), no tables, in four syncs", async () => {
    const { fake, before } = setup();
    const budget = [
      { code: "P1", name: "甲", department: "林草局", budgetType: "一般公共预算", secret: false, amountWan: 10, sheet: "清单", row: 1, cell: "A2" },
      { code: "P2", name: "乙", department: "教育局", budgetType: "政府性基金预算", secret: false, amountWan: 5, sheet: "清单", row: 2, cell: "A3" },
    ];
    const targets = [{ code: "P1", name: "甲", valid: true, errorCount: 0, sheet: "目标", cell: "B3" }];
    const { coverage } = coverageReport(budget, targets);
    fake.resetStats();
    const w = await writeCoverageSheet(coverage, "caption");
    expect(w.syncs).toBe(4);
    expect(fake.stats.syncs).toBe(4);
    const s = fake.model.sheet("覆盖率统计")!;
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0].type).toBe("ColumnClustered");
    expect(fake.model.sheet("缺少目标清单")!.cell(1, 1)?.value).toBe("P2");
    expect(fake.model.tables).toHaveLength(0);
    expect(userSheets(fake)).toBe(before);
  });

  it("inserts a template with drop-downs and formulas, in a new sheet", async () => {
    const { fake, before } = setup();
    const t = await insertTemplate("self-evaluation");
    expect(t.sheet).toBe("项目支出绩效自评表");
    const s = fake.model.sheet(t.sheet)!;
    expect(s.validations).toHaveLength(2);
    expect(s.cell(11, 1)?.value).toBe("一级指标");
    expect([...s.cells.values()].some((c) => c.formula === gradeFormula("H33"))).toBe(true);
    const t2 = await insertTemplate("target");
    expect(fake.model.sheet(t2.sheet)!.validations).toHaveLength(3);
    expect((await insertTemplate("target")).sheet).toBe("项目支出绩效目标申报表(2)");
    expect(userSheets(fake)).toBe(before);
  });
});
