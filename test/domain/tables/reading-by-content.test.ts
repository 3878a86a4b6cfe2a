/**
 * Recognition by content, with doubt (issue 21 item 3): the header words propose, the cells decide. Each rule with
 * variants of our own (layouts seen in real tables, values invented here).
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { matchIndicatorField, normalizeHeader } from "../../../src/domain/tables/synonyms";
import { canonicalName } from "../../../src/domain/tables/category";
import { CLASSIC_HIERARCHY, COST_LEVEL1_HIERARCHY } from "../../../src/domain/profiles/common";
import { readCategoryLabel } from "../../../src/domain/tables/labels";

type Row = CellValue[];
const grid = (values: Row[]) => ({ sheet: "表", top: 0, left: 0, values });
const table = (values: Row[]): IndicatorTable => {
  const t = recognizeSheet(grid(values)).tables[0];
  if (!t || t.kind === "budget-list") throw new Error("no indicator table");
  return t;
};
const codes = (values: Row[]) => checkWorkbook([grid(values)]).issues.map((i) => `${i.code}@${i.cell}`);

const BODY: Row[] = [
  ["产出指标", "数量指标", "新建道路里程", "≥12公里"],
  [null, null, "改造桥梁座数", "≥3座"],
  [null, "质量指标", "验收合格率", "≥98%"],
  [null, "时效指标", "完工时间", "2024年12月"],
  ["效益指标", "社会效益指标", "受益人口", "≥5000人"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
];

describe("header wordings read by their parts", () => {
  it.each([
    ["年初目标值", "target"],
    ["调整指标值", "target"],
    ["全年(程) 指标值", "target"],
    ["当年预期实现值", "target"],
    ["预期达到目标", "target"],
    ["区域目标值", "target"],
    ["全年完成值", "actual"],
    ["指标得分(分)", "score"],
    ["参考分值", "weight"],
    ["三级指标内容", "name"],
    ["指标说明及公式", "explain"],
    ["指标值类型", "sign"],
  ])("%s → %s", (header, field) => {
    expect(matchIndicatorField(normalizeHeader(header))?.field).toBe(field);
  });

  it("an explanation of the value is never the value (指标值说明, 绩效指标描述), and a budget amount is never a target", () => {
    expect(matchIndicatorField(normalizeHeader("指标值说明"))?.field).toBe("explain");
    expect(matchIndicatorField(normalizeHeader("绩效指标描述"))?.field).toBe("explain");
    expect(matchIndicatorField(normalizeHeader("年初预算数"))).toBeUndefined();
    expect(matchIndicatorField(normalizeHeader("得分系数"))).toBeUndefined();
  });
});

describe("several value columns under one header: the one that fits, the table's own year first, never an empty one", () => {
  const withTwo = (h1: string, h2: string, v1: (r: Row) => CellValue, v2: (r: Row) => CellValue): Row[] => [
    ["一级指标", "二级指标", "三级指标", h1, h2],
    ...BODY.map((r) => [...r.slice(0, 3), v1(r), v2(r)]),
  ];

  it("年初指标值 full, 调整指标值 empty: the full one", () => {
    expect(table(withTwo("年初指标值", "调整指标值", (r) => r[3], () => null)).columns.target).toBe(3);
  });

  it("年初指标值 and 调整指标值 both full: the adjusted one", () => {
    expect(table(withTwo("年初指标值", "调整指标值", (r) => r[3], (r) => r[3])).columns.target).toBe(4);
  });

  it("半年(程) and 全年(程) 指标值 both full: the whole year, wherever it stands", () => {
    expect(table(withTwo("全年(程) 指标值", "半年(程) 指标值", (r) => r[3], (r) => r[3])).columns.target).toBe(3);
    expect(table(withTwo("半年(程) 指标值", "全年(程) 指标值", (r) => r[3], (r) => r[3])).columns.target).toBe(4);
  });

  it("指标值 beside 指标值内容 that describes it: the values", () => {
    const t = table(withTwo("指标值内容", "指标值", (r) => `反映${String(r[2])}情况`, (r) => r[3]));
    expect(t.columns.target).toBe(4);
  });
});

describe("a value column empty throughout beside an unlabelled column full of values", () => {
  // 指标值 merged over two columns in the export: the header in D, every value in E.
  const values: Row[] = [["一级指标", "二级指标", "三级指标", "指标值", null], ...BODY.map((r) => [...r.slice(0, 3), null, r[3]])];

  it("reads the full column as the values (header words alone would read D)", () => {
    expect(table(values).columns.target).toBe(4);
  });

  it("gives no flood of 'value empty' findings, and does not call the filled form unfilled", () => {
    expect(codes(values).filter((c) => /missing-field|not-filled|partial-reading/.test(c))).toEqual([]);
  });
});

describe("一级/二级/三级 columns read by what they hold", () => {
  // 鄂州 family: the column headed 一级指标 holds 数量指标/质量指标, the one headed 二级指标 holds the names.
  const values: Row[] = [
    ["绩效指标", "一级指标", "二级指标", "绩效标准", "当年预期实现值"],
    [null, "数量指标", "道路养护里程", "反映养护规模", "≥120公里"],
    [null, null, "桥梁检测座数", "反映检测规模", "≥8座"],
    [null, "质量指标", "养护合格率", "反映养护质量", "≥95%"],
    [null, "时效指标", "养护完成时间", "反映进度", "2024年11月"],
    [null, "社会效益指标", "道路通行能力", "反映通行", "≥90%"],
  ];

  it("the header words' reading (二级 in B, names in C) gives way to the content's", () => {
    const t = table(values);
    expect(t.columns.level2).toBe(1);
    expect(t.columns.name).toBe(2);
    expect(t.columns.level1).toBeUndefined();
    expect(t.columns.target).toBe(4);
  });

  it("the table is checked, and no row is called an unknown category or a missing name", () => {
    const found = codes(values);
    expect(found.filter((c) => /not-recognized|unknown-category|missing-field|partial-reading/.test(c))).toEqual([]);
  });
});

describe("doubt: a column that gives the same finding on nearly every row is reported once, and the sheet is partial", () => {
  // The 一级 labels lost (vertical text dropped by a web page): the 二级 still say where each row belongs.
  const values: Row[] = [["一级指标", "二级指标", "三级指标", "指标值"], ...BODY.map((r) => [null, ...r.slice(1)])];

  it("one table.partial-reading at the 一级 header instead of a missing-field on every row", () => {
    const result = checkWorkbook([grid(values)]);
    const found = result.issues.map((i) => `${i.code}@${i.cell}`);
    expect(found.filter((c) => c.startsWith("indicator.missing-field"))).toEqual([]);
    expect(found.filter((c) => c.startsWith("table.partial-reading"))).toEqual(["table.partial-reading@A1"]);
    expect(result.sheets[0].status).toBe("partial");
    expect(result.sheets[0].reason).toMatch(/未能确定/);
  });

  it("a few empty cells in a column that is otherwise full are each reported", () => {
    const some = values.map((r, i) => (i === 2 || i === 4 ? [...r.slice(0, 3), null] : r));
    const withLevel1 = some.map((r, i) => (i === 0 ? r : [BODY[i - 1][0], ...r.slice(1)]));
    const found = codes(withLevel1).filter((c) => c.startsWith("indicator.missing-field"));
    expect(found).toEqual(["indicator.missing-field@D3", "indicator.missing-field@D5"]);
  });
});

describe("framework wordings provinces use", () => {
  const l1 = Object.keys(CLASSIC_HIERARCHY);
  const l2 = Object.values(COST_LEVEL1_HIERARCHY).flat();
  it.each([
    ["预期产出指标", l1, "产出指标"],
    ["效果指标", l1, "效益指标"],
    ["群众满意度 指标", l2, "服务对象满意度指标"],
    ["满意度指标", l2, "服务对象满意度指标"],
    ["社会效益效益指标", l2, "社会效益指标"],
    ["社会、经济、生态效益 指标", l2, "社会效益指标"],
    ["预算(或投资规模)控制指标", Object.keys(COST_LEVEL1_HIERARCHY), "成本指标"],
  ])("%s", (text, known, expected) => {
    expect(canonicalName(text, known)).toBe(expected);
  });

  it("a range of points in a label is a note, not the label's weight", () => {
    expect(readCategoryLabel("成本指标(0-20)分")).toMatchObject({ core: "成本指标" });
    expect(readCategoryLabel("产出指标 (40-50)分").points).toBeUndefined();
  });

  it("a department-wide scoring sheet (规划/执行, 管理指标) is an evaluation, not a target hierarchy with unknown categories", () => {
    const values: Row[] = [
      ["一级指标", "二级指标", "三级指标", "指标分值", "自评得分"],
      ["规划(15分)", "基础信息(3分)", "基础数据信息准确性", 3, 3],
      [null, "工作计划(6分)", "年度工作计划完整性", 6, 5],
      ["执行(35分)", "预算执行(18分)", "预算完成率", 10, 9],
      [null, null, "结转结余率", 8, 8],
    ];
    expect(table(values).kind).toBe("evaluation");
    const found = codes(values);
    expect(found.filter((c) => /unknown-category|missing-category/.test(c))).toEqual([]);
  });
});

describe("layouts that are not omissions", () => {
  it("a row with its own total followed by its 其中 parts: the parts carry no 分值 by layout", () => {
    const values: Row[] = [
      ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
      ["产出指标(50分)", "数量指标", "★补助种植面积", 20, "29.5亩", "29.5亩", 20],
      [null, null, "其中桃树种植面积", null, "1.5亩", "1.5亩", null],
      [null, null, "其中露天蔬菜", null, "20亩", "20亩", null],
      [null, null, "其中大棚蔬菜", null, "8亩", "8亩", null],
      [null, "质量指标", "验收合格率", 30, "≥95%", "100%", 30],
    ];
    expect(codes(values).filter((c) => /zero-weight|missing-actual|missing-field/.test(c))).toEqual([]);
  });

  it("a flat list with no 一级/二级 columns has unwritten categories, not missing ones", () => {
    const values: Row[] = [
      ["指标名称", "计量单位", "指标性质", "年初指标值", "全年完成值", "指标权重(分)", "指标得分(分)"],
      ["财政供养人员控制率", "%", "定量指标", "100%", "100%", 2, 2],
      ["预算完成率", "%", "定量指标", "90%", "96%", 2, 2],
      ["政府采购执行率", "%", "定量指标", "100%", "100%", 2, 2],
    ];
    expect(codes(values).filter((c) => c.startsWith("project.missing-category"))).toEqual([]);
  });

  it("a satisfaction indicator filed under 质量 is said once, as misfiled, not also as no 满意度 at all", () => {
    const values: Row[] = [["一级指标", "二级指标", "三级指标", "指标值"], ...BODY.slice(0, 5), ["产出指标", "质量指标", "资助对象满意度", "≥90%"]];
    const found = checkWorkbook([grid(values)]).issues;
    expect(found.filter((i) => i.code === "project.missing-category" && /满意度/.test(i.message))).toEqual([]);
    expect(found.filter((i) => i.code === "indicator.unknown-category").map((i) => i.cell)).toEqual(["C7"]);
  });
});

describe("what a sheet is", () => {
  it("a department score sheet (部门决策/综合管理) with every 得分 empty is not filled in, never ready", () => {
    const values: Row[] = [
      ["一级指标", "二级指标", "三级指标", "得分"],
      ["部门决策(25分)", "目标任务(15分)", "相关性(5分)", null],
      [null, null, "明确性(5分)", null],
      ["综合管理(30分)", "绩效监控(5分)", "预算执行进度监控(2分)", null],
      [null, null, "绩效目标动态监控(3分)", null],
    ];
    const result = checkWorkbook([grid(values)]);
    expect(result.issues.map((i) => i.code)).toContain("table.not-filled");
    expect(result.sheets[0].status).toBe("not-filled");
  });

  it("a fund allocation list (乡镇名称, 项目名称, 金额) is a list of projects, checked, not 'nothing recognized'", () => {
    const values: Row[] = [
      ["2022年水利专项资金安排表", null, null, null],
      ["序号", "乡镇名称", "项 目 名 称", "金额"],
      ["1", "西坪镇", "排洪排水工程建设", "20"],
      ["2", "桃舟乡", "水圳修复", "15"],
    ];
    const result = checkWorkbook([grid(values)]);
    expect(result.issues.map((i) => i.code)).not.toContain("table.not-recognized");
    expect(result.recognitions[0].tables[0]?.kind).toBe("budget-list");
  });
});

describe("header rows and the next form are never indicators", () => {
  it("a row naming the parts of the 指标值 column (区域目标值 over the regions) is a header row", () => {
    const values: Row[] = [
      ["一级指标", "二级指标", "三级指标", "区域目标值", null, null],
      [null, null, null, "新罗区", "永定区", "上杭县"],
      ["产出指标", "数量指标", "补助县(市、区)数量", "2个", "3个", "1个"],
      [null, "质量指标", "资金使用合规性", "≥95%", "≥95%", "≥95%"],
      ["效益指标", "社会效益指标", "场所规范化水平", "≥90%", "≥90%", "≥90%"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%", "≥90%"],
    ];
    expect(table(values).headerRows).toBe(2);
    expect(codes(values).filter((c) => c.endsWith("@A2") || c.endsWith("@B2") || c.endsWith("@C2"))).toEqual([]);
  });

  it("forms stacked on one sheet: the next form's unit line and fields end the first form's indicators", () => {
    const form = (name: string): Row[] => [
      ["某区人民法院", "单位:万元", null, null],
      ["项目名称", name, null, null],
      ["预算规模及资金用途", "预算数", "24.00", null],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...BODY,
    ];
    const values = [...form("办案业务费"), ...form("信息化运维费")];
    const found = codes(values);
    expect(found.filter((c) => /unknown-category|missing-unit/.test(c))).toEqual([]);
    expect(recognizeSheet(grid(values)).tables).toHaveLength(2);
  });
});

describe("a list whose project columns are labelled one row above the indicator fields", () => {
  // 单位代码 | 单位(专项)名称 | 资金总额 over blank cells, 绩效指标 over 一级…指标值类型 (a province's 公开 export).
  const head: Row[] = [
    ["单位代码", "单位(专项)名称", "资金总额", "绩效指标", null, null, null, null, null],
    [null, null, null, "一级指标", "二级指标", "三级指标", "指标值", "度量单位", "指标值类型"],
  ];
  const rows = (code: CellValue): Row[] => [
    ...head,
    [code, "某县特殊教育学校", 30, null, null, null, null, null, null],
    [code, "学生伙食补助", 30, "成本指标", "经济成本指标", "学生补助标准", "17元/人.每天", "-", "定量"],
    [null, null, null, "产出指标", "数量指标", "补助学生数量", "168", "-", "定量"],
    [null, null, null, null, "质量指标", "补助发放率", "≥95%", "%", "定量"],
    [null, null, null, "效益指标", "社会效益指标", "家庭负担", "有所减轻", "-", "定性"],
    [null, null, null, "满意度指标", "服务对象满意度指标", "学生满意度", "≥95%", "%", "定量"],
  ];

  it("reads every indicator row, the unit's code in the first column not taken for a note that ends the body", () => {
    for (const code of [505006, "505006", "A-01"]) {
      const t = table(rows(code));
      expect(t.layout).toBe("list");
      expect(t.projects.flatMap((p) => p.indicators).filter((r) => r.name).length).toBe(5);
    }
  });

  it("checks what it read: a bare count with 度量单位 '-', a vague benefit, a cost with no sign where the column only says 定量", () => {
    const found = codes(rows(505006));
    expect(found).toEqual(expect.arrayContaining(["indicator.missing-unit@H5", "indicator.vague@G7", "indicator.cost-direction@G4"]));
    expect(found.some((c) => c.startsWith("table.not-filled"))).toBe(false);
  });

  it("a label above a filled header cell, or a word that is no project field, does not make a list", () => {
    const other = [["说明", "资金总额", null, "绩效指标", null, null, null, null, null], head[1], ...rows(1).slice(3)];
    expect(table(other).layout).toBe("form");
  });
});

describe("required-field marks and the 指标值类型 column", () => {
  const form = (target: string, mark: string): Row[] => [
    ["一级指标", "二级指标", "三级指标", "指标值类型", `${mark}指标值`, "计量单位", `${mark}指标解释`],
    ["产出指标", "数量指标", "培训人次", "定量", "≥200", "人次", "参训人数"],
    [null, "时效指标", "完成时间", "定量", target, null, "按期完成"],
    [null, "质量指标", "合格率", "定量", "≥95", "%", "合格率"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "定量", "≥90", "%", "问卷"],
  ];

  it.each(["*", "＊", "★", "※"])("a header marked %s as required is still the 指标值 column", (mark) => {
    expect(table(form("2024年12月", mark)).columns.target).toBe(4);
    expect(matchIndicatorField(normalizeHeader(`${mark}指標解釋`))?.field).toBe("explain");
  });

  it("a 定量 row whose value has no figure is said; a date under 定量, or a 定性 row in words, is not", () => {
    expect(codes(form("按月安排", "*"))).toContain("indicator.not-numeric@E3");
    expect(codes(form("2024年12月", "*")).filter((c) => c.startsWith("indicator.not-numeric"))).toEqual([]);
    const qual = form("按月安排", "*").map((r, i) => (i === 2 ? r.map((v, c) => (c === 3 ? "定性" : v)) : r));
    expect(codes(qual).filter((c) => c.startsWith("indicator.not-numeric"))).toEqual([]);
  });

  it("a value in 万元 beside a 计量单位 of % is a unit mismatch", () => {
    const rows = form("2024年12月", "*");
    rows[1] = ["产出指标", "数量指标", "业务经费安排", "定量", "28.8万元", "%", "安排金额"];
    expect(codes(rows)).toContain("indicator.unit-mismatch@E2");
  });
});

describe("a 分值 column read by its content under a garbled header", () => {
  const rows = (header: string, weights: CellValue[]): Row[] => [
    ["一级指标", "二级指标", "三级指标", header, "指标值", "实际完成值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "保障人数", weights[0], "2370人", "2370人", 10, null],
    [null, "质量指标", "经费标准", weights[1], "符合文件要求", "符合文件要求", 5, null],
    [null, "时效指标", "完成时间", weights[2], "2021年12月", "2021年12月", 4, null],
    ["效益指标", "社会效益指标", "办学条件", weights[3], "改善", "改善", 13, null],
    ["满意度指标", "服务对象满意度指标", "学生满意度", weights[4], "≥90%", "95%", 10, null],
  ];

  it("numbers at least each row's score under a header that speaks of points are the 分值", () => {
    for (const header of ["考值参分", "分 值", "参考分值(分)", "权 重"]) {
      expect(table(rows(header, [10, 5, 5, 15, 10])).columns.weight).toBe(3);
    }
    // and then a score below its weight with no reason is said
    expect(codes(rows("考值参分", [10, 5, 5, 15, 10]))).toEqual(expect.arrayContaining(["score.missing-reason@H4", "score.missing-reason@H5"]));
  });

  it("not when a score is above the number, nor under a header that does not speak of points", () => {
    expect(table(rows("考值参分", [10, 5, 3, 15, 10])).columns.weight).toBeUndefined();
    expect(table(rows("序号", [10, 5, 5, 15, 10])).columns.weight).toBeUndefined();
  });
});

describe("the tree layout: one column for the three levels, told apart by content", () => {
  const tree = (indent: (depth: number) => string): Row[] => [
    ["某市2024年项目绩效目标批复表", null, null],
    ["单位:元", null, null],
    ["项目", "指标值", "绩效金额"],
    [`${indent(0)}某市农业农村局`, null, null],
    [`${indent(1)}高标准农田建设`, null, 5000000],
    [`${indent(2)}产出指标`, null, null],
    [`${indent(3)}数量指标(必填)`, null, null],
    [`${indent(4)}新建高标准农田面积`, "≥1000亩", null],
    [`${indent(3)}成本指标`, null, null],
    [`${indent(4)}亩均建设成本`, "≤3000元/亩", null],
    [`${indent(2)}效益指标`, null, null],
    [`${indent(3)}社会效益指标`, null, null],
    [`${indent(4)}改善农业生产条件`, "≥95%", null],
    [`${indent(4)}新建高标准农田面积`, "≥1000亩", null],
    [`${indent(2)}满意度指标`, null, null],
    [`${indent(3)}服务对象满意度指标`, null, null],
    [`${indent(4)}农户满意度`, "≥90%", null],
  ];
  const spaces = (d: number) => " ".repeat(d);

  it.each([
    ["indented with spaces", spaces],
    ["indented with full-width spaces", (d: number) => "\u3000".repeat(d)],
    ["not indented", () => ""],
  ])("%s: every indicator row under its 一级 and 二级, the label rows none", (_, indent) => {
    const t = table(tree(indent));
    const rows = t.projects.flatMap((p) => p.indicators);
    expect(rows.map((r) => r.name?.text.trim())).toEqual(["新建高标准农田面积", "亩均建设成本", "改善农业生产条件", "新建高标准农田面积", "农户满意度"]);
    const found = codes(tree(indent));
    expect(found).toEqual(expect.arrayContaining(["indicator.duplicate@A14", "indicator.vague@B13"]));
    expect(found.filter((c) => /missing-field|unknown-category|missing-category|not-recognized/.test(c))).toEqual([]);
  });

  it("a sheet whose one column holds a few category words but no value beside the rows is not a tree", () => {
    const notes: Row[] = [
      ["说明", "指标值", null],
      ["产出指标", null, null],
      ["效益指标", null, null],
      ["数量指标", null, null],
      ["质量指标", null, null],
      ["按要求填报", null, null],
      ["另附说明", null, null],
      ["见附件", null, null],
    ];
    expect(recognizeSheet(grid(notes)).tables.filter((t) => t.kind !== "budget-list")).toEqual([]);
  });
});

describe("一级 labels written in the middle of their block", () => {
  const moved: Row[] = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [null, "数量指标", "新建道路里程", "≥12公里"],
    ["产出指标", null, "改造桥梁座数", "≥3座"],
    [null, "质量指标", "验收合格率", "≥98%"],
    [null, "社会效益指标", "受益人口", "≥5000人"],
    ["效益指标", "可持续影响指标", "道路使用年限", "≥15年"],
    [null, null, "管护制度健全率", "100%"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ];
  const level1s = (values: Row[]) => {
    const t = table(values);
    const p = t.projects[0];
    return p.indicators.map((r) => r.level1?.text ?? "");
  };

  it("the rows above a label written low belong to it when their 二级 says so, and nothing is missing or misfiled", () => {
    expect(level1s(moved)).toEqual(["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标", "满意度指标"]);
    expect(codes(moved).filter((c) => /missing-field|unknown-category|missing-category/.test(c))).toEqual([]);
  });

  it("a 二级 misfiled at the end of a block, followed by one of its own block, stays misfiled", () => {
    const misfiled: Row[] = [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "新建道路里程", "≥12公里"],
      [null, "经济效益指标", "带动增收", "≥50万元"],
      [null, "时效指标", "完工时间", "2024年12月"],
      ["效益指标", "社会效益指标", "受益人口", "≥5000人"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ];
    expect(level1s(misfiled).slice(0, 3)).toEqual(["产出指标", "产出指标", "产出指标"]);
  });
});

describe("allocation lists by place (资金分配表)", () => {
  it.each([
    [["乡镇", "补助经费(万元)", "备注"], [["龙涓镇", 5, null], ["长卿镇", 1.5, null], ["龙门镇", 2, null]]],
    [["村名", "金额", "列支科目", "备注"], [["林畲镇林畲村", 50, "2110302-水体", null], ["林畲镇石下村", 110, "2110302-水体", null], ["李家乡鲜水村", 89.424, "2110302-水体", null]]],
    [["序号", "镇、村", "项目名称", "项目内容", "资金投入(万元)", "补助金额(万元)"], [[1, "东岭镇彭城村", "道路改造建设", "全长约550米", 40, 10], ["合计", null, null, null, null, 10]]],
  ] as [Row, Row[]][])("%j is a list of funds, checked and ready", (header, body) => {
    const values: Row[] = [["附件1"], ["2025年某县补助资金分配表"], header, ...body];
    const r = checkWorkbook([grid(values)]);
    expect(r.recognitions[0].tables.map((t) => t.kind)).toEqual(["budget-list"]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("a header of only a place and an amount (县(市、区) | 合计 | the batch's title) over a second header row: the places' lines are read (108)", () => {
    const values: Row[] = [
      ["附件1", null, null, null, null],
      ["2024年市级乡村振兴专项资金分配表", null, null, null, null],
      ["县(市、区)", "合计", "第一批整镇推进创建乡镇奖补", null, null],
      [null, null, "镇(乡)", "乡镇类型", "补助资金(万元)"],
      ["泉港区", 100, "前黄镇", "工贸带动型", 50],
      [null, null, "峰尾镇", "城乡融合型", 50],
      ["惠安县", 200, "辋川镇", "农业生态型", 50],
      [null, null, "山霞镇", "工贸带动型", 50],
    ];
    const r = checkWorkbook([grid(values)]);
    expect(r.recognitions[0].tables.map((t) => t.kind)).toEqual(["budget-list"]);
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-recognized");
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("two header words on a row with two other texts beside them head no list", () => {
    const values: Row[] = [["乡镇", "补助经费(万元)", "按人数分配", "见附件"], ["龙涓镇", 5, null, null], ["长卿镇", 1.5, null, null], ["龙门镇", 2, null, null]];
    expect(recognizeSheet(grid(values)).tables).toEqual([]);
  });

  it("a place and an amount as a form's label row, with no figures under them, is no list", () => {
    const values: Row[] = [["乡镇", "补助经费(万元)", "备注"], ["说明：按实际人数分配", null, null], ["填表人", null, null]];
    expect(recognizeSheet(grid(values)).tables).toEqual([]);
  });
});

describe("a score sheet's header split over two rows, neither a header alone", () => {
  const sheet = (bonusRule: string): Row[] => [
    ["2021年度某项目绩效评价自评表"],
    ["序号", "一级指标", "二级指标", "三级指标", "指标说明", "指标", "县级", "市级"],
    [null, null, null, null, null, "分值", "评分", "评分"],
    [1, "决策(10)", "项目立项", "民主议事", "记录完整得4分", 4, 4, null],
    [2, null, null, "申报审批", "审批文件齐全得4分", 4, 4, null],
    [3, null, "资金投入", "资金整合", "整合涉农资金的得2分", 2, 0, null],
    [4, "过程(10)", "组织实施", "工作安排", bonusRule, 1, 2, null],
    [5, null, null, "项目管理", "制度健全得9分", 9, 9, null],
  ];

  it("reads 指标+分值 as the weight and the first 评分 as the score, the lower row as no indicator", () => {
    const t = table(sheet("纳入重点工作得1分;有批示的一个加1分,最多加2分"));
    expect(t.headerRows).toBe(2);
    expect([t.columns.weight, t.columns.score]).toEqual([5, 6]);
    expect(t.projects[0].indicators.length).toBe(5);
  });

  it("a score above the weight that the row's own rule allows (加1分, 最多加2分) is not said; one it does not allow is", () => {
    expect(codes(sheet("纳入重点工作得1分;有批示的一个加1分,最多加2分")).filter((c) => c.startsWith("score.exceeds-weight"))).toEqual([]);
    expect(codes(sheet("纳入重点工作得1分"))).toContain("score.exceeds-weight@G7");
  });

  it("a point not given on a score sheet with no reason column is its scoring, not a missing reason", () => {
    expect(codes(sheet("纳入重点工作得1分")).filter((c) => c.startsWith("score.missing-reason"))).toEqual([]);
  });
});

describe("a blank 一级 in a table that writes its 一级 on every row", () => {
  it("is missing, not a label written lower (the row below repeats its label)", () => {
    const values: Row[] = [
      ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值"],
      [null, "数量指标", "培训人次", "≥500", "人次", 20],
      ["产出指标", "质量指标", "培训合格率", "≥95%", "%", 20],
      ["产出指标", "时效指标", "培训按时完成率", "100%", "%", 10],
      ["效益指标", "社会效益指标", "技能提升率", "≥90%", "%", 30],
      ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "%", 20],
    ];
    expect(codes(values)).toContain("indicator.missing-field@A2");
  });
});
