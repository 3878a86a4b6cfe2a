/**
 * The 年度总体目标 block read by meaning (checks/narratives.ts): a goal that is only an amount or only the project's
 * name, a blank goal, a blank completion, a completion copying the goal, and the template's instructions left in the
 * completion cell under a two-column header (template-text.ts). Forms of our own, both ways, with near-misses.
 */
import fc from "fast-check";
import { completionCopiesGoal, goalOnlyAmount, goalRepeatsName, listsDuties, narrativeTotalOff } from "../../../src/domain/checks/narratives";
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { realGrid } from "../../helpers/real";

type Cells = (string | number | null)[][];

const FUNDS: Cells = [
  ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
  [null, "年度资金总额", 100, 100, 100, 10, "100%", 10, null],
];
const INDICATORS: Cells = [
  ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  [null, "产出指标", "数量指标", "改造供暖管网", "≥2公里", "2公里", 50, 50, null],
  [null, "效益指标", "社会效益指标", "供暖达标率", "≥95%", "96%", 30, 30, null],
  [null, "满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "92%", 10, 10, null],
];

/** A national 自评表 with the two-column goal block: 年度总体目标 | 预期目标 … 实际完成情况, texts in the row under it. */
function selfEval(goal: string | number | null, completion: string | number | null, name = "宿舍楼暖通改造经费"): Grid {
  return {
    sheet: "自评表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", name, null, null, null, null, null, null, null],
      ["主管部门", "市教育局", null, null, "实施单位", "市食品工程学校", null, null, null],
      ...FUNDS,
      ["年度总体目标", "预期目标", null, null, null, "实际完成情况", null, null, null],
      [null, goal, null, null, null, completion, null, null, null],
      ...INDICATORS,
    ],
  };
}

/** A 申报表 with the goal as a field: 年度总体目标 | text. */
function target(goal: string, name = "宿舍楼暖通改造经费"): Grid {
  return {
    sheet: "目标表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", name, null, null, null],
      ["主管部门", "市教育局", "实施单位", "市食品工程学校", null],
      ["项目资金(万元)", "年度资金总额:", "100", null, null],
      ["年度总体目标", goal, null, null, null],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      [null, "产出指标", "数量指标", "改造供暖管网", "≥2公里"],
      [null, "效益指标", "社会效益指标", "供暖达标率", "≥95%"],
      [null, "满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"],
    ],
  };
}

const found = (g: Grid, ...codes: string[]): string[] =>
  checkWorkbook([g])
    .issues.filter((i) => codes.includes(i.code))
    .map((i) => `${i.code}@${i.cell}`);
const NARRATIVE_CODES = ["form.goal-not-stated", "score.missing-actual", "score.actual-copies-target", "form.template-text"];

describe("年度总体目标 that states no goal", () => {
  it.each([
    ["43.2", "37.24"],
    [43.2, 37.24],
    ["43.2万元", "已完成改造，供暖正常"],
    ["２，０２６，４００元", "已完成"],
  ])("only an amount (%s) is flagged at the goal cell", (goal, completion) => {
    expect(found(selfEval(goal, completion), "form.goal-not-stated")).toEqual(["form.goal-not-stated@B6"]);
  });

  it("says what it read, Chinese first", () => {
    const i = checkWorkbook([selfEval("43.2", "37.24")]).issues.find((x) => x.code === "form.goal-not-stated");
    expect(i?.message).toBe("“预期目标”只有金额“43.2”，未写明项目年度的产出和效果");
    expect(i?.messageEn).toContain("only an amount");
    expect(i?.severity).toBe("error");
  });

  it.each([
    "宿舍楼暖通改造经费，通过实施宿舍楼暖通改造经费，",
    "2022年宿舍楼暖通改造经费项目",
    "完成宿舍楼暖通改造经费43.2万元",
    "宿舍楼 暖通改造 经费。",
  ])("only the project's name again (%s) is flagged", (goal) => {
    expect(found(target(goal), "form.goal-not-stated")).toEqual(["form.goal-not-stated@B4"]);
  });

  it("reads the name without its leading code and bracketed note", () => {
    expect(goalRepeatsName("2023年全县安可替代补助资金项目", "51092324T000010263357-2023年全县安可替代补助资金项目")).toBe(true);
    expect(goalRepeatsName("原州区送茶入户推广项目,通过实施原州区送茶入户推广项目,", "原州区送茶入户推广项目（2022年少数民族发展资金项目）")).toBe(true);
  });

  it.each([
    "改造宿舍楼供暖管网2公里，供暖达标率达到95%以上",
    "通过宿舍楼暖通改造经费，完成2栋宿舍楼和食堂的供暖改造，改善师生住宿条件",
    "保障学校冬季供暖正常运行",
    "43.2万元用于改造2栋宿舍楼供暖管网2公里",
    "2023年",
  ])("a goal that says something passes (%s)", (goal) => {
    expect(found(target(goal), ...NARRATIVE_CODES)).toEqual([]);
    expect(found(selfEval(goal, "已完成改造2公里，达标率96%"), ...NARRATIVE_CODES)).toEqual([]);
  });

  it("a short name is never matched (a two-character name is in every text)", () => {
    expect(goalRepeatsName("供暖项目", "供暖")).toBe(false);
  });

  it("a blank goal on a form that has the block", () => {
    expect(found(selfEval(null, "已完成"), ...NARRATIVE_CODES)).toEqual(["form.goal-not-stated@B6"]);
  });

  it("a form never filled in: the blank goal and completion are part of table.not-filled, the verdict stays 未填写", () => {
    const g = selfEval(null, null);
    const values = g.values.map((row, r) => (r >= 7 ? row.map((v, c) => (c >= 3 ? null : v)) : row));
    const r = checkWorkbook([{ ...g, values }]);
    expect(r.issues.filter((i) => NARRATIVE_CODES.includes(i.code))).toEqual([]);
    expect(r.issues.some((i) => i.code === "table.not-filled")).toBe(true);
  });

  it("the block cut before its texts (the indicator header next) says nothing", () => {
    const g = selfEval("x", "y");
    const values = g.values.filter((_, r) => r !== 5);
    expect(found({ ...g, values }, ...NARRATIVE_CODES)).toEqual([]);
  });

  it("a goal label with nothing to its right says nothing (the shape is not known)", () => {
    const g = target("");
    expect(found(g, ...NARRATIVE_CODES)).toEqual([]);
  });
});

describe("实际完成情况", () => {
  it("left blank beside a stated goal: flagged at the completion cell", () => {
    expect(found(selfEval("改造供暖管网2公里", null), ...NARRATIVE_CODES)).toEqual(["score.missing-actual@F6"]);
  });

  it("copying the goal word for word (spacing and punctuation aside): flagged", () => {
    const goal = "目标1:改造供暖管网2公里;目标2:供暖达标率95%";
    expect(found(selfEval(goal, "目标1：改造供暖管网2公里；目标2：供暖达标率95％"), ...NARRATIVE_CODES)).toEqual(["score.actual-copies-target@F6"]);
  });

  it.each([
    ["改造供暖管网2公里", "已改造供暖管网2公里"],
    ["改造供暖管网2公里，供暖达标率95%", "改造供暖管网2公里，供暖达标率96%"],
    ["完成", "完成"],
  ])("a report that differs, or a text too short to tell, passes (%s / %s)", (goal, completion) => {
    expect(found(selfEval(goal, completion), ...NARRATIVE_CODES)).toEqual([]);
  });

  it("listing the unit's duties instead of results: flagged at the completion cell", () => {
    const duties = "负责编制辖区内国土空间规划并监督实施;承担辖区内国土空间生态修复工作,负责组织实施耕地保护制度;负责矿产资源管理工作。";
    expect(found(selfEval("全面查清全市资源利用状况", duties), ...NARRATIVE_CODES)).toEqual(["score.missing-actual@F6"]);
    expect(listsDuties("主要职责：负责规划；负责监测；承担修复")).toBe(true);
  });

  it.each([
    "负责编制规划3项;承担生态修复2处;负责耕地保护检查12次。",
    "完成国土空间规划编制，负责组织的耕地保护检查已全部完成。",
    "负责编制规划并监督实施。",
  ])("a report with figures, or one duty named among results, passes (%s)", (text) => {
    expect(listsDuties(text)).toBe(false);
  });

  it("the template's instructions under the completion label: template-text, nothing else", () => {
    const r = found(selfEval("改造供暖管网2公里", "对照年度目标，说明相关任务目标的完成情况(100字以内)"), ...NARRATIVE_CODES);
    expect(r).toEqual(["form.template-text@F6"]);
  });
});

describe("a total the goal states with parts that do not add up", () => {
  const goal = "本项目共申请预算资金2026400元,其中村级组织运转400000元,基本报酬252000元,工资28000元,村级事务补助960000元,目标奖励100000元。";
  it("is flagged at the goal cell, in 万元", () => {
    const r = checkWorkbook([selfEval(goal, "已按计划完成村级补助发放")]).issues.filter((i) => i.code === "budget.total-mismatch");
    expect(r.map((i) => i.cell)).toEqual(["B6"]);
    expect(r[0].message).toBe("“预期目标”写明总额202.64万元，其中各项合计174万元，两者不符");
  });
  it("and at the completion cell when the completion's own parts are off", () => {
    const done = "本项目共完成预算资金132.9万元，其中村级组织运转43.9万元，村级事务补助66万元。";
    const r = checkWorkbook([selfEval("改造供暖管网2公里", done)]).issues.filter((i) => i.code === "budget.total-mismatch");
    expect(r.map((i) => `${i.cell} ${i.message}`)).toEqual(["F6 “实际完成情况”写明总额132.9万元，其中各项合计109.9万元，两者不符"]);
  });
  it.each([
    "本项目共申请预算资金2026400元,其中村级组织运转400000元,基本报酬252000元,村级事务补助1374400元。",
    "项目总投资100万元，其中中央资金60万元、县级配套400000元。",
    "合计38.75万元（少数民族发展资金37万元，中央衔接资金1.75万元）",
    "共补助100万元，其中每户补助5000元，共200户。",
    "共申请资金100万元，其中设备购置100万元。",
    "共申请资金100万元，其中设备（含安装60万元）80万元，培训20万元。",
  ])("parts that add up, or a sum that means nothing, pass: %s", (text) => {
    expect(narrativeTotalOff(text)).toBeUndefined();
  });
  it("reads full-width digits and spaced text", () => {
    expect(narrativeTotalOff("共 申请 资金 １００万元，其中 设备 ５０万元，培训 ２０万元。")).toEqual({ total: 100, parts: 70 });
  });
});

describe("real tables", () => {
  it("11: the 年度目标完成情况 cell under its label still holds the instructions", () => {
    const cells = checkWorkbook([realGrid("11")])
      .issues.filter((i) => i.code === "form.template-text")
      .map((i) => i.cell);
    expect(cells).toContain("G6");
  });
});

describe("invariants", () => {
  const cjk = fc.string({ unit: fc.constantFrom(..."改造供暖管网公里达标率提高学生宿舍食堂完成目标资金"), minLength: 0, maxLength: 30 });
  it("a completion that copies the goal is found whatever spacing and punctuation it adds", () => {
    fc.assert(
      fc.property(cjk, fc.array(fc.constantFrom(" ", "，", ",", "。", "；", "\n"), { maxLength: 5 }), (g, extra) => {
        const goal = `修缮${g}`.padEnd(8, "房");
        const noisy = goal.split("").map((ch, k) => (k < extra.length ? ch + extra[k] : ch)).join("");
        return completionCopiesGoal(goal, noisy);
      }),
    );
  });
  it("a goal with a figure other than an amount is never only an amount", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), cjk, (n, w) => !goalOnlyAmount(`${w}改造${n}公里`)));
  });
});

describe("a goal that is a slogan (indicator.vague on the goal cell)", () => {
  const withLabel = (label: string, goal: string): Grid => {
    const g = target(goal);
    return { ...g, values: g.values.map((row, r) => (r === 3 ? [label, ...row.slice(1)] : row)) };
  };
  it.each([
    ["年度总体目标", "做好涉案、价格认定工作。"],
    ["*年度总体绩效目标", "做好涉案、價格認定工作。"],
    ["年度主要目标和成果", "全力以赴做好安全生产、防灾减灾救灾工作,保障工作顺利开展。"],
  ])("%s “%s” is flagged at the goal", (label, goal) => {
    expect(found(withLabel(label, goal), "indicator.vague", "form.goal-not-stated")).toEqual(["indicator.vague@B4"]);
  });
  it.each(["做好宿舍楼供暖改造，完成2栋宿舍楼和食堂的供暖管网改造", "确保全年不发生供暖安全事故", "改造宿舍楼供暖管网2公里"])("a goal that names an output or a measure (%s) is not", (goal) => {
    expect(found(target(goal), "indicator.vague", "form.goal-not-stated")).toEqual([]);
  });
});
