/**
 * `jx check targets --budget list` on a budget list and a target table made to hold every coverage case
 * (test/fixtures/coverage): a covered line, a line with no target, one whose target has an error, a classified line
 * and a basic-expenditure line (excluded), a name-only match, a repeated code, a target not on the list, and a
 * department whose only line is excluded. The figures are worked out by hand below; the pane shows the same ones
 * for the same two tables (test/e2e/pane-parity.test.js).
 */
import * as path from "path";
import { runJx } from "../helpers/cli";

const DIR = path.join(__dirname, "..", "fixtures", "coverage");
const BUDGET = path.join(DIR, "budget-all-cases.csv");
const TARGETS = path.join(DIR, "targets-all-cases.csv");

interface Group {
  readonly projects: number;
  readonly covered: number;
  readonly amount: number;
  readonly coveredAmount: number;
  readonly rateByCount: number;
  readonly rateByAmount: number;
  readonly excluded: number;
}

async function run(format: "json" | "text"): Promise<{ code: number; stdout: string }> {
  return runJx(["check", TARGETS, "--budget", BUDGET, "--format", format], DIR);
}

describe("jx check --budget on every coverage case", () => {
  it("gives the hand-worked figures, lists and findings", async () => {
    const { code, stdout } = await run("json");
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    const c = json.coverage;
    // In scope: 101 (100, covered), 102 (50, no target), 201 (80, target with an error), 202 (40.5, name-only, covered),
    // 101 again (10, covered by the same target). Out: 301 (涉密), 103 (基本支出).
    expect(c.total).toEqual({ projects: 5, amount: 280.5 });
    expect(c.covered).toEqual({ projects: 3, amount: 150.5 });
    expect(c.rateByCount).toBe(0.6);
    expect(c.rateByAmount).toBe(0.5365);
    expect(c.missing.map((m: { code: string }) => m.code)).toEqual(["510000240000000000102"]);
    expect(c.invalid).toEqual([
      expect.objectContaining({ code: "510000240000000000201", class: "INVALID_TARGET", errors: 1, cell: "A4", target: expect.stringMatching(/targets-all-cases!A10$/) }),
    ]);
    expect(c.excluded.map((e: { code: string; reason: string }) => [e.code, e.reason])).toEqual([
      ["510000240000000000301", "涉密"],
      ["510000240000000000103", "基本支出"],
    ]);
    expect(c.nameMatches).toEqual([expect.objectContaining({ code: "510000240000000000202", targetCode: "510000249999999999202", cell: "A7" })]);
    expect(c.orphans).toEqual([expect.objectContaining({ code: "510000240000000000901", sheet: "targets-all-cases", cell: "A24" })]);
    expect(c.duplicates).toEqual([{ code: "510000240000000000101", cells: ["budget-all-cases!A2", "budget-all-cases!A8"] }]);

    const dept = Object.fromEntries(c.byDepartment.map((g: Group & { department: string }) => [g.department, g]));
    expect(dept["示例市交通局"]).toMatchObject({ projects: 3, covered: 2, amount: 160, coveredAmount: 110, excluded: 1 });
    expect(dept["示例市教育局"]).toMatchObject({ projects: 2, covered: 1, amount: 120.5, coveredAmount: 40.5, excluded: 0 });
    // A department whose only line is excluded: 0 of 0, its rate is no figure at all (text: "—").
    expect(dept["示例市应急局"]).toMatchObject({ projects: 0, covered: 0, excluded: 1 });
    const types = c.byBudgetType.map((g: Group & { budgetType: string }) => [g.budgetType, g.projects, g.covered]);
    expect(types).toEqual([
      ["一般公共预算", 4, 3],
      ["政府性基金预算", 1, 0],
      ["国有资本经营预算", 0, 0],
      ["社会保险基金预算", 0, 0],
    ]);

    // The findings, on the files they point at (an orphan target on the target table).
    const keys = json.files.flatMap((f: { issues: { code: string; sheet: string; cell: string }[] }) => f.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).sort();
    expect(keys).toEqual(
      [
        "indicator.placeholder@targets-all-cases!H10",
        "project.no-target@budget-all-cases!A3",
        "project.invalid-target@budget-all-cases!A4",
        "project.excluded@budget-all-cases!A5",
        "project.excluded@budget-all-cases!A6",
        "project.name-match-only@budget-all-cases!A7",
        "project.duplicate-code@budget-all-cases!A8",
        "project.orphan-target@targets-all-cases!A24",
      ].sort(),
    );
    const errors = json.files.reduce((n: number, f: { stats: { errors: number } }) => n + f.stats.errors, 0);
    const warnings = json.files.reduce((n: number, f: { stats: { warnings: number } }) => n + f.stats.warnings, 0);
    expect([errors, warnings]).toEqual([4, 2]);
  });

  it("prints — for the groups with nothing to cover", async () => {
    const { stdout } = await run("text");
    expect(stdout).toMatch(/按项目数 by count: 3\/5 = 60\.00%/);
    expect(stdout).toMatch(/按金额 by amount: 150\.5\/280\.5 万元 = 53\.65%/);
    expect(stdout).toMatch(/示例市应急局\s+0\s+0\s+—\s+0\s+0\s+—/);
  });
});
