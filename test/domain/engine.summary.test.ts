/** workbookSummary: the one summary line the CLI, the --out report and the browser report print. */
import { workbookSummary } from "../../src/domain/engine";
import type { TableSummary } from "../../src/domain/report";
import type { TargetItem } from "../../src/domain/coverage";

const table = (project: string, score?: TableSummary["score"]): TableSummary => ({
  sheet: "S",
  range: "A1:I20",
  kind: "self-evaluation",
  layout: "form",
  project,
  projects: 1,
  rows: 8,
  ...(score ? { score } : {}),
});
const target = (department: string): TargetItem => ({ department, valid: true, errorCount: 0, sheet: "S", cell: "A1" });

test("one scored table: computed total and grade, entered ones in brackets when they differ", () => {
  const s = workbookSummary({ tables: [table("道路养护", { total: 98.05, grade: "优", entered: 98, enteredGrade: "良" })], targets: [target("交通局")], budget: [] });
  expect(s).toEqual({ department: "交通局", project: "道路养护", total: "98.05 (填报 98)", grade: "优 (填报 良)" });
});

test("agreeing figures are printed once", () => {
  const s = workbookSummary({ tables: [table("A", { total: 90, grade: "优", entered: 90, enteredGrade: "优" })], targets: [], budget: [] });
  expect([s.total, s.grade]).toEqual(["90", "优"]);
});

test("several scored tables and many departments are summarized, not listed", () => {
  const s = workbookSummary({
    tables: [table("A", { total: 95, grade: "优" }), table("B", { total: 70, grade: "中" }), table("C")],
    targets: [target("甲局"), target("乙局"), target("丙局")],
    budget: [],
  });
  expect(s).toEqual({ department: "甲局、乙局 等 3 个", project: "A、B 等 3 项", total: "2 张表", grade: "优/中" });
});
