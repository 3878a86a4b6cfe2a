/** engine.coverageReport: 部门整体 targets count toward 部门整体目标覆盖率 and are not orphans of the project join. */
import { coverageReport } from "../../src/domain/engine";
import type { BudgetItem, TargetItem } from "../../src/domain/coverage";

const line = (code: string, department: string, amountWan: number): BudgetItem => ({
  code,
  name: `项目${code}`,
  department,
  budgetType: "一般公共预算",
  expenseType: "项目支出",
  secret: false,
  amountWan,
  sheet: "清单",
  row: Number(code),
  cell: `A${Number(code) + 1}`,
});
const target = (name: string, department: string, code?: string): TargetItem => ({
  ...(code ? { code } : {}),
  name,
  department,
  valid: true,
  errorCount: 0,
  sheet: "目标",
  cell: "A1",
});

const budget = [line("1", "甲局", 100), line("2", "乙局", 50), line("3", "丙局", 25)];

test("whole-department targets: 1 of 3 departments, and no orphan for it", () => {
  const { coverage, issues } = coverageReport(budget, [target("项目1", "甲局", "1"), target("甲局2023年部门整体支出绩效目标", "甲局")]);
  expect(coverage.wholeDepartment).toMatchObject({ total: 3, covered: 1 });
  expect(coverage.wholeDepartment?.missing).toEqual(["乙局", "丙局"]);
  expect(issues.filter((i) => i.code === "project.orphan-target")).toEqual([]);
  expect(coverage.covered.projects).toBe(1);
});

test("no whole-department target given: no figure is invented", () => {
  const { coverage } = coverageReport(budget, [target("项目1", "甲局", "1")]);
  expect(coverage.wholeDepartment).toBeUndefined();
});
