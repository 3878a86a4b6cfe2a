/** Adapters from recognized tables to plain items. */
import fc from "fast-check";
import { budgetItemsFromTable, fundsTotalWan, reconcile, targetItemsFromProjects } from "../../../src/domain/coverage";
import type { CellValue } from "../../../src/domain/grid";
import { a1 } from "../../../src/domain/grid";
import type { Issue } from "../../../src/domain/issues";
import { NATIONAL } from "../../../src/domain/profiles/national";
import type { BudgetLine, BudgetListTable, FundsBlock, IndicatorProject, IndicatorRow, IndicatorTable, Ref } from "../../../src/domain/tables/model";

const ref = (value: CellValue, row: number, col: number): Ref => ({
  value,
  text: value === null ? "" : String(value).trim(),
  address: a1(row, col),
  row,
  col,
});

function budgetTable(unit: "元" | "万元", rows: [CellValue, CellValue, CellValue, CellValue][]): BudgetListTable {
  const lines: BudgetLine[] = rows.map(([code, name, secret, amount], k) => {
    const r = k + 1;
    return {
      row: r,
      ...(code !== null ? { code: ref(code, r, 0) } : {}),
      ...(name !== null ? { name: ref(name, r, 1) } : {}),
      ...(secret !== null ? { secret: ref(secret, r, 2) } : {}),
      ...(amount !== null ? { amount: ref(amount, r, 3) } : {}),
      budgetUnit: ref("交通局", r, 4),
    };
  });
  return { kind: "budget-list", layout: "list", sheet: "清单", range: `A1:E${rows.length + 1}`, headerRow: 0, headerRows: 1, columns: { code: 0, name: 1, secret: 2, amount: 3, budgetUnit: 4 }, amountUnit: unit, lines };
}

describe("budgetItemsFromTable", () => {
  it("converts 元 to 万元 and reads text numbers", () => {
    const items = budgetItemsFromTable(
      budgetTable("元", [
        ["001", "道路", "是", "1,000,000"],
        [1230001, "学校", "否", "５００，０００"],
        ["003", "绿化", "Y", 1234567],
        ["004", "工资", "涉密", 3000],
        [null, "合计", null, 99],
        [null, null, null, null],
        [null, "无编码项目", "1", null],
      ]),
      "预算.xlsx",
    );
    expect(items.map((i) => [i.code, i.name, i.secret, i.amountWan, i.cell])).toEqual([
      ["001", "道路", true, 100, "A2"],
      ["1230001", "学校", false, 50, "A3"],
      ["003", "绿化", true, 123.4567, "A4"],
      ["004", "工资", true, 0.3, "A5"],
      [undefined, "无编码项目", true, undefined, "B8"],
    ]);
    expect(items[0]).toMatchObject({ budgetUnit: "交通局", sheet: "清单", row: 1, file: "预算.xlsx" });
  });
  it("keeps 万元 as is; a budget in 元 matches a target in 万元", () => {
    const wan = budgetItemsFromTable(budgetTable("万元", [["1", "道路", null, 12.5]]));
    expect(wan[0].amountWan).toBe(12.5);
    const yuan = budgetItemsFromTable(budgetTable("元", [["1", "道路", null, 125000]]));
    const rec = reconcile(yuan, [{ code: "1", valid: true, errorCount: 0, amountWan: 12.5, sheet: "t", cell: "A1" }], { profile: NATIONAL });
    expect(rec.amountMismatches).toEqual([]);
    expect(rec.lines[0].class).toBe("OK");
  });
});

const row = (r: number): IndicatorRow => ({ row: r, name: ref("指标", r, 2), notApplicable: false, placeholder: false });

function funds(unit: "元" | "万元", total: CellValue, parts: CellValue[], base = 30): FundsBlock {
  return {
    moneyUnit: unit,
    rows: [
      { kind: "total", label: ref("年度资金总额", base, 0), budget: ref(total, base, 2) },
      ...parts.map((p, k) => ({ kind: "part" as const, label: ref("其中", base + 1 + k, 0), budget: ref(p, base + 1 + k, 2) })),
    ],
  };
}

function project(code: string | null, name: string, rows: number[], f?: FundsBlock): IndicatorProject {
  return {
    key: code ?? name,
    info: { ...(code !== null ? { code: ref(code, rows[0], 0) } : {}), name: ref(name, rows[0], 1), unit: ref("交通局", rows[0], 3), department: ref("交通运输局", rows[0], 4) },
    indicators: rows.map(row),
    placeholders: [],
    subtotals: [],
    ...(f ? { funds: f } : {}),
  };
}

function table(projects: IndicatorProject[], range = "A1:J40"): IndicatorTable {
  return { kind: "target", layout: "list", sheet: "目标", range, headerRow: 0, headerRows: 1, columns: { name: 2 }, projects, framework: "classic" };
}

const issue = (cell: string, severity: Issue["severity"] = "error", sheet = "目标"): Issue => ({
  code: "indicator.missing-field",
  severity,
  sheet,
  cell,
  value: "",
  message: "m",
  messageEn: "m",
  source: "s",
});

describe("fundsTotalWan", () => {
  it("takes the total row, else the sum of the parts; converts 元", () => {
    expect(fundsTotalWan(funds("万元", 30, [10, 20]))).toBe(30);
    expect(fundsTotalWan(funds("万元", 0, [10.1, 20.2]))).toBe(30.3);
    expect(fundsTotalWan(funds("元", "300,000", []))).toBe(30);
    expect(fundsTotalWan(undefined)).toBeUndefined();
  });
});

describe("targetItemsFromProjects", () => {
  const t = table([project("P1", "道路维修", [2, 3, 4], funds("万元", 100, [100], 3)), project("P2", "学校改造", [5, 6]), project(null, "绿化", [7, 8])]);
  it("reads code, name, unit, department, funds; validity from a function", () => {
    const items = targetItemsFromProjects([t], (p) => (p.key === "P2" ? 2 : 0), "目标.xlsx");
    expect(items).toEqual([
      { code: "P1", name: "道路维修", unit: "交通局", department: "交通运输局", amountWan: 100, valid: true, errorCount: 0, sheet: "目标", cell: "A3", file: "目标.xlsx" },
      { code: "P2", name: "学校改造", unit: "交通局", department: "交通运输局", valid: false, errorCount: 2, sheet: "目标", cell: "A6", file: "目标.xlsx" },
      { name: "绿化", unit: "交通局", department: "交通运输局", valid: true, errorCount: 0, sheet: "目标", cell: "B8", file: "目标.xlsx" },
    ]);
  });
  it("validity from counts in table and project order, across tables; a missing count is 0", () => {
    const other = table([project("P9", "桥梁", [2, 3])]);
    expect(targetItemsFromProjects([t, other], [0, 2, 0, 5]).map((i) => [i.code ?? i.name, i.errorCount, i.valid])).toEqual([
      ["P1", 0, true],
      ["P2", 2, false],
      ["绿化", 0, true],
      ["P9", 5, false],
    ]);
    expect(targetItemsFromProjects(t, [3]).map((i) => i.errorCount)).toEqual([3, 0, 0]);
    // The same items as the function form gives.
    expect(targetItemsFromProjects(t, [0, 2, 0], "目标.xlsx")).toEqual(targetItemsFromProjects([t], (p) => (p.key === "P2" ? 2 : 0), "目标.xlsx"));
  });
  it("validity from the table's issues: errors in a project's rows count for it; table-level ones for all", () => {
    const found = [issue("C6"), issue("C7", "warning"), issue("C9"), issue("C3", "error", "其他表"), issue("Z99")];
    expect(targetItemsFromProjects(t, found).map((i) => i.errorCount)).toEqual([0, 1, 1]);
    const form = table([project("P1", "道路维修", [2, 3])]);
    expect(targetItemsFromProjects(form, [issue("C30"), issue("C31")])[0]).toMatchObject({ valid: false, errorCount: 2 });
  });
  it("a project whose rows come back lower down spans the rows between: those errors go to the first project", () => {
    // P1 occupies rows 2-3 and again 9 (same key further down a list); P2 sits at 5-6 inside P1's span.
    const spread = table([project("P1", "道路维修", [2, 3, 9]), project("P2", "学校改造", [5, 6]), project("P3", "绿化", [12, 13])]);
    // Rows are 0-based: C6 is row 5 → P1 (the first project spanning it, though P2 is there too);
    // C10 is row 9 → P1; C13 and C14 are rows 12-13 → P3.
    const found = [issue("C6"), issue("C13"), issue("C14"), issue("C10")];
    expect(targetItemsFromProjects(spread, found).map((i) => i.errorCount)).toEqual([2, 0, 2]);
    // C12 (row 11) lies in no project: it counts for all three.
    expect(targetItemsFromProjects(spread, [issue("C12")]).map((i) => i.errorCount)).toEqual([1, 1, 1]);
  });
  it("agrees with the rule read literally (first project spanning the row, else every project) on random tables", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 38 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ row: fc.integer({ min: 0, max: 45 }), error: fc.boolean() }), { maxLength: 30 }),
        (rowSets, spec) => {
          const projects = rowSets.map((rows, k) => project(`P${k}`, `项目${k}`, rows));
          const found = spec.map((x) => issue(a1(x.row, 2), x.error ? "error" : "warning"));
          const spans = projects.map((p) => {
            const rows = p.indicators.map((r) => r.row);
            return { min: Math.min(...rows), max: Math.max(...rows) };
          });
          const expected = projects.map(() => 0);
          for (const x of spec) {
            if (!x.error || x.row > 39) continue; // outside A1:J40: not this table's
            if (projects.length === 1) {
              expected[0]++;
              continue;
            }
            const k = spans.findIndex((s) => x.row >= s.min && x.row <= s.max);
            if (k >= 0) expected[k]++;
            else for (let i = 0; i < expected.length; i++) expected[i]++;
          }
          expect(targetItemsFromProjects(table(projects), found).map((i) => i.errorCount)).toEqual(expected);
        },
      ),
    );
  });
});
