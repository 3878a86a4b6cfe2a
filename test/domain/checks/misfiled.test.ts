/**
 * Misfilings the framework is sure of (checks/misfiled.ts, profiles/common.ts SURE_MISFILINGS): a quality rate under
 * 经济效益 or 生态效益, cost control under 生态效益, a measure that is no judgement of the served under 满意度. Rows
 * of our own, both ways, with near-misses (水质达标率 is an ecological effect; 群众认可度 is a judgement).
 */
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { resolveProfile } from "../../../src/domain/profiles";

const national = resolveProfile("national");
const found = (level1: string, level2: string, name: string, target = "100%"): string[] =>
  checkSingleRow({ level1, level2, name, target, unit: "", weight: 10 }, national)
    .filter((i) => i.code === "indicator.unknown-category")
    .map((i) => `${i.cell} ${i.message}`);

describe("filed where the name cannot belong", () => {
  it.each([
    ["效益指标", "经济效益指标", "指标1:安全率"],
    ["效益指标", "经济效益指标", "工程验收合格率"],
    ["效益指标", "生态效益指标", "食品安全指标达标 率"],
    ["效益指标", "生态效益指标", "对控制基建项目成本影响程度"],
    ["满意度指标", "服务对象满意度指标", "因粮食市场波动引起的粮食安全事件发生数"],
    ["满意度指标", "服务对象满意度指标", "群众创业热情高涨"],
  ])("%s / %s: “%s” is flagged at the name", (l1, l2, name) => {
    const r = found(l1, l2, name);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatch(/^C1 “.+”不是.+，放错了位置；应归入/);
  });

  it("says where it belongs", () => {
    expect(found("效益指标", "经济效益指标", "安全率")).toEqual(["C1 “安全率”不是经济效益指标，放错了位置；应归入质量指标（产出指标）"]);
    expect(found("效益指标", "生态效益指标", "项目成本控制")).toEqual(["C1 “项目成本控制”不是生态效益指标，放错了位置；应归入成本指标"]);
  });

  it.each([
    ["效益指标", "生态效益指标", "水质达标率"],
    ["效益指标", "生态效益指标", "污水处理达标率"],
    ["效益指标", "生态效益指标", "森林防火安全率"],
    ["效益指标", "生态效益指标", "减少碳排放成本"],
    ["效益指标", "经济效益指标", "带动农民增收"],
    ["效益指标", "社会效益指标", "安全率"],
    ["产出指标", "质量指标", "工程验收合格率"],
    ["满意度指标", "服务对象满意度指标", "群众认可度"],
    ["满意度指标", "服务对象满意度指标", "群众幸福感"],
    ["满意度指标", "服务对象满意度指标", "投诉率"],
    ["满意度指标", "服务对象满意度指标", "满意率"],
  ])("%s / %s: “%s” passes", (l1, l2, name) => {
    expect(found(l1, l2, name)).toEqual([]);
  });
});
