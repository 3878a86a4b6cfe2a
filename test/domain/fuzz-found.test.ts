/**
 * Engine bugs the fuzz found (bench/fuzz), each on its minimal case: an issue cell outside the grid, a suggested
 * score above its weight, an infinite total.
 */
import { checkWorkbook, coverageReport, profileForTable } from "../../src/domain/engine";
import { projectFacts } from "../../src/domain/checks/facts";
import { recognizeSheet } from "../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../src/domain/tables/model";
import { parseA1, type Grid } from "../../src/domain/grid";
import { realGrid } from "../helpers/real";

test("a sheet whose used range starts at C5 with no table: table.not-recognized at its own top-left, not A1", () => {
  const r = checkWorkbook([{ sheet: "S", top: 4, left: 2, values: [["备注"]] }]);
  expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["table.not-recognized@C5"]);
});

test("a target table without a name column on a grid starting in column D: the target's cell is inside the grid", () => {
  const g = realGrid("20");
  const values = g.values.map((row) => [...row]);
  values[1][2] = "一级指标";
  const check = checkWorkbook([{ sheet: "S", top: 0, left: 3, values }]);
  const budget = checkWorkbook([{ sheet: "B", top: 0, left: 0, values: [["项目编码", "金额"]] }]);
  const { issues } = coverageReport(budget.budget, check.targets);
  for (const t of check.targets) expect(parseA1(t.cell)!.col).toBeGreaterThanOrEqual(3);
  for (const i of issues.filter((x) => x.sheet === "S")) expect(parseA1(i.cell)!.col).toBeGreaterThanOrEqual(3);
});

test("分值 8.408 with the target met: the suggested score is 8.408 at most, never 8.41", () => {
  const g: Grid = {
    sheet: "S",
    top: 0,
    left: 0,
    values: [
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "培训人次", "≥500人次", "600人次", 8.408, 8.408],
    ],
  };
  const r = checkWorkbook([g]);
  expect(r.issues.map((i) => i.code)).not.toContain("score.mismatch");
  expect(r.issues.map((i) => i.code)).not.toContain("score.exceeds-weight");
});

test("1e308 typed into a 得分 cell: the computed total stays finite", () => {
  const g = realGrid("02");
  const values = g.values.map((row) => [...row]);
  values[14][7] = 1e308;
  const total = checkWorkbook([{ ...g, values }]).tables[0].score?.total;
  expect(total === undefined || Number.isFinite(total)).toBe(true);
});

test("a negative budget line does not take coverage by amount out of [0, 1] (main coverage and further lists)", () => {
  const check = checkWorkbook([realGrid("11")]);
  const budget = checkWorkbook([
    { sheet: "B", top: 0, left: 0, values: [["项目编码", "项目名称", "金额（万元）"], ["51000021R000000019951", "工资性支出", 100], ["51000021R000000019952", "其他项目", -1]] },
  ]);
  const coveredBy = [{ label: "监控.xlsx", items: check.targets.map((t) => ({ ...(t.code ? { code: t.code } : {}), ...(t.name ? { name: t.name } : {}), sheet: t.sheet, cell: t.cell })) }];
  const { coverage } = coverageReport(budget.budget, check.targets, { coveredBy });
  const rates: number[] = [];
  JSON.stringify(coverage, (k, v) => {
    if (/^rateBy/.test(k) && typeof v === "number") rates.push(v);
    return v;
  });
  expect(rates.length).toBeGreaterThan(2);
  for (const r of rates) {
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
  }
});

test("a form never filled in on a grid starting in column C: table.not-filled inside the grid", () => {
  const g = realGrid("16");
  const values = g.values.map((row) => [...row]);
  values[7][1] = "x";
  for (const r of values) if (r.length > 3) r[3] = null;
  const r = checkWorkbook([{ sheet: "S", top: 0, left: 2, values }]);
  for (const i of r.issues) expect(parseA1(i.cell)!.col).toBeGreaterThanOrEqual(2);
});

test("a ★ group under a 分值 of 8.408, its members met: the parent's suggested score never rounds past 8.408", () => {
  const g = realGrid("14");
  const values = g.values.map((row) => [...row]);
  values[9][4] = "8.408";
  const grid = { ...g, values };
  const table = recognizeSheet(grid).tables[0] as IndicatorTable;
  const project = table.projects[0];
  const entry = projectFacts(project, table, profileForTable(table, {}))
    .score()
    .indicators.find((e) => e.row.row === 9)!;
  expect(entry.fromMembers).toBe(1);
  expect(entry.result.ok && entry.result.score).toBe(8.408);
});

test("project.missing-category on a grid starting at C5 points inside the grid", () => {
  const r = checkWorkbook([{ sheet: "S", top: 4, left: 2, values: [["项目编码", "二级指标", "分值"], [null, "", 0]] }]);
  for (const i of r.issues) {
    const at = parseA1(i.cell)!;
    expect(at.row).toBeGreaterThanOrEqual(4);
    expect(at.col).toBeGreaterThanOrEqual(2);
  }
});

test("1e308 in the funds block's 分值: the total stays finite", () => {
  const g = realGrid("02");
  const values = g.values.map((row) => [...row]);
  values[5][5] = 1e308;
  const total = checkWorkbook([{ ...g, values }]).tables[0].score?.total;
  expect(total === undefined || Number.isFinite(total)).toBe(true);
});

test("a cell holding __proto__ or constructor (a name of Object.prototype) is text like any other, in the category and name columns of a real form", () => {
  // Seed 20261206, case #86201 (shrunk: real 02 with "__proto__" as a 二级指标): the category alias table is looked up by
  // the cell's text, and a plain object answered with Object.prototype; the check threw "object is not iterable".
  const g = realGrid("02");
  let runs = 0;
  for (let r = 0; r < g.values.length; r++) {
    for (let c = 0; c < Math.min(3, g.values[r].length); c++) {
      for (const word of ["__proto__", "constructor"]) {
        const values = g.values.map((row) => [...row]);
        values[r][c] = word;
        expect(() => checkWorkbook([{ ...g, values }])).not.toThrow();
        runs++;
      }
    }
  }
  expect(runs).toBeGreaterThan(100);
});
