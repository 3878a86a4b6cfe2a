/**
 * Misfilings the framework is sure of (checks/misfiled.ts, profiles/common.ts SURE_MISFILINGS): a quality rate under
 * 经济效益 or 生态效益, cost control under 生态效益, a measure that is no judgement of the served under 满意度. Rows
 * of our own, both ways, with near-misses (水质达标率 is an ecological effect; 群众认可度 is a judgement).
 */
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { resolveProfile } from "../../../src/domain/profiles";
import { toHalfWidth } from "../../../src/domain/text";

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

/**
 * Where the indicator vocabulary (profiles/indicator-library.ts) is sure (checks/indicator-library.ts): a judgement of
 * the served under 质量 or 社会效益, an output's completion, timeliness or quality rate under 经济效益, a benefit in a
 * 成本 block. Names the vocabulary holds under two 二级 (覆盖率, 带动就业) are never sure.
 */
describe("filed where the indicator vocabulary is sure it does not belong", () => {
  it.each([
    ["产出指标", "质量指标", "服务对象满意率", "满意度指标"],
    ["效益指标", "社会效益指标", "群众好评率", "满意度指标"],
    ["效益指标", "经济效益指标", "目标任务完成率", "数量指标（产出指标）"],
    ["效益指标", "经济效益指标", "资金拨付及时率", "时效指标（产出指标）"],
    ["效益指标", "经济效益指标", "项目（工程）完成及时率", "时效指标（产出指标）"],
    ["效益指标", "经济效益指标", "设备完好率", "质量指标（产出指标）"],
    ["产出指标", "成本指标", "带动农民增收", "经济效益指标（效益指标）"],
    ["产出指标", "成本指标", "森林覆盖率", "生态效益指标（效益指标）"],
    ["成本指标", "社会成本指标", "受益人口", "社会效益指标（效益指标）"],
    ["成本指标", "经济成本指标", "村集体经济收入", "经济效益指标（效益指标）"],
  ])("%s / %s: “%s” belongs under %s", (l1, l2, name, belongs) => {
    const r = found(l1, l2, name);
    // The cell's text is read half-width: （工程） is quoted as (工程).
    expect(r).toEqual([`C1 “${toHalfWidth(name)}”不是${l2}，放错了位置；应归入${belongs}`]);
  });

  it.each([
    ["效益指标", "经济效益指标", "带动就业"],
    ["效益指标", "经济效益指标", "农民增收"],
    ["效益指标", "经济效益指标", "销售收入完成率"],
    ["效益指标", "社会效益指标", "覆盖率"],
    ["效益指标", "社会效益指标", "受益人数"],
    ["效益指标", "社会效益指标", "群众知晓率"],
    ["效益指标", "生态效益指标", "森林覆盖率"],
    ["产出指标", "质量指标", "验收合格率"],
    ["产出指标", "成本指标", "人均补助标准"],
    ["产出指标", "成本指标", "节约成本"],
    ["成本指标", "生态环境成本指标", "对生态环境的影响"],
    ["成本指标", "社会成本指标", "减少群众收入"],
    ["产出指标", "时效指标", "完成及时率"],
  ])("%s / %s: “%s” passes", (l1, l2, name) => {
    expect(found(l1, l2, name)).toEqual([]);
  });

  it("a name with 满意度 under 质量 is said once, by the satisfaction message", () => {
    const all = checkSingleRow({ level1: "产出指标", level2: "质量指标", name: "群众满意度", target: "≥90%", unit: "", weight: 10 }, national).filter(
      (i) => i.code === "indicator.unknown-category",
    );
    expect(all.map((i) => i.message)).toEqual(["满意度指标“群众满意度”放在了“质量指标”下，应归入满意度指标"]);
  });
});
