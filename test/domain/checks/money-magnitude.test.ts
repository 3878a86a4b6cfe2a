/**
 * A money magnitude without 元 (checks/money-magnitude.ts, and value-format.ts's message for a bare 5万): 10万/年 as a
 * subsidy is indicator.unit-mismatch; 5万 as a cost is indicator.missing-unit saying the 元 it lacks. Rows of our own,
 * both ways, with near-misses (万人次, 万亩, a count named with a money word) and full-width forms.
 */
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { resolveProfile } from "../../../src/domain/profiles";

const national = resolveProfile("national");
const found = (level2: string, name: string, target: string, unit = "") =>
  checkSingleRow({ level1: level2 === "成本指标" ? "产出指标" : level2.includes("效益") ? "效益指标" : "产出指标", level2, name, target, unit, weight: 10 }, national).filter(
    (i) => i.code === "indicator.unit-mismatch" || i.code === "indicator.missing-unit",
  );

describe("a magnitude with a per-unit part and no 元", () => {
  it.each([
    ["成本指标", "人均补助标准", "≤1万/年", "≤1万元/年"],
    ["成本指标", "每公里建设成本", "≤30万/公里", "≤30万元/公里"],
    ["成本指标", "设备购置费", "≤５千／台", "≤5千元/台"],
    ["经济效益指标", "带动农户增收", "≥2万/户", "≥2万元/户"],
    ["成本指标", "道路养护经费", "20万每公里", "20万元每公里"],
  ])("%s “%s” %s → unit-mismatch, expected %s", (level2, name, target, expected) => {
    const f = found(level2, name, target);
    expect(f.map((i) => [i.code, i.cell, i.expected])).toEqual([["indicator.unit-mismatch", "D1", expected]]);
    expect(f[0].message).toContain("没有货币单位“元”");
    expect(f[0].severity).toBe("warning");
  });

  it.each([
    ["数量指标", "接待游客", "≥10万人次"],
    ["数量指标", "造林面积", "≥1.2万亩"],
    ["成本指标", "人均补助标准", "≤1万元/年"],
    ["数量指标", "补助人数", "≥1万/年"],
    ["质量指标", "资金到位率", "≥95%"],
  ])("%s “%s” %s passes", (level2, name, target) => {
    expect(found(level2, name, target).filter((i) => i.message.includes("数量级"))).toEqual([]);
  });
});

describe("a bare magnitude: the missing unit says which", () => {
  it.each([
    ["成本指标", "项目成本", "5万", "5万", "5万元"],
    ["成本指标", "办公设备购置", "≤３万", "≤3万", "≤3万元"],
    ["经济效益指标", "村集体经济收入", "≥10万", "≥10万", "≥10万元"],
  ])("%s “%s” %s → missing-unit naming 元", (level2, name, target, read, expected) => {
    const f = found(level2, name, target);
    expect(f.map((i) => i.code)).toEqual(["indicator.missing-unit"]);
    // The cell's text is read half-width (≤３万 is ≤3万).
    expect(f[0].message).toBe(`定量指标“${name}”的指标值“${read}”只写了数量级“万”，缺少计量单位；金额应写作“${expected}”`);
  });

  it("a bare magnitude on a count keeps the plain message", () => {
    const f = found("数量指标", "培训人数", "≥1万");
    expect(f.map((i) => i.message)).toEqual(["定量指标“培训人数”缺少计量单位"]);
  });
});
