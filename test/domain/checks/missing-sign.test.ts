/**
 * indicator.missing-sign (checks/missing-sign.ts): a quantitative target with no comparison sign on a table with no
 * 计算符号 column. Forms of our own, both ways: a table that writes no sign anywhere gets one finding (info) however
 * many rows; a table that writes signs gets its bare rows one by one (warning), up to a cap; near-misses that say
 * nothing (a sign column, a date, a yes/no, 100 %, 0, a name that carries the direction, a cost in money).
 */
import { checkSingleRow } from "../../../src/domain/checks/single-row";
import { likelySign, MAX_EXCEPTIONS } from "../../../src/domain/checks/missing-sign";
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import type { Issue } from "../../../src/domain/issues";
import { resolveProfile } from "../../../src/domain/profiles";
import { parseValue } from "../../../src/domain/value/parse";

type Row = readonly [string, string, string, string];

/** A 申报表 of our own: header fields, then 一级 | 二级 | 三级 | 指标值 (no sign column unless `signColumn`). */
function form(rows: readonly Row[], signColumn?: string): Grid {
  const header = signColumn ? ["一级指标", "二级指标", "三级指标", signColumn, "指标值"] : ["一级指标", "二级指标", "三级指标", "指标值"];
  return {
    sheet: "申报表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "乡村道路养护", "主管部门", "交通运输局"],
      ["实施单位", "公路养护站", null, null],
      header,
      ...rows.map((r) => (signColumn ? [r[0], r[1], r[2], "", r[3]] : [...r])),
    ],
  };
}

const signs = (g: Grid): Issue[] => checkWorkbook([g]).issues.filter((i) => i.code === "indicator.missing-sign");

const BARE: readonly Row[] = [
  ["产出指标", "数量指标", "养护道路里程", "45公里"],
  ["产出指标", "数量指标", "受益农户数", "１２０户"],
  ["产出指标", "质量指标", "路面完好率", "95%"],
  ["产出指标", "时效指标", "项目完成时间", "10个月"],
  ["效益指标", "社会效益指标", "交通事故发生数", "3起"],
  ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "90%"],
];

describe("a table that writes no sign anywhere", () => {
  it("is one finding (info) at its first bare target, with the count and suggestions", () => {
    const found = signs(form(BARE));
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.cell).toBe("D4");
    expect(f.severity).toBe("info");
    expect(f.expected).toBe("≥45公里");
    expect(f.message).toMatch(/^本表6个定量指标值未写比较符号（≥\/≤\/＝），表中也没有计算符号列/);
    // Cell text is read half-width (１２０户 is 120户).
    expect(f.message).toContain("如“45公里”改为“≥45公里”、“120户”改为“≥120户”、“95%”改为“≥95%”");
    expect(f.messageEn).toContain("6 quantitative targets");
  });

  it("a hundred rows are still one finding", () => {
    const rows: Row[] = Array.from({ length: 100 }, (_, k) => ["产出指标", "数量指标", `培训班次${k}`, `${k + 1}期`]);
    const found = signs(form(rows));
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("本表100个定量指标值");
  });
});

describe("a table that writes signs on other rows", () => {
  const SIGNED: readonly Row[] = [
    ["产出指标", "数量指标", "新建村道", "≥2公里"],
    ["产出指标", "质量指标", "验收合格率", "≥98%"],
    ["效益指标", "社会效益指标", "群众出行时间缩短", "≥10分钟"],
  ];

  it("reports each bare target as an exception (warning) with its likely sign", () => {
    const found = signs(form([...SIGNED, ["产出指标", "数量指标", "受益农户数", "5000户"], ["产出指标", "时效指标", "完工时限", "６个月"]]));
    expect(found.map((f) => [f.cell, f.severity, f.expected])).toEqual([
      ["D7", "warning", "≥5000户"],
      ["D8", "warning", "≤6个月"],
    ]);
    expect(found[0].message).toBe("“受益农户数”的指标值“5000户”未写比较符号（≥/≤/＝），而本表其他指标写了符号，方向不明；数量一般设下限（≥），宜写成“≥5000户”");
    expect(found[1].message).toContain("时长或期限一般设上限（≤）");
  });

  it(`more than ${MAX_EXCEPTIONS} exceptions are one finding for the table`, () => {
    const bare: Row[] = Array.from({ length: MAX_EXCEPTIONS + 2 }, (_, k) => ["产出指标", "数量指标", `维修桥梁${k}`, `${k + 2}座`]);
    const found = signs(form([...SIGNED, ...bare]));
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toMatch(new RegExp(`^本表${MAX_EXCEPTIONS + 2}个定量指标值未写比较符号（≥/≤/＝），而其他3个指标写了符号`));
  });
});

describe("near-misses: nothing to report", () => {
  it.each<[string, Row]>([
    ["a rate at 100 %", ["产出指标", "质量指标", "验收合格率", "100%"]],
    ["a full-width 100 ％", ["产出指标", "时效指标", "完成及时率", "１００％"]],
    ["a count of 0", ["效益指标", "社会效益指标", "安全事故发生数", "0起"]],
    ["a date", ["产出指标", "时效指标", "完工时间", "2024年12月"]],
    ["a yes/no", ["效益指标", "可持续影响指标", "长效管护机制", "是"]],
    ["a 定性 grade", ["效益指标", "社会效益指标", "群众出行条件", "优"]],
    ["a figure with no unit (missing-unit says it)", ["产出指标", "数量指标", "养护道路里程", "45"]],
    ["a cost in money (cost-direction says it)", ["产出指标", "成本指标", "每公里养护成本", "2万元"]],
    ["a name that says 不低于", ["产出指标", "数量指标", "养护里程不低于", "45公里"]],
    ["a name that says 控制在…以内", ["产出指标", "时效指标", "工期控制在", "10个月以内"]],
    ["a name with ≥", ["产出指标", "数量指标", "受益农户数≥", "120户"]],
    ["a name that says 达到", ["效益指标", "经济效益指标", "年收入达到", "5万元"]],
    ["a value with 以上", ["产出指标", "数量指标", "受益农户数", "120户以上"]],
    ["a sentence for a name", ["效益指标", "社会效益指标", "通过培训，提高农民种植技术", "80%"]],
    ["one of a kind (real 85: a project that is one tennis open)", ["产出指标", "数量指标", "打造品牌赛事种类", "1种"]],
    ["one event", ["产出指标", "数量指标", "举办运动会", "1届"]],
  ])("%s", (_why, row) => {
    expect(signs(form([row, ["产出指标", "数量指标", "新建村道", "≥2公里"]]))).toEqual([]);
    expect(signs(form([row]))).toEqual([]);
  });

  it("one of a kind is at its bound, but two of a kind or one of a measure is not", () => {
    const signed = ["产出指标", "数量指标", "新建村道", "≥2公里"] as const;
    expect(signs(form([["产出指标", "数量指标", "打造品牌赛事种类", "2种"], signed])).map((f) => f.expected)).toEqual(["≥2种"]);
    expect(signs(form([["产出指标", "数量指标", "修缮校舍面积", "1平方米"], signed])).map((f) => f.expected)).toEqual(["≥1平方米"]);
  });

  it.each(["计算符号", "指标性质", "符号"])("a table with a %s column", (header) => {
    expect(signs(form(BARE, header))).toEqual([]);
  });

  it("a row whose 指标说明 states the direction (达到目标值, real 20) — but one that says nothing of it is asked", () => {
    const withExplain = (explain: string): Grid => ({
      sheet: "申报表",
      top: 0,
      left: 0,
      values: [
        ["一级指标", "二级指标", "三级指标", "指标值", "指标说明"],
        ["产出指标", "数量指标", "新建村道", "≥2公里", "反映新建道路长度"],
        ["产出指标", "质量指标", "资金支出率", "95%", explain],
      ],
    });
    expect(signs(withExplain("资金支出率达到目标值"))).toEqual([]);
    expect(signs(withExplain("反映资金支出情况")).map((i) => i.cell)).toEqual(["D3"]);
  });

  it("a key evaluation's score sheet is not asked for signs", () => {
    const g: Grid = {
      sheet: "评价",
      top: 0,
      left: 0,
      values: [
        ["一级指标", "二级指标", "三级指标", "指标值", "分值", "评分标准", "得分"],
        ["决策", "项目立项", "立项依据充分性", "5项", 5, "依据充分得5分", 5],
        ["过程", "资金管理", "资金到位率", "95%", 5, "到位率×分值", 4.75],
        ["产出", "产出数量", "实际完成率", "90%", 20, "完成率×分值", 18],
        ["效益", "项目效益", "受益人数", "300人", 20, "达到得满分", 20],
      ],
    };
    expect(signs(g)).toEqual([]);
  });
});

describe("the likely sign", () => {
  const sign = (name: string, value: string): string => likelySign(name, parseValue(value)).sign;
  it.each([
    ["受益农户数", "45户", "≥"],
    ["群众满意度", "90%", "≥"],
    ["投诉率", "2%", "≤"],
    ["交通事故发生数", "3起", "≤"],
    ["办结信访案件", "168起", "≥"],
    ["项目完成时间", "10个月", "≤"],
    ["设施使用年限", "10年", "≥"],
    ["木材销售收入", "1100万元", "≥"],
    ["补助标准", "500元/人", "＝"],
    ["办公设备购置支出", "5万元", "≤"],
  ])("%s %s → %s", (name, value, expected) => {
    expect(sign(name, value)).toBe(expected);
  });
});

test("JX.CHECK on a lone row says nothing: whether its table writes signs is not known from one row", () => {
  const national = resolveProfile("national");
  const one = (target: string) => checkSingleRow({ level1: "产出指标", level2: "数量指标", name: "培训人次", target, unit: "", weight: 10 }, national).filter((i) => i.code === "indicator.missing-sign");
  expect(one("500人次")).toEqual([]);
});

test("a list of many projects, none writing a sign, is one finding for the table", () => {
  const rows: (string | null)[][] = [["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]];
  for (let p = 0; p < 40; p++) {
    rows.push([`道路养护项目${p}`, "产出指标", "数量指标", "养护里程", `${p + 1}公里`]);
    rows.push([`道路养护项目${p}`, "效益指标", "社会效益指标", "受益农户数", `${p + 10}户`]);
    rows.push([`道路养护项目${p}`, "满意度指标", "服务对象满意度指标", "群众满意度", "90%"]);
  }
  const found = signs({ sheet: "清单", top: 0, left: 0, values: rows });
  expect(found).toHaveLength(1);
  expect(found[0].cell).toBe("E2");
  expect(found[0].message).toContain("本表120个定量指标值");
});
