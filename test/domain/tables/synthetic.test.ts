/** Table recognition on hand-built grids: header variants, layouts, budget lists, several tables, no tables. */
import { recognizeSheet, recognizeWorkbook } from "../../../src/domain/tables/recognize";
import type { Area, CellValue, Grid } from "../../../src/domain/grid";
import type { BudgetListTable, IndicatorTable, SheetRecognition } from "../../../src/domain/tables/model";

const _ = null;

function grid(values: CellValue[][], extra: Partial<Grid> = {}): Grid {
  return { sheet: "Sheet1", top: 0, left: 0, values, ...extra };
}

function indicatorTables(rec: SheetRecognition): IndicatorTable[] {
  return rec.tables.filter((t): t is IndicatorTable => t.kind !== "budget-list");
}

function budgetLists(rec: SheetRecognition): BudgetListTable[] {
  return rec.tables.filter((t): t is BudgetListTable => t.kind === "budget-list");
}

function one(rec: SheetRecognition): IndicatorTable {
  const ts = indicatorTables(rec);
  expect(ts).toHaveLength(1);
  return ts[0];
}

describe("two-row headers", () => {
  const rows: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", _, _, "实际完成值", "分值", "得分"],
    [_, _, _, "指标性质", "指标值", "度量单位", _, _, _],
    ["产出指标", "数量指标", "新建道路", "≥", 10, "公里", 10.5, 20, 20],
    [_, _, "新建桥梁", "≥", 2, "座", 2, 20, 20],
    [_, "质量指标", "验收合格率", "=", 100, "%", "100%", 10, 10],
    ["效益指标", "社会效益指标", "受益人口", "≥", 5000, "人", 5200, 30, 30],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", "95%", 10, 10],
  ];
  const merges: Area[] = [
    { top: 0, left: 0, bottom: 1, right: 0 },
    { top: 0, left: 1, bottom: 1, right: 1 },
    { top: 0, left: 2, bottom: 1, right: 2 },
    { top: 0, left: 3, bottom: 0, right: 5 },
    { top: 0, left: 6, bottom: 1, right: 6 },
    { top: 0, left: 7, bottom: 1, right: 7 },
    { top: 0, left: 8, bottom: 1, right: 8 },
    { top: 2, left: 0, bottom: 4, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
  ];

  it("uses the merges: 年度指标值 over 指标性质/指标值/度量单位", () => {
    const t = one(recognizeSheet(grid(rows, { merges })));
    expect(t.headerRows).toBe(2);
    expect(t.columns).toEqual({ level1: 0, level2: 1, name: 2, sign: 3, target: 4, unit: 5, actual: 6, weight: 7, score: 8 });
    expect(t.kind).toBe("self-evaluation");
    const p = t.projects[0];
    expect(p.indicators).toHaveLength(5);
    expect(p.indicators[1].level1?.text).toBe("产出指标");
    expect(p.indicators[1].level1?.filled).toBe(true);
    expect(p.indicators[1].level1?.address).toBe("A4");
    expect(p.indicators[1].level2?.text).toBe("数量指标");
    expect(p.indicators[2].level2?.text).toBe("质量指标");
    expect(p.indicators[2].level2?.filled).toBeUndefined();
    expect(p.indicators[0].target?.value).toBe(10);
    expect(p.indicators[0].unit?.text).toBe("公里");
  });

  it("also works without merges (blank cells above the sub-labels)", () => {
    const t = one(recognizeSheet(grid(rows)));
    expect(t.headerRows).toBe(2);
    expect(t.columns.sign).toBe(3);
    expect(t.columns.target).toBe(4);
    expect(t.columns.unit).toBe(5);
    expect(t.projects[0].indicators).toHaveLength(5);
  });

  it("does not take a data row for a second header row", () => {
    const t = one(
      recognizeSheet(
        grid([
          ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
          ["产出指标", "数量指标", "得分", "≥1个", 10],
        ]),
      ),
    );
    expect(t.headerRows).toBe(1);
    expect(t.projects[0].indicators).toHaveLength(1);
  });
});

describe("spaced, line-broken and full-width headers", () => {
  it("matches 一 级 指 标 / 年度\\n指标值（Ａ） / 分　值 and reads （５０分） subtotals", () => {
    const rec = recognizeSheet(
      grid([
        ["绩效指标", "一 级 指 标", "二级\n指标", "三 级 指 标", "年度\n指标值（Ａ）", "实际\n完成值（Ｂ）", "分　值", "得 分"],
        [_, "产 出 指 标（５０分）", "数量指标", "培训人次", "≥１００人次", "120人次", "５０", "５０"],
        [_, "效益指标（３０分）", "社会效益指标", "就业率", "≥80%", "85%", "30", "30"],
        [_, "（１０分）", "服务对象满意度指标", "满意度", "≥90%", "92%", "10", "10"],
        ["总 分", _, _, _, _, _, "90", "90"],
      ]),
    );
    const t = one(rec);
    expect(t.columns).toEqual({ level1: 1, level2: 2, name: 3, target: 4, actual: 5, weight: 6, score: 7 });
    const p = t.projects[0];
    expect(p.indicators.map((r) => r.weightNumber)).toEqual([50, 30, 10]);
    expect(p.indicators.map((r) => r.scoreNumber)).toEqual([50, 30, 10]);
    expect(p.subtotals.map((s) => [s.level1, s.points])).toEqual([
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10],
    ]);
    expect(p.indicators[0].level1?.text).toBe("产 出 指 标(50分)");
    expect(p.total?.label.text).toBe("总 分");
    expect(p.total?.weight?.text).toBe("90");
    expect(p.indicatorBlockPoints).toBeUndefined();
  });
});

describe("list layout", () => {
  const rows: CellValue[][] = [
    ["项目编码", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值"],
    ["P001", "道路建设", "交通局", "产出指标", "数量指标", "新建道路", "≥10", "公里", 20],
    [_, _, _, _, _, "新建桥梁", "≥2", "座", 20],
    [_, _, _, "效益指标", "社会效益指标", "受益人口", "≥5000", "人", 50],
    ["P002", "农村饮水", "水利局", "产出指标", "数量指标", "新建水厂", "≥1", "座", 50],
    [_, _, _, "满意度指标", "服务对象满意度指标", "满意度", "≥90", "%", 40],
    ["P003", "校舍维修", _, _, "质量指标", "验收合格率", "100", "%", 60],
    [_, _, _, _, _, "指标2:", _, _, _],
  ];

  it("groups rows into 3 projects with code/name fill-down", () => {
    const t = one(recognizeSheet(grid(rows)));
    expect(t.layout).toBe("list");
    expect(t.kind).toBe("target");
    expect(t.projects.map((p) => [p.key, p.indicators.length])).toEqual([
      ["P001", 3],
      ["P002", 2],
      ["P003", 1],
    ]);
    const p1 = t.projects[0];
    expect(p1.info.code?.text).toBe("P001");
    expect(p1.info.name?.text).toBe("道路建设");
    expect(p1.info.department?.text).toBe("交通局");
    expect(p1.indicators[1].level1?.text).toBe("产出指标");
    expect(p1.indicators[1].level1?.filled).toBe(true);
    expect(p1.funds).toBeUndefined();
  });

  it("does not carry 一级 from one project into the next; P003 inherits the department by fill-down", () => {
    const t = one(recognizeSheet(grid(rows)));
    const p3 = t.projects[2];
    expect(p3.indicators[0].level1?.text).toBe("");
    expect(p3.indicators[0].category).toBe("产出指标");
    expect(p3.info.department?.text).toBe("水利局");
    expect(p3.info.department?.filled).toBe(true);
    expect(p3.placeholders).toHaveLength(1);
    expect(p3.placeholders[0].name?.text).toBe("指标2:");
  });

  it("joins non-contiguous rows of the same project", () => {
    const t = one(
      recognizeSheet(
        grid([
          ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "分值"],
          ["甲", "产出指标", "数量指标", "a", "1", 10],
          ["乙", "产出指标", "数量指标", "b", "1", 10],
          ["甲", "效益指标", "社会效益指标", "c", "1", 10],
        ]),
      ),
    );
    expect(t.projects.map((p) => [p.key, p.indicators.map((r) => r.name?.text).join("")])).toEqual([
      ["甲", "ac"],
      ["乙", "b"],
    ]);
  });
});

describe("budget lists", () => {
  it("reads a list in 元 (title 单位：元) and skips the 合计 row", () => {
    const rec = recognizeSheet(
      grid([
        ["2024年预算项目清单", _, _, _, _, _],
        [_, _, _, _, _, "单位：元"],
        ["项目编码", "项目名称", "预算单位", "预算类型", "是否涉密", "预算金额"],
        ["001", "道路养护", "交通局", "一般公共预算", "否", 1200000],
        ["002", "防汛物资", "水利局", "政府性基金预算", "否", 300000],
        ["003", "保密项目", "某局", "一般公共预算", "是", 50000],
        ["合计", _, _, _, _, 1550000],
      ]),
    );
    expect(rec.unrecognized).toBeUndefined();
    const [b] = budgetLists(rec);
    expect(b.amountUnit).toBe("元");
    expect(b.columns).toEqual({ code: 0, name: 1, budgetUnit: 2, budgetType: 3, secret: 4, amount: 5 });
    expect(b.lines).toHaveLength(3);
    expect(b.lines.map((l) => l.code?.text)).toEqual(["001", "002", "003"]);
    expect(b.lines[2].secret?.text).toBe("是");
    expect(b.lines[0].amount?.value).toBe(1200000);
    expect(b.lines[0].amount?.address).toBe("F4");
    expect(b.range).toBe("A1:F7");
  });

  it("reads a list in 万元 from the header, with 小计 rows and merged departments", () => {
    const rec = recognizeSheet(
      grid(
        [
          ["主管部门", "项目代码", "项目名称", "支出类型", "金额（万元）", "资金来源"],
          ["教育局", "A1", "营养餐", "项目支出", 100, "本级"],
          [_, "A2", "助学金", "项目支出", 50.5, "上级转移支付"],
          ["小计", _, _, _, 150.5, _],
          ["卫健委", "B1", "人员工资", "基本支出", 80, "本级"],
        ],
        { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] },
      ),
    );
    const [b] = budgetLists(rec);
    expect(b.amountUnit).toBe("万元");
    expect(b.columns).toEqual({ department: 0, code: 1, name: 2, expenseType: 3, amount: 4, fundSource: 5 });
    expect(b.lines.map((l) => [l.code?.text, l.department?.text, l.amount?.text])).toEqual([
      ["A1", "教育局", "100"],
      ["A2", "教育局", "50.5"],
      ["B1", "卫健委", "80"],
    ]);
    expect(b.lines[1].department?.filled).toBe(true);
    expect(b.lines[1].department?.address).toBe("A3");
    expect(b.lines[1].department?.from).toBe("A2");
  });

  it("defaults to 万元 and keeps notes beside the list out of its range", () => {
    const rec = recognizeSheet(
      grid([
        ["项目编码", "项目名称", "单位名称", "申报金额", "核定金额", _, "说明：本表由预算系统导出"],
        ["X1", "项目一", "甲单位", 10, 8, _, "金额以核定数为准"],
        ["X2", "项目二", "乙单位", 20, 20, _, _],
      ]),
    );
    const [b] = budgetLists(rec);
    expect(b.amountUnit).toBe("万元");
    expect(b.columns).toEqual({ code: 0, name: 1, budgetUnit: 2, declared: 3, approved: 4 });
    expect(b.range).toBe("A1:E3");
    expect(b.lines).toHaveLength(2);
    expect(rec.tables).toHaveLength(1);
  });
});

describe("several tables on one sheet", () => {
  const form = (name: string, weight: number): CellValue[][] => [
    ["项目支出绩效自评表", _, _, _, _, _, _, _],
    ["项目名称", name, _, _, "实施单位", "某局", _, _],
    ["项目资金（万元）", _, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [_, "年度资金总额", 100, 100, 90, 10, "90%", 9],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    [_, "产出指标", "数量指标", "指标A", "≥1", "1", weight, weight],
    [_, "效益指标", "社会效益指标", "指标B", "≥1", "1", 90 - weight, 90 - weight],
    ["总分", _, _, _, _, _, 100, 99],
    ["自评等级", "优", _, _, _, _, _, _],
  ];

  it("recognizes two stacked forms with their own fields, funds, totals and grades", () => {
    const rows = [...form("项目一", 50), [_], [_], ...form("项目二", 40)];
    const rec = recognizeSheet(grid(rows));
    const ts = indicatorTables(rec);
    expect(ts).toHaveLength(2);
    expect(ts.map((t) => t.range)).toEqual(["A1:H9", "A12:H20"]);
    expect(ts.map((t) => t.projects[0].info.name?.text)).toEqual(["项目一", "项目二"]);
    expect(ts.map((t) => t.projects[0].indicators.map((r) => r.weightNumber))).toEqual([
      [50, 40],
      [40, 50],
    ]);
    for (const t of ts) {
      const p = t.projects[0];
      expect(p.funds?.rows).toHaveLength(1);
      expect(p.total?.score?.text).toBe("99");
      expect(p.grade?.text).toBe("优");
    }
    expect(ts[1].projects[0].grade?.address).toBe("B20");
    expect(ts[1].projects[0].funds?.rows[0].spent?.address).toBe("E15");
  });

  it("recognizes an indicator table and a budget list on the same sheet", () => {
    const rec = recognizeSheet(
      grid([
        ["项目编码", "项目名称", "预算单位", "金额"],
        ["1", "甲", "A", 10],
        [_],
        [_],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "x", "1个"],
      ]),
    );
    expect(rec.tables.map((t) => t.kind)).toEqual(["budget-list", "target"]);
    expect(rec.tables.map((t) => t.range)).toEqual(["A1:D2", "A5:D6"]);
  });
});

describe("kinds, frameworks, placeholders", () => {
  it("classifies a 决策/过程/产出/效益 sheet as evaluation", () => {
    const t = one(
      recognizeSheet(
        grid([
          ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"],
          ["决策", "项目立项", "立项依据充分性", 5, "…", 5],
          ["过程", "资金管理", "资金到位率", 5, "…", 4],
          ["产出", "产出数量", "实际完成率", 20, "…", 20],
          ["效益", "项目效益", "社会效益", 20, "…", 18],
        ]),
      ),
    );
    expect(t.kind).toBe("evaluation");
    expect(t.columns.explain).toBe(4);
  });

  it("detects 成本指标 as a 一级 (cost-level1)", () => {
    const t = one(
      recognizeSheet(
        grid([
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "a", "1"],
          ["成本指标", "经济成本指标", "b", "≤10万元"],
        ]),
      ),
    );
    expect(t.framework).toBe("cost-level1");
    expect(t.projects[0].indicators[1].category).toBe("成本指标");
  });

  it("keeps placeholder rows that carry a score in indicators, flagged; '/' weights are not applicable", () => {
    const t = one(
      recognizeSheet(
        grid([
          ["一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"],
          ["产出指标", "数量指标", "a", "1", 10, 10],
          [_, _, "……", _, 10, 10],
          [_, _, "XX", _, _, _],
          [_, "生态效益指标", "指标1:", _, "/", "/"],
          [_, _, _, "≥5", 10, _],
        ]),
      ),
    );
    const p = t.projects[0];
    expect(p.indicators.map((r) => [r.name?.text, r.placeholder])).toEqual([
      ["a", false],
      ["……", true],
      ["", false],
    ]);
    expect(p.placeholders.map((r) => r.name?.text)).toEqual(["……", "XX", "指标1:"]);
    expect(p.placeholders[2].notApplicable).toBe(true);
  });

  it("keeps absolute addresses for a grid that starts at C5", () => {
    const t = one(
      recognizeSheet(
        grid(
          [
            ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
            ["产出指标", "数量指标", "a", "1", 10],
            [_, _, "b", "2", 10],
          ],
          { top: 4, left: 2 },
        ),
      ),
    );
    expect(t.headerRow).toBe(4);
    expect(t.columns.level1).toBe(2);
    expect(t.range).toBe("C5:G7");
    const b = t.projects[0].indicators[1];
    expect(b.row).toBe(6);
    expect(b.name?.address).toBe("E7");
    expect(b.level1?.address).toBe("C7");
    expect(b.level1?.from).toBe("C6");
  });
});

describe("header edge cases", () => {
  it("a 序号 column left of 一级指标 is not a label zone", () => {
    const t = one(
      recognizeSheet(
        grid([
          ["序号", "一级指标", "二级指标", "三级指标", "指标值", "分值"],
          [1, "产出指标", "数量指标", "a", "1", 10],
          [2, _, _, "b", "2", 10],
          [3, "效益指标", "社会效益指标", "c", "3", 10],
        ]),
      ),
    );
    expect(t.projects[0].indicators).toHaveLength(3);
    expect(t.range).toBe("A1:F4");
  });

  it("评价指标 merged over 一级/二级/三级 in a two-row evaluation header", () => {
    const t = one(
      recognizeSheet(
        grid(
          [
            ["评价指标", _, _, "分值", "评分标准", "得分"],
            ["一级指标", "二级指标", "三级指标", _, _, _],
            ["决策", "项目立项", "立项依据充分性", 5, "…", 5],
            ["过程", "资金管理", "资金到位率", 5, "…", 4],
          ],
          { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 0, left: 3, bottom: 1, right: 3 }] },
        ),
      ),
    );
    expect(t.headerRows).toBe(2);
    expect(t.columns).toEqual({ level1: 0, level2: 1, name: 2, weight: 3, explain: 4, score: 5 });
    expect(t.kind).toBe("evaluation");
    expect(t.projects[0].indicators).toHaveLength(2);
  });

  it("a form row of label → value pairs is not a budget list header", () => {
    const rec = recognizeSheet(
      grid([
        ["项目名称", "道路养护", "项目编码", "001", "预算金额", 120],
        ["主管部门", "交通局", "实施单位", "公路段", _, _],
      ]),
    );
    expect(rec.tables).toHaveLength(0);
    expect(rec.unrecognized).toBeUndefined();
  });

  it("a grade printed on the 总分 row", () => {
    const t = one(
      recognizeSheet(
        grid([
          ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
          ["产出指标", "数量指标", "a", "1", "1", 90, 88],
          ["总分", _, _, "自评等级", "优", 90, 88],
        ]),
      ),
    );
    const p = t.projects[0];
    expect(p.total?.score?.text).toBe("88");
    expect(p.grade?.text).toBe("优");
    expect(p.grade?.address).toBe("E3");
  });
});

describe("sheets without tables", () => {
  it("a sheet of notes: no tables, not unrecognized", () => {
    const rec = recognizeSheet(
      grid([
        ["填表说明"],
        ["1. 绩效指标应细化、量化，一级指标分值按规定设置。"],
        ["2. 三级指标由单位自行设定。"],
        [_, "联系人：张三", 12345678],
      ]),
    );
    expect(rec.tables).toHaveLength(0);
    expect(rec.unrecognized).toBeUndefined();
  });

  it("a sheet with indicator words but no header row is unrecognized, pointing at the evidence", () => {
    const rec = recognizeSheet(
      grid([
        ["某项目绩效目标"],
        ["指标", "内容", "值"],
        ["产出指标", "新建道路", "10公里"],
        ["效益指标", "受益人口", "5000人"],
      ]),
    );
    expect(rec.tables).toHaveLength(0);
    expect(rec.unrecognized?.cell).toBe("A3");
    expect(rec.unrecognized?.reason).toContain("产出指标");
    expect(rec.unrecognized?.reasonEn).toContain("no indicator header");
  });

  it("an empty sheet and an empty workbook", () => {
    expect(recognizeSheet(grid([]))).toEqual({ sheet: "Sheet1", tables: [] });
    expect(recognizeWorkbook([])).toEqual([]);
    const recs = recognizeWorkbook([grid([[_]], { sheet: "A" }), grid([["x"]], { sheet: "B" })]);
    expect(recs.map((r) => r.sheet)).toEqual(["A", "B"]);
  });
});
