/**
 * Nothing lost: the add-in knows its own sheets, tables and marks by the markers it stores (hidden defined names,
 * src/excel/ownership.ts), never by a name alone. A user's sheet named 校验报告 or 覆盖率统计 is read by the check and
 * never deleted; the report goes to a free name and says so; a user's table named JX_Report does not break the
 * write; a failed write leaves the previous report; clear-marks removes only rules carrying the workbook's token.
 */
import * as fs from "fs";
import * as path from "path";
import { installFakeExcel, type FakeExcel, type FakeSheet, type FakeWorkbookInit } from "../fakes/excel-fake";
import { readWorkbookGrids } from "../../src/excel/workbook";
import { readSheetGrid } from "../../src/excel/live";
import { writeReportSheet } from "../../src/excel/report";
import { writeCoverageSheet } from "../../src/excel/coverage";
import { applyMarks, clearMarks, isMarkFormula } from "../../src/excel/marks";
import { insertTemplate } from "../../src/excel/templates";
import { freeSheetName, freeTableName, parseMarker, sheetOfReference } from "../../src/excel/ownership";
import { OutputWriteError, readableError } from "../../src/excel/errors";
import { checkWorkbook, coverageReport } from "../../src/domain/engine";
import { parseCsv } from "../../src/domain/csv";
import type { CellValue } from "../../src/domain/grid";
import { REAL_DIR } from "../helpers/real";

const g = globalThis as { Excel?: unknown; Office?: unknown };
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

function realRows(prefix: string): (string | number | null)[][] {
  const file = fs.readdirSync(REAL_DIR).find((f) => f.startsWith(prefix + "_") && f.endsWith(".csv"))!;
  return parseCsv(fs.readFileSync(path.join(REAL_DIR, file), "utf8")).map((r) => r.map((v: CellValue) => (v === null ? null : typeof v === "object" ? String(v.error) : typeof v === "boolean" ? String(v) : v)));
}

const BUDGET = [
  ["项目编码", "项目名称", "主管部门", "预算类型", "金额（万元）"],
  ["P001", "2023年马鹿坑国有林场新建野生动物收容所建设项目", "临沧市临翔区林业和草原局", "一般公共预算", 32.4],
  ["P002", "森林防火", "临沧市临翔区林业和草原局", "一般公共预算", 10],
];

/** A workbook whose user sheets, tables, names and rules look like the add-in's. */
function hostile(extraSheets = 0): FakeWorkbookInit {
  return {
    sheets: [
      {
        name: "自评表",
        values: realRows("06"),
        merges: ["A1:I1", "B3:I3"],
        numberFormat: [[null], [null], [null], [null], [null], [null, null, null, null, null, null, "0.00%"]],
        conditionalFormats: [
          { address: "A1:D4", formula: "=A1>5", fillColor: "#00FF00" },
          // The same shape as the add-in's marks (and exactly what earlier versions wrote): still the user's.
          { address: "H6,H15", formula: '=N("jx-mark:error")=0', fillColor: "#FFC7CE" },
          { address: "E18", formula: '=N("jx-mark:warning:abcdefgh1234")=0', fillColor: "#FFEB9C" },
        ],
      },
      { name: "校验报告", values: [["我的审核意见"], ["第二条", 2]], conditionalFormats: [{ address: "A1", formula: '=N("jx-mark:error")=0' }] },
      { name: "覆盖率统计", values: [["我的覆盖率"], [0.5]], numberFormat: [[null], ["0%"]] },
      { name: "_jx_notes", values: [["以 _jx 开头的用户表"]] },
      { name: "项目支出绩效自评表", values: [["我自己的自评表"]] },
      { name: "预算清单", values: BUDGET },
      { name: "台账", values: [["编号", "名称"], [1, "甲"], [2, "乙"]], tables: [{ name: "JX_Report", address: "A1:B3" }] },
      { name: "台账2", values: [["部门", "数"], ["甲", 1]], tables: [{ name: "JX_CoverageByDepartment", address: "A1:B2" }] },
      ...Array.from({ length: extraSheets }, (_, i) => ({ name: `自评表${i + 2}`, values: realRows("06") })),
    ],
    // A user's names that merely start like the add-in's markers, or clash with its table names.
    names: [
      { name: "_JX_REPORT", refersTo: "校验报告!A1", comment: "我的名称" },
      { name: "JX_Report_2", refersTo: "台账!A1" },
    ],
    active: "自评表",
  };
}

/** The add-in's own objects as its markers say: output sheets, the marks token. */
function ours(fake: FakeExcel): { sheets: Set<FakeSheet>; token?: string } {
  const sheets = new Set<FakeSheet>();
  let token: string | undefined;
  for (const n of fake.model.names) {
    const m = parseMarker({ name: n.name, type: n.ref ? (n.ref.sheet ? "Range" : "Error") : "String", value: n.ref ? (n.ref.sheet ? `'${n.ref.sheet.name}'!$A$1` : "#REF!") : n.constant, comment: n.comment });
    if (!m) continue;
    if (m.kind === "marks") token = m.token;
    if ((m.kind === "report" || m.kind === "coverage" || m.kind === "missing" || m.kind === "pending") && n.ref?.sheet && n.ref.sheet.name === m.given) sheets.add(n.ref.sheet);
  }
  return { sheets, token };
}

/** Every user cell value, formula, format, merge, validation, table, chart, name and pre-existing rule, by sheet id. */
function userSnapshot(fake: FakeExcel): Map<string, string> {
  const { sheets: own, token } = ours(fake);
  const out = new Map<string, string>();
  for (const s of fake.model.sheets) {
    if (own.has(s)) continue;
    out.set(
      s.id,
      JSON.stringify({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()].sort(),
        merges: s.merges,
        formats: s.formats,
        validations: s.validations,
        charts: s.charts,
        frozen: s.frozenRows,
        cf: s.conditionalFormats.filter((c) => !isMarkFormula(c.formula ?? "", token)),
        tables: fake.model.tables.filter((t) => t.sheet === s).map((t) => [t.name, t.area, t.style]),
      }),
    );
  }
  out.set("names", JSON.stringify(fake.model.names.filter((n) => !n.comment.startsWith("jx1 ")).map((n) => [n.name, n.comment, n.visible, n.ref?.sheet?.id ?? null, n.ref?.area, n.constant])));
  return out;
}

/** Every user sheet that existed before is unchanged after (sheets the action added are compared by the next one). */
function expectUserUnchanged(before: Map<string, string>, after: Map<string, string>, action: string): void {
  for (const [id, snap] of before) expect({ action, id, snap: after.get(id) }).toEqual({ action, id, snap });
}

describe("the add-in's sheets are known by their marker", () => {
  it("checks a user's own 校验报告, 覆盖率统计 and _jx… sheets like any other; skips only the marked report and coverage", async () => {
    const fake = installFakeExcel(g, hostile());
    const first = await readWorkbookGrids();
    expect(first.sheets).toEqual(expect.arrayContaining(["校验报告", "覆盖率统计", "_jx_notes"]));
    expect(first.skipped).toEqual([]);
    expect(first.grids.find((x) => x.sheet === "校验报告")?.values[0][0]).toBe("我的审核意见");

    const check = checkWorkbook(first.grids);
    const rep = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    const { coverage } = coverageReport(check.budget, check.targets);
    const cov = await writeCoverageSheet(coverage, "c");
    expect([rep.sheet, cov.sheet]).toEqual(["校验报告 (2)", "覆盖率统计 (2)"]);

    fake.resetStats();
    const again = await readWorkbookGrids();
    expect(fake.stats.syncs).toBe(3);
    expect(again.skipped.sort()).toEqual(["校验报告 (2)", "缺少目标清单", "覆盖率统计 (2)"].sort());
    expect(again.sheets).toEqual(first.sheets);
    // The active-sheet check of the add-in's own report reads nothing.
    fake.model.select("'校验报告 (2)'!A1");
    expect((await readWorkbookGrids({ scope: "active" })).sheets).toEqual([]);
  });

  it("writes the report beside a user's 校验报告, replaces only its own on rerun, and names its table around a user's JX_Report", async () => {
    const fake = installFakeExcel(g, hostile());
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    const before = userSnapshot(fake);
    fake.resetStats();
    const w = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    // Names and markers, the write, the values read back for the digest, the marker: 4 syncs.
    expect(fake.stats.syncs).toBe(4);
    expect(w).toMatchObject({ sheet: "校验报告 (2)", requested: "校验报告", replaced: false, table: "JX_Report_3", syncs: 4 });
    const first = fake.model.sheet("校验报告 (2)")!;
    expect(String(first.cell(0, 0)?.value)).toMatch(/不可提交/);
    expect(fake.model.tables.find((t) => t.sheet === first)?.name).toBe("JX_Report_3");

    const again = await writeReportSheet({ issues: check.issues.slice(0, 2), stats: check.stats, caption: "again" });
    // Two more to verify the previous report against its marker's digest before deleting it.
    expect(again).toMatchObject({ sheet: "校验报告 (2)", replaced: true, table: "JX_Report_3", syncs: 6 });
    expect(fake.model.sheets.filter((s) => s.name.startsWith("校验报告"))).toHaveLength(2);
    expect(fake.model.sheet("校验报告 (2)")).not.toBe(first);
    expect(fake.model.sheets.some((s) => s.name.startsWith("_jx_tmp"))).toBe(false);
    expectUserUnchanged(before, userSnapshot(fake), "report");
  });

  it("takes the plain name once the user's sheet is gone, and a sheet the user gives that name later is the user's", async () => {
    const fake = installFakeExcel(g, { sheets: [{ name: "自评表", values: realRows("06") }] });
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    expect((await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" })).sheet).toBe("校验报告");
    // The user deletes the report and makes a sheet of their own with the same name.
    fake.model.deleteSheet(fake.model.sheet("校验报告")!);
    const mine = fake.model.addSheet("校验报告");
    mine.write(0, 0, [["我的"]]);
    const read = await readWorkbookGrids();
    expect(read.sheets).toContain("校验报告");
    expect(read.skipped).toEqual([]);
    const w = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    expect(w).toMatchObject({ sheet: "校验报告 (2)", replaced: false });
    expect(fake.model.sheet("校验报告")).toBe(mine);
    expect(mine.cell(0, 0)?.value).toBe("我的");
  });

  it("leaves a report the user renamed (to keep it, with their notes) and checks it like any sheet", async () => {
    const fake = installFakeExcel(g, { sheets: [{ name: "自评表", values: realRows("06") }] });
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    const kept = fake.model.sheet("校验报告")!;
    kept.name = "三月审核";
    kept.setValue(4, 10, "已与财政局核对");
    const notes = JSON.stringify([...kept.cells.entries()]);
    expect((await readWorkbookGrids()).sheets).toContain("三月审核");
    const w = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    expect(w).toMatchObject({ sheet: "校验报告", replaced: false });
    expect(fake.model.sheet("三月审核")).toBe(kept);
    expect(JSON.stringify([...kept.cells.entries()])).toBe(notes);
    // A rerun replaces the report the add-in wrote while nobody changed it, not the kept one.
    const second = fake.model.sheet("校验报告")!;
    const again = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    expect(again).toMatchObject({ sheet: "校验报告", replaced: true });
    expect(fake.model.sheet("校验报告")).not.toBe(second);
    expect(fake.model.sheet("三月审核")).toBe(kept);
    // Notes typed into the report make it the user's: kept, checked, and the next report goes beside it.
    const noted = fake.model.sheet("校验报告")!;
    noted.setValue(4, 10, "已核对");
    const read = await readWorkbookGrids();
    expect(read.sheets).toContain("校验报告");
    expect(read.ignoredClaims).toEqual([{ sheet: "校验报告", kind: "report", why: "mismatch" }]);
    const third = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    expect(third).toMatchObject({ sheet: "校验报告 (2)", replaced: false, kept: ["校验报告"] });
    expect(fake.model.sheet("校验报告")).toBe(noted);
    expect(noted.cell(4, 10)?.value).toBe("已核对");
  });

  it("writes coverage beside a user's 覆盖率统计, leaving a user's JX_CoverageByDepartment table alone", async () => {
    const fake = installFakeExcel(g, hostile());
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    const { coverage } = coverageReport(check.budget, check.targets);
    const before = userSnapshot(fake);
    fake.resetStats();
    const w = await writeCoverageSheet(coverage, "c");
    // Two sheets (覆盖率统计, 缺少目标清单) in the syncs of one; no tables (the download's sheets have none).
    expect(fake.stats.syncs).toBe(4);
    expect(w).toMatchObject({ sheet: "覆盖率统计 (2)", requested: "覆盖率统计", replaced: false, missingSheet: "缺少目标清单", tables: [] });
    const again = await writeCoverageSheet(coverage, "c");
    expect(again).toMatchObject({ sheet: "覆盖率统计 (2)", missingSheet: "缺少目标清单", replaced: true, tables: [] });
    expect(fake.model.sheet("覆盖率统计 (2)")!.charts).toHaveLength(1);
    expectUserUnchanged(before, userSnapshot(fake), "coverage");
  });

  it("marks inserted templates, which stay the user's to fill in (checked, never replaced)", async () => {
    const fake = installFakeExcel(g, hostile());
    const t = await insertTemplate("self-evaluation");
    expect(t).toMatchObject({ sheet: "项目支出绩效自评表(2)", requested: "项目支出绩效自评表", syncs: 2 });
    expect(fake.stats.syncs).toBe(2);
    const read = await readWorkbookGrids();
    expect(read.templates).toEqual(["项目支出绩效自评表(2)"]);
    expect(read.sheets).toEqual(expect.arrayContaining(["项目支出绩效自评表", "项目支出绩效自评表(2)"]));
    expect(read.skipped).toEqual([]);
  });
});

describe("a failed write leaves the previous report", () => {
  async function setup(): Promise<{ fake: FakeExcel; check: ReturnType<typeof checkWorkbook>; previous: string }> {
    const fake = installFakeExcel(g, hostile());
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "first" });
    const s = fake.model.sheet("校验报告 (2)")!;
    return { fake, check, previous: JSON.stringify({ id: s.id, cells: [...s.cells.entries()], tables: fake.model.tables.filter((t) => t.sheet === s).map((t) => t.name) }) };
  }
  const state = (fake: FakeExcel): string => {
    const s = fake.model.sheet("校验报告 (2)")!;
    return JSON.stringify({ id: s.id, cells: [...s.cells.entries()], tables: fake.model.tables.filter((t) => t.sheet === s).map((t) => t.name) });
  };

  it.each([
    ["writing the cells", /set Range\.values/, 0],
    ["adding the table", /TableCollection\.add/, 0],
    ["moving the previous table's name aside", /set Table\.name/, 0],
    ["naming the new table (a clash Excel alone can see)", /set Table\.name/, 1],
    ["deleting the previous sheet", /Worksheet\.delete/, 0],
  ])("when %s fails: previous report intact, no half-written sheet, a bilingual error (Chinese first)", async (_what, where, skip) => {
    const { fake, check, previous } = await setup();
    const sheetsBefore = fake.model.sheets.map((s) => s.name);
    const before = userSnapshot(fake);
    fake.model.failNext(where, "GeneralException", "internal", skip);
    const err = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "second" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputWriteError);
    const message = (err as Error).message;
    expect(message).toMatch(/^写入“校验报告”未完成，上一份保持不变。原因：Excel 内部错误.* \/ Writing the report sheet \(校验报告\) did not finish; the previous one is unchanged\. Reason: Excel reported an internal error/);
    expect(readableError(err).zh).toMatch(/^写入“校验报告”未完成/);
    expect(state(fake)).toBe(previous);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expectUserUnchanged(before, userSnapshot(fake), "failed write");
    // The marker still points at the previous report: the next write replaces it as usual.
    const ok = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "third" });
    expect(ok).toMatchObject({ sheet: "校验报告 (2)", replaced: true });
  });

  it("a half-written sheet left by an interrupted write (cleanup failed too) cannot be proved the add-in's: checked and kept", async () => {
    const { fake, check } = await setup();
    fake.model.failNext(/set Range\.values/);
    fake.model.failNext(/Worksheet\.delete/); // the cleanup's delete
    await expect(writeReportSheet({ issues: check.issues, stats: check.stats, caption: "x" })).rejects.toBeInstanceOf(OutputWriteError);
    const leftover = fake.model.sheets.find((s) => s.name.startsWith("_jx_tmp_"));
    expect(leftover).toBeDefined();
    const read = await readWorkbookGrids();
    expect(read.skipped).not.toContain(leftover!.name);
    expect(read.sheets).toContain(leftover!.name);
    await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "y" });
    expect(fake.model.sheets.find((s) => s.name === leftover!.name)).toBe(leftover);
    // Its pending marker is gone: it is a sheet like any other now.
    expect(fake.model.names.some((n) => n.name.startsWith("_JX_PENDING"))).toBe(false);
  });
});

describe("clear-marks removes only the add-in's own rules", () => {
  it("keeps user rules with the marks' formula shape, on every sheet, and the add-in's report is never marked", async () => {
    const fake = installFakeExcel(g, hostile());
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    const userRules = (): string[] => fake.model.sheets.flatMap((s) => s.conditionalFormats.filter((c) => !isMarkFormula(c.formula ?? "", ours(fake).token)).map((c) => `${s.name}:${c.id}:${c.formula}`));
    const before = userRules();
    expect(before).toHaveLength(4);
    const ourRules = (): number => fake.model.sheets.reduce((n, s) => n + s.conditionalFormats.filter((c) => isMarkFormula(c.formula ?? "", ours(fake).token)).length, 0);
    fake.resetStats();
    const applied = await applyMarks(check.issues);
    expect(fake.stats.syncs).toBe(3);
    expect(applied.count).toBeGreaterThan(0);
    const token = ours(fake).token!;
    expect(token).toMatch(/^[a-z0-9]{12}$/);
    expect(fake.model.sheet("自评表")!.conditionalFormats.filter((c) => isMarkFormula(c.formula ?? "", token)).length).toBeGreaterThan(0);
    expect(fake.model.sheet("校验报告 (2)")!.conditionalFormats).toEqual([]);
    // Reapplying replaces the add-in's marks (same token), never stacks them.
    const count = ourRules();
    await applyMarks(check.issues);
    expect(ourRules()).toBe(count);
    expect(userRules()).toEqual(before);
    fake.resetStats();
    const cleared = await clearMarks();
    expect(fake.stats.syncs).toBe(3);
    expect(cleared.count).toBe(count);
    expect(ourRules()).toBe(0);
    expect(userRules()).toEqual(before);
  });

  it("with no marks ever made, clears nothing (3 syncs) and removes no look-alike", async () => {
    const fake = installFakeExcel(g, hostile());
    const r = await clearMarks();
    expect(r).toEqual({ count: 0, syncs: 3 });
    expect(fake.model.sheet("自评表")!.conditionalFormats).toHaveLength(3);
    expect(fake.model.sheet("校验报告")!.conditionalFormats).toHaveLength(1);
  });
});

describe("every pane action leaves the user's workbook as it was, in a constant number of syncs", () => {
  async function actions(fake: FakeExcel): Promise<Record<string, number>> {
    const syncs: Record<string, number> = {};
    let check = checkWorkbook((await readWorkbookGrids()).grids);
    const step = async (name: string, f: () => Promise<unknown>): Promise<void> => {
      const before = userSnapshot(fake);
      fake.resetStats();
      await f();
      syncs[name] = fake.stats.syncs;
      expectUserUnchanged(before, userSnapshot(fake), name);
    };
    await step("check", async () => {
      check = checkWorkbook((await readWorkbookGrids()).grids);
    });
    await step("report", () => writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" }));
    await step("report again", () => writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" }));
    const { coverage } = coverageReport(check.budget, check.targets);
    await step("coverage", () => writeCoverageSheet(coverage, "c"));
    await step("coverage again", () => writeCoverageSheet(coverage, "c"));
    await step("marks", () => applyMarks(check.issues));
    await step("marks again", () => applyMarks(check.issues));
    await step("clear", () => clearMarks());
    await step("clear again", () => clearMarks());
    await step("template target", () => insertTemplate("target"));
    await step("template self-evaluation", () => insertTemplate("self-evaluation"));
    await step("check after", async () => {
      check = checkWorkbook((await readWorkbookGrids()).grids);
    });
    return syncs;
  }

  it("check, report, coverage, marks, clear and templates over user sheets, tables, names and rules named like ours", async () => {
    const small = await actions(installFakeExcel(g, hostile()));
    expect(small).toEqual({
      check: 3,
      // A write reads its sheet back for the marker's digest; a rerun first verifies the previous sheet (two more).
      report: 4,
      "report again": 6,
      coverage: 4,
      "coverage again": 6,
      marks: 3,
      "marks again": 3,
      clear: 3,
      "clear again": 3,
      "template target": 2,
      "template self-evaluation": 2,
      "check after": 3,
    });
    // Five times the sheets and issues: the same round trips.
    const big = installFakeExcel(g, hostile(4));
    const bigSyncs = await actions(big);
    expect(bigSyncs).toEqual(small);
    expect(checkWorkbook((await readWorkbookGrids()).grids).issues.length).toBeGreaterThan(0);
  });
});

describe("without the marker API (ExcelApi 1.4), nothing is taken for the add-in's own", () => {
  it("never deletes or skips a sheet: each report goes to a new free name; marks are refused, clear removes nothing", async () => {
    const fake = installFakeExcel(g, { sheets: [{ name: "自评表", values: realRows("06") }] });
    g.Office = { context: { requirements: { isSetSupported: (_set: string, v: string) => Number(v.split(".")[1]) < 4 } } };
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    expect((await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" })).sheet).toBe("校验报告");
    expect((await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" })).sheet).toBe("校验报告 (2)");
    expect((await readWorkbookGrids()).skipped).toEqual([]);
    expect(fake.model.names).toEqual([]);
    await expect(applyMarks(check.issues)).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(await clearMarks()).toEqual({ count: 0, syncs: 3 });
  });
});

describe("naming helpers", () => {
  it("free sheet names follow Excel's case-insensitive comparison", () => {
    expect(freeSheetName("校验报告", ["Sheet1"])).toBe("校验报告");
    expect(freeSheetName("校验报告", ["校验报告", "校验报告 (2)"])).toBe("校验报告 (3)");
    expect(freeSheetName("校验报告", ["校验报告", "校验报告 (2)"], "校验报告 (2)")).toBe("校验报告 (2)");
    expect(freeSheetName("Report", ["REPORT"])).toBe("Report (2)");
  });
  it("free table names avoid tables and defined names", () => {
    expect(freeTableName("JX_Report", new Set(["jx_report", "jx_report_2"]))).toBe("JX_Report_3");
    expect(freeTableName("JX_Report", new Set(["jx_report"]), ["JX_Report"])).toBe("JX_Report");
  });
  it("reads a marker only with the add-in's signature, and a reference's sheet with quotes", () => {
    expect(parseMarker({ name: "_JX_REPORT", type: "Range", value: "'校验报告'!$A$1", comment: "我的名称" })).toBeUndefined();
    expect(parseMarker({ name: "MY_REPORT", type: "Range", value: "'校验报告'!$A$1", comment: 'jx1 {"k":"report","s":"校验报告"}' })).toBeUndefined();
    expect(parseMarker({ name: "_JX_REPORT", type: "Range", value: "='校验报告'!$A$1", comment: 'jx1 {"k":"report","s":"校验报告","t":["JX_Report"]}' })).toMatchObject({ kind: "report", target: "校验报告", given: "校验报告", tables: ["JX_Report"] });
    expect(parseMarker({ name: "_JX_REPORT", type: "Error", value: "#REF!", comment: 'jx1 {"k":"report","s":"校验报告"}' })?.target).toBeUndefined();
    expect(sheetOfReference("='O''Brien'!$A$1")).toBe("O'Brien");
    expect(sheetOfReference("Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfReference("=#REF!$A$1")).toBeUndefined();
  });
});

describe("a received workbook cannot steer the add-in (issue 25)", () => {
  /** Markers as a forger writes them: the public signature, pointing at the user's sheets, with digests of their own. */
  function forged(): FakeWorkbookInit {
    const base = hostile();
    const userSheets = base.sheets!.filter((s) => s.name !== "校验报告" && s.name !== "覆盖率统计");
    return {
      ...base,
      sheets: userSheets,
      names: [
        { name: "_JX_REPORT", refersTo: "自评表!A1", comment: 'jx1 {"k":"report","s":"自评表","t":["JX_Report"]}' },
        // A digest computed the way an unkeyed one would be: the forger cannot know this computer's key.
        { name: "_JX_COVERAGE", refersTo: "预算清单!A1", comment: `jx1 {"k":"coverage","s":"预算清单","d":"${"0123456789abcdef".repeat(2)}"}` },
        { name: "_JX_PENDING_REPORT", refersTo: "台账!A1", comment: 'jx1 {"k":"pending","s":"台账","o":"report"}' },
      ],
    };
  }

  it("every forged marker leaves every user sheet in place and checked, and the pane is told", async () => {
    const fake = installFakeExcel(g, forged());
    const before = userSnapshot(fake);
    const names = fake.model.sheets.map((s) => s.name);
    const read = await readWorkbookGrids();
    expect(read.sheets).toEqual(names);
    expect(read.skipped).toEqual([]);
    expect(read.ignoredClaims?.map((c) => c.sheet).sort()).toEqual(["自评表", "预算清单"].sort());
    const check = checkWorkbook(read.grids);
    expect(check.stats.errors).toBeGreaterThan(0);
    // The active-sheet check reads 自评表 too.
    expect((await readWorkbookGrids({ scope: "active" })).sheets).toEqual(["自评表"]);

    const report = await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    expect(report).toMatchObject({ sheet: "校验报告", replaced: false, kept: ["自评表"] });
    const { coverage } = coverageReport(check.budget, check.targets);
    const cov = await writeCoverageSheet(coverage, "c");
    expect(cov).toMatchObject({ sheet: "覆盖率统计", replaced: false, kept: ["预算清单"] });
    for (const n of names) expect(fake.model.sheet(n)).toBeDefined();
    expectUserUnchanged(before, userSnapshot(fake), "forged markers");
    // And the add-in's own report, written here, is recognised again by the next check.
    expect((await readWorkbookGrids()).skipped.sort()).toEqual(["校验报告", "缺少目标清单", "覆盖率统计"].sort());
  });

  it("a copy of a genuine marker moved onto a user sheet does not verify either", async () => {
    const fake = installFakeExcel(g, { sheets: [{ name: "自评表", values: realRows("06") }] });
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    const genuine = fake.model.names.find((n) => n.name === "_JX_REPORT")!;
    const digest = /"d":"([0-9a-f]{32})"/.exec(genuine.comment)![1];
    // The forger knows a real digest (from a report the add-in wrote) and points a marker at 自评表 with it.
    fake.model.deleteSheet(fake.model.sheet("校验报告")!);
    fake.model.names.splice(fake.model.names.indexOf(genuine), 1);
    const forgedInit = { name: "_JX_REPORT", refersTo: "自评表!A1", comment: `jx1 {"k":"report","s":"自评表","d":"${digest}"}` };
    const again = installFakeExcel(g, { sheets: [{ name: "自评表", values: realRows("06") }], names: [forgedInit] });
    const read = await readWorkbookGrids();
    expect(read.sheets).toEqual(["自评表"]);
    expect(read.ignoredClaims).toEqual([{ sheet: "自评表", kind: "report", why: "mismatch" }]);
    await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    expect(again.model.sheet("自评表")).toBeDefined();
  });

  it("the live check reads a sheet a forged marker claims", async () => {
    installFakeExcel(g, forged());
    const r = await readSheetGrid("自评表");
    expect(r.own).toBe(false);
    expect(r.grid?.values.length).toBeGreaterThan(10);
  });
});
