/**
 * Rule families real tables slip past. indicator.vague, the "≥95% attached to an aim" family: a percentage target on a name that states an aim or an
 * effect (改善人居环境, 社会效益) has nothing to divide; a name with a ratio in it (…率, 覆盖, 满意度) is measurable.
 */
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { percentOnAim } from "../../../src/domain/checks/vague";
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { resolveProfile } from "../../../src/domain/profiles";
import { ALL_REAL_PREFIXES, realGrid } from "../../helpers/real";

const national = resolveProfile("national");
const vagueOf = (level1: string, level2: string, name: string, target: string, unit = "") =>
  checkSingleRow({ level1, level2, name, target, unit, weight: 10 }, national).filter((i) => i.code === "indicator.vague");

describe("a percentage on an aim", () => {
  it.each([
    ["效益指标", "社会效益指标", "改善群众生活环境", "≥95%"],
    ["效益指标", "社会效益指标", "社会效益", "100%"],
    ["效益指标", "经济效益指标", "促进当地经济发展", "≥90%"],
    ["效益指标", "可持续影响指标", "提高群众安全意识", "≥ 95 ％"],
    ["效益指标", "社会效益指标", "发挥示范带动作用", "95", "%"],
    ["效益指标", "社会效益指标", "满足辖区居民对常用疫苗的需求", "100%"],
    ["效益指标", "社会效益指标", "维护社会稳定", "≥95%"],
    ["产出指标", "质量指标", "成员单位食品安全工作齐抓共管", "100%"],
  ])("%s / %s: “%s” with %s is flagged at the target", (l1, l2, name, target, unit = "") => {
    const found = vagueOf(l1, l2, name, target, unit);
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe("D1");
    expect(found[0].message).toContain("不是可计算的比率");
    expect(found[0].severity).toBe("warning");
  });

  it.each([
    ["产出指标", "质量指标", "建档立卡学生全面覆盖", "100%"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥95%"],
    ["效益指标", "社会效益指标", "群众知晓率提高", "≥90%"],
    ["产出指标", "时效指标", "项目完成进度", "100%"],
    ["效益指标", "社会效益指标", "改善群众生活环境", "明显改善的具体标准：道路硬化30公里"],
    ["效益指标", "经济效益指标", "带动农户增收", "≥500", "元/户"],
    ["效益指标", "社会效益指标", "群众就医需求满足率", "≥90%"],
    ["产出指标", "质量指标", "水质稳定达标率", "≥95%"],
  ])("%s / %s: “%s” with %s passes", (l1, l2, name, target, unit = "") => {
    expect(vagueOf(l1, l2, name, target, unit).filter((i) => i.message.includes("不是可计算的比率"))).toEqual([]);
  });

  it.each([
    ["效益指标", "社会效益指标", "通过注射疫苗，可以有效降低疫苗针对传染病的发生", "40%", true], // real 50
    ["产出指标", "成本指标", "按照物价部门定价标准采购", "100%", true], // real 50
    ["效益指标", "社会效益指标", "通过宣传，群众防疫知晓率", "≥90%", false], // ends in its measure
    ["产出指标", "质量指标", "按照标准发放补助的比例", "100%", false],
    ["产出指标", "成本指标", "按照物价部门定价标准采购", "≤20万元", false], // a figure in money, not a percentage
  ])("%s / %s: a procedure or a claim “%s” with %s → vague %s", (l1, l2, name, target, flagged) => {
    const found = vagueOf(l1, l2, name, target).filter((i) => i.message.includes("一种做法或一段陈述"));
    expect(found.length > 0).toBe(flagged);
  });

  it("reads full-width and spaced names the same", () => {
    expect(percentOnAim(" 改善 人居 环境 ")).toBe(true);
    expect(percentOnAim("人居环境整治覆盖率")).toBe(false);
  });

  it("says nothing on the ten real tables (none of them has the pattern)", () => {
    for (const p of ALL_REAL_PREFIXES) {
      const found = checkWorkbook([realGrid(p)]).issues.filter((i) => i.message.includes("不是可计算的比率"));
      expect({ table: p, found }).toEqual({ table: p, found: [] });
    }
  });
});

describe("full marks against the row's own words", () => {
  const selfEval = (name: string, actual: string, score: number, reason = ""): string[] =>
    checkWorkbook([
      {
        sheet: "自评表",
        top: 0,
        left: 0,
        values: [
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
          ["产出指标", "数量指标", name, "100户", actual, 20, score, reason],
          ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, ""],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", 10, 10, ""],
        ],
      },
    ])
      .issues.filter((i) => i.code === "score.mismatch")
      .map((i) => `${i.cell} ${i.message}`);

  it.each([
    ["发放户数：目标100户，目前已发放96户，剩余4户年底前发放", "100户", ""],
    ["改造户数", "100户", "其中8户尚未完工"],
    ["培训人次", "100户", "仍有2户未到位"],
  ])("“%s” / actual %s / reason “%s”: one finding at the score", (name, actual, reason) => {
    const found = selfEval(name, actual, 20, reason);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^G2 得分为满分20，但本行文字写明尚未全部完成/);
  });

  it("is silent when the score is already below full, or the words are not there", () => {
    expect(selfEval("发放户数，剩余4户未发放", "96户", 19.2)).toEqual([]);
    expect(selfEval("未成年人保护宣传户数", "100户", 20)).toEqual([]);
  });
});

describe("a form without a 计量单位 column (national templates: the unit sits in the 指标值)", () => {
  type CellValueRow = (string | number | null)[];
  const check = (rows: CellValueRow[]) =>
    checkWorkbook([{ sheet: "目标表", top: 0, left: 0, values: [["一级指标", "二级指标", "三级指标", "指标值"], ...rows] }]).issues;
  const ROWS: CellValueRow[] = [
    ["产出指标", "数量指标", "道路硬化里程", ">=20公里"],
    ["产出指标", "质量指标", "验收合格率", "≥98%"],
    ["效益指标", "社会效益指标", "受益人口", "≥1200人"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ];

  it("is not a fault: no finding at the 指标值 header and none about units", () => {
    const found = check(ROWS);
    expect(found.filter((i) => i.cell === "D1")).toEqual([]);
    expect(found.filter((i) => /unit/.test(i.code))).toEqual([]);
  });

  it("a quantitative value with no unit at all is still indicator.missing-unit", () => {
    const found = check([...ROWS.slice(1), ["产出指标", "数量指标", "道路硬化里程", ">=20"]]);
    expect(found.filter((i) => i.code === "indicator.missing-unit").map((i) => i.cell)).toEqual(["D5"]);
  });
});

describe("targets that measure nothing, by their shape", () => {
  it.each([
    ["效益指标", "社会效益指标", "创业者能力", "能力持续提升"],
    ["效益指标", "经济效益指标", "经济效益", "经济效益良好"],
    ["效益指标", "可持续影响指标", "持续影响", "长期"],
    ["产出指标", "质量指标", "资金使用", "符合相关规定"],
    ["产出指标", "时效指标", "完成时间", "及时"],
    ["产出指标", "时效指标", "经费支出时效性", "及时支出"],
    ["产出指标", "时效指标", "补贴发放时间", "按时发放"],
    ["产出指标", "成本指标", "成本控制", "不超预算"],
    ["效益指标", "社会效益指标", "工作开展", "全力以赴做好安全生产工作，保障工作顺利开展"],
  ])("%s / %s: %s = “%s” is vague", (l1, l2, name, target) => {
    expect(vagueOf(l1, l2, name, target)).toHaveLength(1);
  });

  it.each([
    ["产出指标", "数量指标", "培训人数", "≥120人"],
    ["产出指标", "时效指标", "完成时间", "2024年12月"],
    ["产出指标", "时效指标", "补贴发放时间", "2024年6月底前按时发放"],
    ["产出指标", "质量指标", "验收", "合格"],
    ["效益指标", "社会效益指标", "安全事故", "确保全年无安全事故发生"],
    ["产出指标", "质量指标", "执行标准", "符合国家二级标准"],
    ["效益指标", "经济效益指标", "是否产生经济价值", "是"],
  ])("%s / %s: %s = “%s” names a figure, a date, a standard or a yes/no: not vague", (l1, l2, name, target) => {
    expect(vagueOf(l1, l2, name, target)).toEqual([]);
  });
});

describe("money as the output (indicator.spending-as-output, widened)", () => {
  const spending = (name: string, level2 = "数量指标") =>
    checkSingleRow({ level1: "产出指标", level2, name, target: "≥95%", unit: "", weight: 10 }, national).filter((i) => i.code === "indicator.spending-as-output");
  it.each(["奖补资金兑付率", "财政资金到位及时支付率", "工程资金金额", "业务工作支出安排金额"])("“%s” under 产出 is flagged", (name) => {
    expect(spending(name)).toHaveLength(1);
  });
  it.each(["补贴发放户数", "资金使用合规率", "培训经费使用合规性"])("“%s” is not money as the output", (name) => {
    expect(spending(name)).toEqual([]);
  });
});

describe("over-achievement on a form with no 分值 column", () => {
  const grid = (actual: string) =>
    checkWorkbook([
      {
        sheet: "区域自评",
        top: 0,
        left: 0,
        values: [
          ["一级指标", "二级指标", "三级指标", "指标值", "完成值"],
          ["产出指标", "数量指标", "药品监管企业数", "≥124家", actual],
          [null, "质量指标", "抽检完成率", "100%", "100%"],
          ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%"],
          ["满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "96%"],
        ],
      },
    ]).issues.filter((i) => i.code === "score.over-achievement");
  it("an actual far beyond its target is said though nothing is scored", () => {
    expect(grid("253家").map((i) => i.cell)).toEqual(["E2"]);
  });
  it("within the threshold, nothing", () => {
    expect(grid("140家")).toEqual([]);
  });
});

describe("form.missing-field: the form's own fields left blank", () => {
  const form = (department: string | null) =>
    checkWorkbook([
      {
        sheet: "申报表",
        top: 0,
        left: 0,
        values: [
          ["项目支出绩效目标申报表", null, null, null],
          ["项目名称", "乡村道路养护", "主管部门", department],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "养护里程", "≥120公里"],
          ["效益指标", "社会效益指标", "通行条件改善率", "≥90%"],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
        ],
      },
    ]).issues.filter((i) => i.code === "form.missing-field");
  it("a blank 主管部门 is said at the cell where it goes", () => {
    expect(form(null).map((i) => [i.cell, i.message])).toEqual([["D2", "表格的“主管部门”未填写"]]);
  });
  it("a filled one is not", () => {
    expect(form("县交通运输局")).toEqual([]);
  });

  const withContact = (label: string, person: string | null) =>
    checkWorkbook([
      {
        sheet: "申报表",
        top: 0,
        left: 0,
        values: [
          ["项目名称", "乡村道路养护", "主管部门", "县交通运输局"],
          ["实施单位", "县公路中心", label, person],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "养护里程", "≥120公里"],
          ["效益指标", "社会效益指标", "通行条件改善率", "≥90%"],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
        ],
      },
    ]).issues.filter((i) => i.code === "form.missing-field");
  it.each(["项目负责人", "项目负责人及电话", "项目负责人/ 联系电话", "项目责任人："])("a blank %s is said", (label) => {
    expect(withContact(label, null).map((i) => i.cell)).toEqual(["D2"]);
  });
  it("a named person is not", () => {
    expect(withContact("项目负责人及电话", "张三 13800000000")).toEqual([]);
  });

  // 主管部门 | (blank) | 项目起止时间 | 2022.1—2022.12 (real 104): the next label is no value of the blank field.
  const besideOtherLabel = (label: string, department: string | null) =>
    checkWorkbook([
      {
        sheet: "申报表",
        top: 0,
        left: 0,
        values: [
          ["项目名称", "幼儿园公用经费", null, null],
          ["主管部门", department, label, "2022.1—2022.12"],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "补助幼儿数", "≥5000人"],
          ["效益指标", "社会效益指标", "入园率", "≥90%"],
          ["满意度指标", "服务对象满意度指标", "家长满意度", "≥90%"],
        ],
      },
    ]).issues.filter((i) => i.code === "form.missing-field");
  it.each(["项目起止时间", "实施期限", "联系电话"])("a blank 主管部门 beside %s is blank", (label) => {
    expect(besideOtherLabel(label, null).map((i) => i.cell)).toEqual(["B2"]);
  });
  it("a filled one beside it is not", () => {
    expect(besideOtherLabel("项目起止时间", "县教育局")).toEqual([]);
  });

  // The line under the title (项目责任人: | | 单位(盖章): | , real 85): the person is a field of this form, left blank;
  // the stamp is put on paper, not typed.
  const signatureLine = (person: string | null) =>
    checkWorkbook([
      {
        sheet: "申报表",
        top: 0,
        left: 0,
        values: [
          ["项目支出绩效目标表", null, null, null],
          ["项目责任人:", person, "单位(盖章):", null],
          ["项目名称", "网球公开赛", null, null],
          ["主管部门", "区体育局", "实施单位", "区体育局"],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "参赛人数", "≥200人"],
          ["效益指标", "社会效益指标", "观赛人次", "≥5000人次"],
          ["满意度指标", "服务对象满意度指标", "观众满意度", "≥90%"],
        ],
      },
    ]).issues.filter((i) => i.code === "form.missing-field");
  it("a blank 项目责任人 above the 项目名称 row is said; the blank 单位(盖章) is not", () => {
    expect(signatureLine(null).map((i) => i.cell)).toEqual(["B2"]);
    expect(signatureLine("张三")).toEqual([]);
  });
});

describe("more shapes reviewers send back", () => {
  const row = (l1: string, l2: string, name: string, target: string, code: string, unit = "") =>
    checkSingleRow({ level1: l1, level2: l2, name, target, unit, weight: 10 }, national).filter((i) => i.code === code);

  it.each(["公里", "万亩", "≧ %", "个"])("a target that is only a unit or a sign (“%s”) was never filled in", (target) => {
    expect(row("产出指标", "数量指标", "新建堤防长度", target, "indicator.not-numeric")).toHaveLength(1);
  });

  it.each([["农民增收"], ["创业能力提升"], ["超上年度"]])("“%s”: a direction with nothing measured is vague", (target) => {
    expect(row("效益指标", "经济效益指标", "农民收入", target, "indicator.vague")).toHaveLength(1);
  });
  it.each([["水质达标"], ["≥5%"], ["比上年增长10%"]])("“%s” is measurable", (target) => {
    expect(row("效益指标", "经济效益指标", "农民收入", target, "indicator.vague")).toEqual([]);
  });

  it("a cost in money with no sign on a form with no 计算符号 column: say it is most likely a cap", () => {
    const found = row("成本指标", "经济成本指标", "每公里补助", "20万元", "indicator.cost-direction");
    expect(found.map((i) => i.expected)).toEqual(["≤20万元"]);
    expect(row("成本指标", "经济成本指标", "每公里补助", "≤20万元", "indicator.cost-direction")).toEqual([]);
  });

  it("an execution rate under a cost 二级 (real 46) is no cost with the wrong direction; a cost with ≥ is", () => {
    expect(row("产出指标", "成本指标", "年度预算执行率", "≥90%", "indicator.cost-direction")).toEqual([]);
    expect(row("产出指标", "成本指标", "年度预算执行率", "≥90%", "indicator.spending-as-output")).toHaveLength(1);
    expect(row("产出指标", "成本指标", "每公里建设成本", "≥20万元", "indicator.cost-direction")).toHaveLength(1);
  });

  it("a rate given as a head count is a unit that does not fit; the same as a percentage is fine", () => {
    expect(row("产出指标", "质量指标", "家庭医生签约率", "24694人", "indicator.unit-mismatch")).toHaveLength(1);
    expect(row("产出指标", "质量指标", "家庭医生签约率", "≥65%", "indicator.unit-mismatch")).toEqual([]);
    expect(row("产出指标", "数量指标", "家庭医生签约人数", "24694人", "indicator.unit-mismatch")).toEqual([]);
  });

  it("a numbered part of an outline item counted in the same unit names a kind of it (real 29: 1、肥料利用率 ≧5组 under 二、田间试验 ≧15组)", () => {
    const outline = (parentTarget: string, partName: string): Grid => ({
      sheet: "自评表",
      top: 0,
      left: 0,
      values: [
        ["项目名称", "化肥减量增效示范", null, null],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "二、化肥减量增效田间试验", parentTarget],
        ["产出指标", "数量指标", partName, "≧5组"],
        ["产出指标", "数量指标", "2、其他试验(水稻)", "≧3组"],
      ],
    });
    const mismatches = (g: Grid) => checkWorkbook([g]).issues.filter((i) => i.code === "indicator.unit-mismatch").map((i) => i.cell);
    expect(mismatches(outline("≧15组", "1、肥料利用率"))).toEqual([]);
    // The parent counts something else, or the row is no numbered part: the rate in 组 is said.
    expect(mismatches(outline("≧15个", "1、肥料利用率"))).toEqual(["D4"]);
    expect(mismatches(outline("≧15组", "肥料利用率"))).toEqual(["D4"]);
  });
});

describe("budget.low-execution: a reason given on the indicator row about the same money counts", () => {
  const form = (reason: string | null) =>
    checkWorkbook([
      {
        sheet: "自评表",
        top: 0,
        left: 0,
        values: [
          ["项目支出绩效自评表", null, null, null, null, null, null, null, null],
          ["项目名称", "学校暖通改造", null, null, "实施单位", "某学校", null, null, null],
          ["项目资金 (万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
          [null, "年度资金总额", "43.2", "43.2", "37.24", "10", "86.20%", "8.62", null],
          ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
          [null, "产出指标", "数量指标", "改造面积", "≥3000平方米", "3000平方米", "50", "50", reason],
          [null, "效益指标", "社会效益指标", "供暖达标率", "≥95%", "98%", "30", "30", null],
          [null, "满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", "95%", "10", "10", null],
        ],
      },
    ]).issues.filter((i) => i.code === "budget.low-execution");
  it("said when nothing explains the 86.20 %", () => {
    expect(form(null)).toHaveLength(1);
  });
  it("not said when a row's reason speaks of the money (尾款未付)", () => {
    expect(form("已完工，剩余3%尾款未付")).toEqual([]);
  });
  it("a reason about something else does not explain it", () => {
    expect(form("天气原因工期延后")).toHaveLength(1);
  });
});

describe("a 三级 name that is a value", () => {
  const nameFindings = (level2: string, name: string, target: string) =>
    checkSingleRow({ level1: "产出指标", level2, name, target, unit: "", weight: 10 }, national).filter((i) => i.code === "indicator.missing-field");
  it.each([
    ["时效指标", "1年", "1年"],
    ["时效指标", "2020年", "2020年"],
    ["成本指标", "100万", "100万"],
    ["成本指标", "38.75万元", "≤38.75万元"],
    ["时效指标", "12月底之前完成", "100%"],
    ["时效指标", "2022年底之前", "2022年底之前"],
    ["数量指标", "５个", "５个"],
  ])("%s: the name “%s” (target %s) is said at the name, once", (level2, name, target) => {
    const found = nameFindings(level2, name, target);
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe("C1");
    expect(found[0].message).toContain("不是指标名称");
  });

  it.each([
    ["时效指标", "完成时限", "2020年12月"],
    ["数量指标", "5G基站建设数量", "≥10个"],
    ["数量指标", "2024年新增就业人数", "≥100人"],
    ["成本指标", "0", "0.00%"],
    ["质量指标", "12345热线办结率", "≥95%"],
  ])("%s: the name “%s” is a name", (level2, name, target) => {
    expect(nameFindings(level2, name, target).filter((i) => i.message.includes("不是指标名称"))).toEqual([]);
  });

  it("names that are bare zeros (a form's not-applicable rows) are not duplicates of each other", () => {
    const zeros = checkWorkbook([
      {
        sheet: "表",
        top: 0,
        left: 0,
        values: [
          ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
          ["成本指标", "经济成本指标", "0", "0.00%", 0],
          [null, "社会成本指标", "0", "0.00%", 0],
          ["产出指标", "数量指标", "培训人次", "≥200人次", 50],
          ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", 50],
        ],
      },
    ]).issues.map((i) => i.code);
    expect(zeros).not.toContain("indicator.duplicate");
  });
});

describe("a benefit asked as yes/no and answered no (a filler)", () => {
  it.each([
    ["经济效益指标", "项目实施是否产生经济价值", "否", true],
    ["生态效益指标", "是否对当地生态环境造成影响", "否", true],
    ["社会效益指标", "是否产生社会效益", "无", true],
    ["社会效益指标", "是否提高群众文化生活水平", "是", false],
    ["社会效益指标", "安全事故发生次数", "无", false],
  ])("%s: “%s” = “%s” → %s", (level2, name, target, flagged) => {
    const found = vagueOf("效益指标", level2, name, target).filter((i) => i.message.includes("凑数"));
    expect(found.length > 0).toBe(flagged);
  });

  it("an output asked as yes/no and answered no is not a benefit filler", () => {
    expect(vagueOf("产出指标", "质量指标", "是否发生质量事故", "否").filter((i) => i.message.includes("凑数"))).toEqual([]);
  });
});
