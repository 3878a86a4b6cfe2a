/**
 * Units and directions against the indicator's meaning (checks/unit-meaning.ts, value-range.ts): a cost standard with
 * no money unit, households counted in 人, a duration in %, a bad thing's rate with ≥, an output quantity capped with
 * ≤. Rows of our own, both ways, with near-misses and full-width forms.
 */
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { resolveProfile } from "../../../src/domain/profiles";

const national = resolveProfile("national");
const found = (level1: string, level2: string, name: string, target: string, unit = "", code?: string): string[] =>
  checkSingleRow({ level1, level2, name, target, unit, weight: 10 }, national)
    .filter((i) => (code ? i.code === code : i.code === "indicator.unit-mismatch" || i.code === "indicator.direction-conflict"))
    .map((i) => `${i.code}@${i.cell}`);

describe("a cost standard with no money unit", () => {
  it.each([
    ["检查差旅费", "470", "人/天"],
    ["培训费", "≤320", "人/天"],
    ["人均补助标准", "≤500", "人"],
  ])("%s %s %s is flagged at the target", (name, target, unit) => {
    expect(found("产出指标", "成本指标", name, target, unit)).toEqual(["indicator.unit-mismatch@D1"]);
  });

  it("names the unit it read and the amount it lacks", () => {
    const [i] = checkSingleRow({ level1: "产出指标", level2: "成本指标", name: "检查差旅费", target: "470", unit: "人/天", weight: 10 }, national).filter(
      (x) => x.code === "indicator.unit-mismatch",
    );
    expect(i.message).toBe("成本指标“检查差旅费”的指标值“470”计量单位为“人/天”，没有金额单位；应写明金额（如“元/人/天”）");
    expect(i.severity).toBe("warning");
  });

  it.each([
    ["检查差旅费", "≤470", "元/人·天"],
    ["培训费", "≤3.2", "万元"],
    ["成本控制率", "100", "%"],
    ["培训天数", "≤5", "天"],
    ["项目建设面积", "≤300", "平方米"],
  ])("%s %s %s passes", (name, target, unit) => {
    expect(found("产出指标", "成本指标", name, target, unit)).toEqual([]);
  });

  it("outside a cost row a 人/天 figure is not a money standard", () => {
    expect(found("产出指标", "数量指标", "培训人天", "≥470", "人/天")).toEqual([]);
  });
});

describe("households counted in 人", () => {
  it.each([
    ["受益农户", "≥500人"],
    ["帮扶脱贫户数", "≥ 45", "人"],
    ["受益户数", "≥４５人"],
  ])("%s %s is flagged", (name, target, unit = "") => {
    expect(found("产出指标", "数量指标", name, target, unit)).toEqual(["indicator.unit-mismatch@D1"]);
  });

  it.each([
    ["受益脱贫户人口数", "≥1000人"],
    ["受益农户", "≥500户"],
    ["用户培训", "≥50人"],
    ["受益人数", "≥500人"],
  ])("%s %s passes", (name, target) => {
    expect(found("产出指标", "数量指标", name, target)).toEqual([]);
  });
});

describe("a duration in %", () => {
  it.each(["项目维持时效", "设备使用年限", "建设周期"])("%s ≥95%% is flagged", (name) => {
    expect(found("效益指标", "可持续影响指标", name, "≥95%")).toEqual(["indicator.unit-mismatch@D1"]);
  });
  it.each(["服务时效性", "及时率", "年限内完成率"])("%s ≥95%% passes", (name) => {
    expect(found("效益指标", "可持续影响指标", name, "≥95%")).toEqual([]);
  });
});

describe("a bad thing's rate with a floor", () => {
  it.each([
    ["差错率", "≥1%"],
    ["指标2:审核逾期率", "＞2%"],
    ["安全事故发生率", "≥ 0.5 ％"],
  ])("%s %s is flagged", (name, target) => {
    expect(found("产出指标", "质量指标", name, target, "", "indicator.direction-conflict")).toEqual(["indicator.direction-conflict@D1"]);
  });
  it.each([
    ["差错率", "≤1%"],
    ["差错率", "0%"],
    ["差错率", "≥0%"],
    ["差错纠正率", "≥95%"],
    ["事故处置率", "≥95%"],
  ])("%s %s passes", (name, target) => {
    expect(found("产出指标", "质量指标", name, target, "", "indicator.direction-conflict")).toEqual([]);
  });
});

describe("an output quantity capped with ≤", () => {
  it.each([
    ["车辆采购数量", "≤1", "辆"],
    ["宣传美工制作个数", "≤1个"],
    ["培训人次", "＜200人次"],
  ])("%s %s is flagged", (name, target, unit = "") => {
    const r = checkSingleRow({ level1: "产出指标", level2: "数量指标", name, target, unit, weight: 10 }, national).filter((i) => i.code === "indicator.direction-conflict");
    expect(r.map((i) => i.cell)).toEqual(["D1"]);
    expect(r[0].message).toContain("设为上限（≤）");
  });
  it.each([
    ["科目调整次数", "≤10次"],
    ["投诉次数", "≤2次"],
    ["召开会议", "≤3次"],
    ["车辆采购数量", "≥1辆"],
    ["车辆购置成本", "≤12万元"],
  ])("%s %s passes", (name, target) => {
    expect(found("产出指标", "数量指标", name, target, "", "indicator.direction-conflict")).toEqual([]);
  });
  it("a ≤ under 质量 or 成本 is not an output quantity", () => {
    expect(found("产出指标", "质量指标", "设备故障次数", "≤2次", "", "indicator.direction-conflict")).toEqual([]);
    expect(found("产出指标", "成本指标", "办公设备购置", "≤90万元", "", "indicator.direction-conflict")).toEqual([]);
  });
});

describe("a target of zero", () => {
  it.each([
    ["成本指标", "办公费总成本", "0万元"],
    ["成本指标", "出差单位成本", "＝0", "万元/人"],
    ["成本指标", "设备购置成本", "≤0元"],
    ["数量指标", "培训人次", "0人次"],
  ])("%s “%s” %s is flagged", (level2, name, target, unit = "") => {
    expect(found("产出指标", level2, name, target, unit, "indicator.zero-target")).toEqual(["indicator.zero-target@D1"]);
  });
  it.each([
    ["数量指标", "安全事故发生数", "0次"],
    ["数量指标", "投诉次数", "0次"],
    ["成本指标", "超预算金额", "0万元"],
    ["成本指标", "成本节约率", "0%"],
    ["数量指标", "培训人次", "≥0人次"],
    ["数量指标", "培训人次", "10人次"],
  ])("%s “%s” %s passes", (level2, name, target) => {
    expect(found("产出指标", level2, name, target, "", "indicator.zero-target")).toEqual([]);
  });
});

describe("a compliance target below 100%", () => {
  it.each([
    ["项目资金使用合规性", ">=95%"],
    ["经费支出合规率", "98 ％"],
    ["专款专用率", "≥90%"],
  ])("%s %s is flagged", (name, target) => {
    expect(found("产出指标", "质量指标", name, target, "", "indicator.compliance-below-full")).toEqual(["indicator.compliance-below-full@D1"]);
  });
  it.each([
    ["项目资金使用合规性", "100%"],
    ["经费支出合规率", "=100%"],
    ["违规率", "≤5%"],
    ["高血压规范管理率", "≥60%"],
    ["项目资金使用合规性", "合规"],
  ])("%s %s passes", (name, target) => {
    expect(found("产出指标", "质量指标", name, target, "", "indicator.compliance-below-full")).toEqual([]);
  });
});
