import { makeIssue } from "../../../src/domain/catalog";
import { checkContext, runCheck } from "../../../src/domain/checks";
import { budget } from "../../../src/domain/checks/budget";
import type { IssueDraft } from "../../../src/domain/issues";
import { PROFILES, resolveProfile } from "../../../src/domain/profiles";
import type { Profile } from "../../../src/domain/profiles/types";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import { realGrid } from "../../helpers/real";
import { buildProject, buildTable, type FundsSpec } from "../scoring/build";

const national = PROFILES.national;

function check(funds: FundsSpec[], profile: Profile = national, kind: "self-evaluation" | "target" = "self-evaluation"): IssueDraft[] {
  const p = buildProject({ rows: [], funds });
  return runCheck(budget, checkContext(p, buildTable(p, kind), profile)).map(makeIssue); // as reported: words written
}
const codes = (is: IssueDraft[]) => is.map((i) => i.code);

describe("budget check", () => {
  test("declares its codes", () => {
    expect([...budget.codes].sort()).toEqual([
      "budget.adjustment-unexplained",
      "budget.low-execution",
      "budget.rate-mismatch",
      "budget.score-mismatch",
      "budget.total-mismatch",
      "budget.zero-budget",
    ]);
  });
  test("S7 example: 251.89 / 251.89 → 100.00%, 10 — clean", () => {
    expect(check([{ kind: "total", label: "总额", budget: 251.89, spent: 251.89, points: 10, rate: "100.00%", score: 10 }])).toEqual([]);
  });
  test("A = 200, B = 170 → 85%, 8.50; < 90% with no reason is budget.low-execution", () => {
    const is = check([{ kind: "total", label: "年度资金总额", budget: 200, spent: 170, points: 10, rate: "85%", score: 8.5 }]);
    expect(codes(is)).toEqual(["budget.low-execution"]);
    expect(is[0]).toMatchObject({ cell: "G5", value: "85%" });
    expect(check([{ kind: "total", label: "年度资金总额", budget: 200, spent: 170, points: 10, rate: "85%", score: 8.5, reason: "工程款未结算" }])).toEqual([]);
  });
  test("the low-execution threshold is a setting", () => {
    const f: FundsSpec[] = [{ kind: "total", label: "总额", budget: 200, spent: 170, points: 10, rate: "85%", score: 8.5 }];
    expect(check(f, resolveProfile("national", { lowExecutionThreshold: 0.8 }))).toEqual([]);
  });
  test("rate precision: '50%' agrees with 49.88 %; '100%' against 80.45 % is a mismatch", () => {
    expect(check([{ kind: "total", label: "总额", budget: 100, spent: 49.88, points: 10, rate: "50%", score: 4.99, reason: "x" }])).toEqual([]);
    const [i] = check([{ kind: "total", label: "总额", budget: 100, spent: 80.45, points: 10, rate: "100%", score: 8.05, reason: "x" }]);
    expect(i).toMatchObject({ code: "budget.rate-mismatch", cell: "G5", value: "100%", expected: "80.45%" });
  });
  test("budget.score-mismatch: entered 10 for a 85% rate; expected 8.5", () => {
    const [i] = check([{ kind: "total", label: "总额", budget: 200, spent: 170, points: 10, rate: "85.00%", score: 10, reason: "x" }]);
    expect(i).toMatchObject({ code: "budget.score-mismatch", cell: "H5", value: "10", expected: "8.5" });
    expect(i.message).toContain("预算执行率得分10与按规则计算的8.5不符");
  });
  test("budget.zero-budget: A = 0 on the scoring row", () => {
    const is = check([{ kind: "total", label: "年度资金总额", budget: 0, spent: 0, points: 10, score: 10 }]);
    expect(codes(is)).toEqual(["budget.zero-budget"]);
    expect(is[0]).toMatchObject({ cell: "D5", value: "0" });
  });
  test("budget.total-mismatch: total left at 0 while the 其中 rows are filled; the rate then comes from the parts", () => {
    const is = check([
      { kind: "total", label: "年度资金总额", budget: 0, spent: 0, points: 10, score: 9 },
      { kind: "part", label: "其中：本年财政拨款", budget: 100, spent: 90 },
      { kind: "part", label: "其他资金", budget: 0, spent: 0 },
    ]);
    // One cause (the total row left at 0), one finding that names both columns.
    expect(codes(is)).toEqual(["budget.total-mismatch"]);
    expect(is.map((i) => [i.cell, i.expected])).toEqual([["D5", "100 / 90"]]);
    expect(is[0].message).toMatch(/全年预算数0（其中各项合计100）、全年执行数0（其中各项合计90）/);
  });
  test("total-mismatch applies to declarations too; the execution checks do not", () => {
    const f: FundsSpec[] = [
      { kind: "total", label: "资金总额", initial: 50, budget: 50 },
      { kind: "part", label: "其中：财政拨款", initial: 30, budget: 30 },
      { kind: "part", label: "其他资金", initial: 10, budget: 10 },
    ];
    expect(codes(check(f, national, "target"))).toEqual(["budget.total-mismatch"]);
  });
  test("a zero budget is one finding that names the printed rate and score it leaves unverifiable", () => {
    const is = check([
      { kind: "total", label: "年度资金总额", budget: 0, spent: 0, points: 10, rate: "100%", score: 10 },
      { kind: "part", label: "其中：财政拨款", budget: 0, spent: 0 },
    ]);
    expect(codes(is)).toEqual(["budget.zero-budget"]);
    expect(is[0].message).toMatch(/执行率（填报100%）和得分（填报10）无从核实/);
  });
  test("an empty rate cell is not a mismatch; 0/0 sub-rows showing 0.00% are left alone", () => {
    expect(
      check([
        { kind: "total", label: "总额", budget: 880, spent: 880, points: 10, score: 10 },
        { kind: "part", label: "其中：财政拨款", budget: 880, spent: 880, rate: "100.00%" },
        { kind: "part", label: "单位资金", budget: 0, spent: 0, rate: "0.00%" },
      ]),
    ).toEqual([]);
  });
  test("an empty budget 得分 on a self-evaluation is flagged with the rule's score", () => {
    const [i] = check([
      { kind: "total", label: "总额", budget: 10, spent: 10, points: 10, score: null },
      { kind: "part", label: "其中", budget: 10, spent: 10, score: "/" },
    ]);
    expect(i).toMatchObject({ code: "budget.score-mismatch", value: "", expected: "10" });
  });
  test("no funds block, no findings", () => {
    const p = buildProject({ rows: [] });
    expect(runCheck(budget, checkContext(p, buildTable(p), national))).toEqual([]);
  });
});

describe("budget check on the real tables", () => {
  function real(prefix: "02" | "06" | "11", profile: Profile = national): IssueDraft[] {
    const t = recognizeSheet(realGrid(prefix)).tables.find((x): x is IndicatorTable => x.kind !== "budget-list");
    if (!t) throw new Error("no table");
    return t.projects.flatMap((p) => runCheck(budget, checkContext(p, t, profile)).map(makeIssue));
  }
  test("02: 880 / 880, score 10; the 执行率 cell left empty is the one finding (the rate B/A gives)", () => {
    const is = real("02");
    expect(codes(is)).toEqual(["budget.rate-mismatch"]);
    expect(is[0]).toMatchObject({ cell: "G6", value: "", expected: "100.00%" });
  });
  test("06: budget score 9 vs 9.78 is budget.score-mismatch; the printed 97.80% is NOT a rate mismatch", () => {
    const is = real("06");
    expect(codes(is)).toEqual(["budget.score-mismatch"]);
    expect(is[0]).toMatchObject({ value: "9", expected: "9.78" });
  });
  test("11: 100.00% agrees; the empty budget 得分 is flagged (expected 10); 年初 238.93 → 调整后 251.89 with only the template's note as reason", () => {
    const is = real("11", resolveProfile("sichuan"));
    expect(codes(is).sort()).toEqual(["budget.adjustment-unexplained", "budget.score-mismatch"]);
    expect(is.find((i) => i.code === "budget.score-mismatch")).toMatchObject({ value: "", expected: "10" });
    expect(is.find((i) => i.code === "budget.adjustment-unexplained")).toMatchObject({ cell: "D9" });
  });
});
