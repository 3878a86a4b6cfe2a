/**
 * Rules real tables slipped past: a quantitative target with a non-figure actual scored (real table 13), an actual
 * that copies the target with its operator, and money spent listed as an output (real tables 02, 20).
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { realGrid } from "../../helpers/real";

type Row = (string | number | null)[];
const self = (rows: Row[]): Grid => ({
  sheet: "自评",
  top: 0,
  left: 0,
  values: [
    ["项目名称", "法律援助", null, null, null, null, null, null],
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因"],
    ...rows,
    ["效益指标", "社会效益指标", "群众法律意识", 30, "明显提高", "达成年度指标", 30, null],
    ["满意度指标", "服务对象满意度指标", "受援人满意度", 10, "≥90%", "95%", 10, null],
  ],
});
const found = (g: Grid) => checkWorkbook([g]).issues;

describe("score.actual-not-figure", () => {
  test("real table 13: ≤ 30 万元 against 完成, 90 of 90: one error at the actual that names the target as stated", () => {
    const i = found(realGrid("13")).filter((x) => x.code === "score.actual-not-figure");
    expect(i.map((x) => x.cell)).toEqual(["H2"]);
    expect(i[0].severity).toBe("error");
    expect(i[0].message).toMatch(/“≤ 30 万元”/);
  });
  test.each([
    ["已完成", true],
    ["完成", true],
    ["480人", false],
    ["达成年度指标", true], // a 定性 option is still no figure against a figure target
    ["2023年11月", false],
  ])("target ≥450人, actual %j → %s", (actual, flagged) => {
    const g = self([["产出指标", "数量指标", "援助人数", 50, "≥450人", actual, 50, null]]);
    expect(found(g).some((x) => x.code === "score.actual-not-figure")).toBe(flagged);
  });
  test("a row with no weight of its own that was scored is flagged (real 30: 无上访 against 小于5次, 10 points)", () => {
    const g: Grid = {
      sheet: "自评",
      top: 0,
      left: 0,
      values: [
        ["项目名称", "春节走访慰问", null, null, null, null],
        ["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"],
        ["产出指标(60分)", "数量指标", "走访慰问户数", "≥300户", "320户", 60],
        ["效益指标(10分)", "社会效益指标", "群体性事件", "小于5次", "无上访", 10],
        ["满意度指标(10分)", "服务对象满意度指标", "满意率", "≥90%", "95%", 10],
      ],
    };
    expect(found(g).filter((x) => x.code === "score.actual-not-figure").map((x) => x.cell)).toEqual(["E4"]);
  });
  test("an unscored row is not flagged (nothing claimed)", () => {
    const g = self([["产出指标", "数量指标", "援助人数", 50, "≥450人", "完成", null, null]]);
    expect(found(g).some((x) => x.code === "score.actual-not-figure")).toBe(false);
  });
});

describe("score.actual-not-figure on a form that scores nothing (转移支付 自评表)", () => {
  const unscored = (actual: string): Grid => ({
    sheet: "自评",
    top: 0,
    left: 0,
    values: [
      ["转移支付(项目)名称", "全民健身中心", null, null, null, null],
      ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
      ["产出指标", "数量指标", "新建全民健身中心数量", "1个", actual, null],
      ["效益指标", "社会效益指标", "健身人次", "≥5万人次", "6万人次", null],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", null],
    ],
  });
  test.each([
    ["建设中", true],
    ["正在实施", true],
    ["1个", false],
    ["0个", false],
  ])("target 1个, actual %j → %s", (actual, flagged) => {
    const f = found(unscored(actual)).filter((x) => x.code === "score.actual-not-figure");
    expect(f.map((x) => x.cell)).toEqual(flagged ? ["E3"] : []);
    if (flagged) expect(f[0].message).toContain("无从判断是否完成");
  });
});

describe("score.actual-copies-target", () => {
  test.each([
    ["≥95%", "≥95%", true],
    [">=95%", "≥95%", true],
    ["95%以上", "≥95%", true],
    ["不低于95%", "≥95%", true],
    ["96%", "≥95%", false],
  ])("actual %j against target %j → %s", (actual, target, flagged) => {
    const g = self([["产出指标", "质量指标", "结案率", 50, target, actual, 50, null]]);
    const f = found(g).filter((x) => x.code === "score.actual-copies-target");
    expect(f.length > 0).toBe(flagged);
    if (flagged) expect(f[0].cell).toBe("F3");
  });
});

describe("indicator.spending-as-output", () => {
  test("real table 20: 资金支出率 under 产出 is budget execution, not an output", () => {
    const i = found(realGrid("20")).filter((x) => x.code === "indicator.spending-as-output");
    expect(i.map((x) => x.cell)).toEqual(["C5"]);
    expect(i[0].severity).toBe("warning");
  });
  test.each([
    ["资金支付率", "产出指标", true],
    ["预算执行率", "产出指标", true],
    ["资金到位率", "产出指标", true],
    ["资金使用效益", "效益指标", false],
    ["援助案件结案率", "产出指标", false],
  ])("%j under %j → %s", (name, level1, flagged) => {
    const g = self([[level1, level1 === "产出指标" ? "数量指标" : "经济效益指标", name, 50, "≥95%", "96%", 50, null]]);
    expect(found(g).some((x) => x.code === "indicator.spending-as-output")).toBe(flagged);
  });
});
