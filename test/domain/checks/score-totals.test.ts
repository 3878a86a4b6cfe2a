import { makeIssue } from "../../../src/domain/catalog";
import { checkContext, runCheck } from "../../../src/domain/checks";
import { scoreTotals } from "../../../src/domain/checks/score-totals";
import type { IssueDraft } from "../../../src/domain/issues";
import { PROFILES, resolveProfile } from "../../../src/domain/profiles";
import type { Profile } from "../../../src/domain/profiles/types";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import { realGrid } from "../../helpers/real";
import { buildProject, buildTable, FULL_EXAMPLE, type ProjectSpec } from "../scoring/build";

const national = PROFILES.national;

function check(spec: ProjectSpec, profile: Profile = national, kind: "self-evaluation" | "evaluation" | "target" = "self-evaluation"): IssueDraft[] {
  const p = buildProject(spec);
  return runCheck(scoreTotals, checkContext(p, buildTable(p, kind), profile)).map(makeIssue); // as reported: words written
}

describe("score-totals", () => {
  test("declares its codes", () => {
    expect([...scoreTotals.codes].sort()).toEqual(["score.grade-mismatch", "score.total-mismatch"]);
  });
  test("the full example: 88.5 and 良好 agree (良 = 良好)", () => {
    expect(check(FULL_EXAMPLE)).toEqual([]);
    expect(check({ ...FULL_EXAMPLE, grade: "良" })).toEqual([]);
  });
  test("an entered total that is not the sum of the parts", () => {
    const [i] = check({ ...FULL_EXAMPLE, total: { weight: 100, score: 90 }, grade: "优" });
    expect(i).toMatchObject({ code: "score.total-mismatch", cell: "H22", value: "90", expected: "88.5" });
    expect(i.message).toContain("总分90与各项指标得分与预算执行率得分合计88.5不符");
  });
  test("within ±0.1 agrees; the tolerance is a setting", () => {
    expect(check({ ...FULL_EXAMPLE, total: { weight: 100, score: 88.6 } })).toEqual([]);
    expect(check({ ...FULL_EXAMPLE, total: { weight: 100, score: 88.6 } }, resolveProfile("national", { scoreTolerance: 0.05 })).map((i) => i.code)).toEqual([
      "score.total-mismatch",
    ]);
  });
  test("a grade that does not match the total", () => {
    const [i] = check({ ...FULL_EXAMPLE, grade: "优" });
    expect(i).toMatchObject({ code: "score.grade-mismatch", value: "优", expected: "良" });
  });
  test("the grade follows the entered total when the sheet's total is off", () => {
    const is = check({ ...FULL_EXAMPLE, total: { weight: 100, score: 91 }, grade: "优" });
    expect(is.map((i) => i.code)).toEqual(["score.total-mismatch"]);
  });
  test("a grade word that is not a grade", () => {
    const [i] = check({ ...FULL_EXAMPLE, grade: "合格" });
    expect(i).toMatchObject({ code: "score.grade-mismatch", expected: "良" });
  });
  test("a 合计 over the indicators only (分值 90) is compared with the indicators only", () => {
    expect(check({ ...FULL_EXAMPLE, total: { weight: 90, score: 80 }, grade: undefined })).toEqual([]);
  });
  test("a 总分 of 100 over indicators weighted 100 beside a 预算执行 of 10 points still sums every part (real 01)", () => {
    // The weights add to 110 (project.weight-sum says so); the 总分 is the form's full score, not the indicators'.
    const extra = { level2: "质量指标", name: "验收合格率", target: "100%", actual: "100%", weight: 10, score: 10 };
    const spec: ProjectSpec = { ...FULL_EXAMPLE, rows: [...FULL_EXAMPLE.rows, extra], total: { weight: 100, score: 90 }, grade: undefined };
    const [i] = check(spec);
    expect(i).toMatchObject({ code: "score.total-mismatch", value: "90", expected: "98.5" });
    // Without printed 预算执行 points the 总分 of 100 is the indicators' own: 90 is their sum.
    const unprinted = { ...spec, funds: FULL_EXAMPLE.funds?.map((f) => ({ ...f, points: undefined })) };
    expect(check(unprinted)).toEqual([]);
  });
  test("no parts entered: the total is compared with the rules' total", () => {
    const spec: ProjectSpec = {
      funds: [{ kind: "total", label: "总额", budget: 10, spent: 10, points: 10 }],
      rows: [{ level1: "产出指标", level2: "数量指标", name: "x", target: "≥5个", actual: "5个", weight: 90 }],
      total: { weight: 100, score: 90 },
    };
    const [i] = check(spec);
    expect(i).toMatchObject({ code: "score.total-mismatch", expected: "100" });
  });
  test("declarations are skipped", () => {
    expect(check({ ...FULL_EXAMPLE, grade: "优" }, national, "target")).toEqual([]);
  });
});

describe("score-totals on the real tables", () => {
  function real(prefix: "02" | "06" | "11", profile: Profile = national): IssueDraft[] {
    const t = recognizeSheet(realGrid(prefix)).tables.find((x): x is IndicatorTable => x.kind !== "budget-list");
    if (!t) throw new Error("no table");
    return t.projects.flatMap((p) => runCheck(scoreTotals, checkContext(p, t, profile)).map(makeIssue));
  }
  test("02: 总分 100 = 90 + 10, no score.total-mismatch", () => {
    expect(real("02")).toEqual([]);
  });
  test("06 (cut before 总分) and 11 (nothing entered): nothing to compare", () => {
    expect(real("06")).toEqual([]);
    expect(real("11", resolveProfile("sichuan"))).toEqual([]);
  });
});

describe("the 总分 written beside its label", () => {
  const form = (totalRow: (string | number | null)[]) => ({
    sheet: "自评表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "春节走访慰问", null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"],
      ["产出指标(60分)", "数量指标", "走访慰问户数", "≥300户", "320户", 60],
      ["效益指标(30分)", "社会效益指标", "受益人数", "≥1000人", "1200人", 30],
      ["满意度指标(10分)", "服务对象满意度指标", "满意率", "≥90%", "95%", 10],
      totalRow,
    ],
  });
  const totals = (row: (string | number | null)[]) =>
    recognizeSheet(form(row)).tables.flatMap((t) => (t.kind === "budget-list" ? [] : t.projects.map((p) => p.total?.score?.address)));

  test("总分(100分) | 100 | 自评等级 | 优 (real 30): the figure beside the label is the total's score", () => {
    expect(totals(["总分(100分)", 100, "自评等级", "优", null, null])).toEqual(["B6"]);
  });
  test("a figure under the 得分 column stays the score", () => {
    expect(totals(["总分", null, null, null, null, 100])).toEqual(["F6"]);
    expect(totals(["总分", 100, null, null, null, 90])).toEqual(["F6"]);
  });
});
