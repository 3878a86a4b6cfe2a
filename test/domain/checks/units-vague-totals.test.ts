/**
 * Rules real tables slip past, on variants of our own: units missing or contradicting the value, a duration given
 * in %, boilerplate targets, a 计算符号 left blank, and weights that add to 110 under a printed 100 (said once).
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import type { Issue } from "../../../src/domain/issues";

type Row = (string | number | null)[];
const target = (rows: Row[], extra: Row[] = []): Grid => ({
  sheet: "目标表",
  top: 0,
  left: 0,
  values: [
    ["项目名称", "测试项目", "", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"],
    ...rows,
    ["效益指标", "社会效益指标", "受益人数", "≥", "100", "人"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%"],
    ...extra,
  ],
});
const at = (g: Grid, cell: string): Issue[] => checkWorkbook([g]).issues.filter((i) => i.cell === cell);

describe("units missing or contradicting the value", () => {
  test.each([
    ["每亩300", "300元/亩"],
    ["28.40/株", "28.40元/株"],
    ["≤28.40/株", "≤28.40元/株"],
  ])("%j: the unit is incomplete (missing-unit, not not-numeric), suggesting %j", (value, expected) => {
    const f = at(target([["产出指标", "成本指标", "补助标准", "", value, ""]]), "E3");
    expect(f.map((i) => i.code)).toEqual(["indicator.missing-unit"]);
    expect(f[0].expected).toBe(expected);
  });
  test("230人 with unit 个 and 28.8万元 with unit %: the message names both units", () => {
    const g = target([
      ["产出指标", "数量指标", "培训人数", "≥", "230人", "个"],
      ["产出指标", "成本指标", "项目成本", "≤", "28.8万元", "%"],
    ]);
    expect(at(g, "E3")[0].message).toMatch(/“人”与计量单位列“个”/);
    expect(at(g, "E4")[0].message).toMatch(/“万元”与计量单位列“%”/);
  });
  test("a time or deadline given in % is flagged; a 及时率 in % is not", () => {
    const g = target([
      ["产出指标", "时效指标", "完成时间", "≤", "100", "%"],
      ["产出指标", "时效指标", "资金发放及时率", "≥", "100", "%"],
    ]);
    expect(at(g, "E3").map((i) => i.code)).toEqual(["indicator.unit-mismatch"]);
    expect(at(g, "E4")).toEqual([]);
  });
});

describe("boilerplate targets", () => {
  test.each([["有效"], ["优良中低差"], ["明显改善"]])("%j as the whole target is vague", (value) => {
    const f = at(target([["效益指标", "社会效益指标", "群众生活", "定性", value, ""]]), "E3");
    expect(f.map((i) => i.code)).toEqual(["indicator.vague"]);
  });
  test.each([["合格"], ["达标"], ["达到国家二级标准"], ["是"]])("%j names a standard: not vague", (value) => {
    expect(at(target([["产出指标", "质量指标", "工程质量", "定性", value, ""]]), "E3")).toEqual([]);
  });
});

test("a 计算符号 column left blank for a value is a missing field", () => {
  const f = at(target([["产出指标", "数量指标", "培训人数", "", "230", "人"]]), "D3");
  expect(f.map((i) => i.code)).toEqual(["indicator.missing-field"]);
});

test("weights adding to 110 under a printed 100: one finding, at the printed total, naming both", () => {
  const g: Grid = {
    sheet: "目标表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "测试", "", "", "", ""],
      ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值"],
      ["产出指标", "数量指标", "培训人数", "≥230", "人", 60],
      ["效益指标", "社会效益指标", "就业人数", "≥20", "人", 40],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%", 10],
      ["合计", "", "", "", "", 100],
    ],
  };
  const w = checkWorkbook([g]).issues.filter((i) => i.code === "project.weight-sum");
  expect(w.map((i) => i.cell)).toEqual(["F6"]);
  expect(w[0].message).toMatch(/合计分值100与各项分值之和110不符/);
});
