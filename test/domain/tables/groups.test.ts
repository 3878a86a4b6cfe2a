/**
 * Parent / 其中 groups (real table 14 and variants of our own): the parent carries 分值/得分, the rows beneath
 * carry 指标值 and 完成值. The group is one indicator: no zero-weight on members, no missing 指标值 or 完成值 on
 * the parent, and the parent is scored from its members (their mean by §4.3, said in the message).
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { realGrid } from "../../helpers/real";

const HEAD = ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "偏差原因"];
const FUNDS: (string | number | null)[][] = [
  ["项目名称", "其中测试项目", null, null, null, null, null, null, null],
  ["资金情况(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", null, null],
  [null, "年度资金总额:", 100, 100, 10, "100%", 10, null, null],
];

function form(body: (string | number | null)[][]): Grid {
  return { sheet: "自评", top: 0, left: 0, values: [...FUNDS, HEAD, ...body] };
}

const codesAt = (g: Grid) => checkWorkbook([g]).issues.map((i) => `${i.code}@${i.cell}`);

describe("parent / 其中 groups", () => {
  test("real table 14: ★ parents with members; no zero-weight, missing-field or missing-actual anywhere", () => {
    const r = checkWorkbook([realGrid("14")]);
    const codes = r.issues.map((i) => i.code);
    for (const c of ["indicator.zero-weight", "indicator.missing-field", "score.missing-actual", "score.mismatch"]) expect(codes).not.toContain(c);
    const t = recognizeSheet(realGrid("14")).tables[0] as IndicatorTable;
    const parents = t.projects[0].indicators.filter((x) => x.members && x.members.length > 0);
    expect(parents.map((p) => p.name?.text)).toEqual(["★补助各类粮食作物种植面积", "★补助各类瓜果蔬菜种植面积", "★补助家畜家禽养殖数量"]);
    expect(parents.map((p) => p.members?.length)).toEqual([1, 4, 4]);
  });

  test("a 其中 variant without ★, half-width brackets in the label, members met: full marks, no finding on the group", () => {
    const g = form([
      [null, "产出指标(50分)", "数量指标", "培训人次", 20, null, null, 20, null],
      [null, null, null, "其中:农技培训", null, "≥300人次", "320人次", null, null],
      [null, null, null, "其中:电商培训", null, "≥200人次", "200人次", null, null],
      [null, null, "质量指标", "培训合格率", 30, "≥95%", "96%", 30, null],
    ]);
    const found = codesAt(g);
    expect(found.filter((c) => /zero-weight|missing-field|missing-actual|score\.mismatch/.test(c))).toEqual([]);
  });

  test("a member short of its target: the parent's score is judged on the members' mean, and the message says so", () => {
    const g = form([
      [null, "产出指标(50分)", "数量指标", "★种植面积", 20, null, null, 20, null],
      [null, null, null, "红薯", null, "10亩", "5亩", null, null],
      [null, null, null, "玉米", null, "10亩", "10亩", null, null],
      [null, null, "质量指标", "成活率", 30, "≥95%", "96%", 30, null],
    ]);
    const r = checkWorkbook([g]);
    const mismatch = r.issues.find((i) => i.code === "score.mismatch");
    expect(mismatch?.cell).toBe("H5");
    expect(mismatch?.expected).toBe("15");
    expect(mismatch?.message).toMatch(/其下 2 项明细/);
    expect(r.issues.map((i) => i.code)).not.toContain("score.missing-actual");
  });

  test("a weighted row with no values and no member beneath it in an ordinary table is still missing its values", () => {
    const g = form([
      [null, "产出指标(50分)", "数量指标", "培训人次", 20, null, null, 20, null],
      [null, null, "质量指标", "培训合格率", 30, "≥95%", "96%", 30, null],
    ]);
    const r = checkWorkbook([g]);
    const row5 = r.issues.filter((i) => /^[A-Z]5$/.test(i.cell) && i.code !== "project.missing-category" && i.code !== "project.weight-sum");
    // One finding for the cause: no 指标值 and no 完成值, yet scored.
    expect(row5.map((i) => `${i.code}@${i.cell}`)).toEqual(["score.missing-actual@G5"]);
    expect(row5[0].message).toMatch(/年度指标值和实际完成值均为空/);
  });

  test("an unscored row with its own 二级 is not a member of the group above", () => {
    const g = form([
      [null, "产出指标(50分)", "数量指标", "★种植面积", 20, null, null, 20, null],
      [null, null, null, "红薯", null, "10亩", "10亩", null, null],
      [null, null, "质量指标", "成活率", null, "≥95%", "96%", null, null],
    ]);
    const t = recognizeSheet(g).tables[0] as IndicatorTable;
    const rows = t.projects[0].indicators;
    expect(rows[0].members?.map((m) => m.name?.text)).toEqual(["红薯"]);
    expect(rows[2].memberOf).toBeUndefined();
  });
});
