/** Table recognition on the five real published tables (test/fixtures/real). */
import { realGrid } from "../../helpers/real";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { IndicatorProject, IndicatorTable, SheetRecognition } from "../../../src/domain/tables/model";

function onlyIndicatorTable(rec: SheetRecognition): IndicatorTable {
  expect(rec.unrecognized).toBeUndefined();
  expect(rec.tables).toHaveLength(1);
  const t = rec.tables[0];
  if (t.kind === "budget-list") throw new Error("expected an indicator table");
  return t;
}

function onlyProject(t: IndicatorTable): IndicatorProject {
  expect(t.projects).toHaveLength(1);
  return t.projects[0];
}

describe("02 天长 水旱灾害防御 self-evaluation (complete, placeholders, (50分) subtotals)", () => {
  const rec = recognizeSheet(realGrid("02"));
  const t = onlyIndicatorTable(rec);
  const p = onlyProject(t);

  it("is a self-evaluation form with the standard columns", () => {
    expect(t.kind).toBe("self-evaluation");
    expect(t.layout).toBe("form");
    expect(t.headerRow).toBe(11);
    expect(t.headerRows).toBe(1);
    // 年度绩效指标完成情况 in column A is the block label, not the 一级 column
    expect(t.columns).toEqual({ level1: 1, level2: 2, name: 3, target: 4, actual: 5, weight: 6, score: 7, reason: 8 });
    expect(t.range).toBe("A1:I40");
    expect(t.framework).toBe("classic");
  });

  it("reads the header fields; 主管部门 is blank", () => {
    expect(p.info.name?.text).toBe("水旱灾害防御经费");
    expect(p.info.name?.address).toBe("B3");
    expect(p.info.department?.text).toBe("");
    expect(p.info.unit?.text).toBe("天长市水利局");
    expect(p.info.year).toBe("2022");
    expect(p.key).toBe("水旱灾害防御经费");
  });

  it("keeps 9 real indicators and skips 18 placeholder rows", () => {
    expect(p.indicators).toHaveLength(9);
    expect(p.placeholders).toHaveLength(18);
    expect(p.indicators.every((r) => !r.placeholder)).toBe(true);
    const names = p.placeholders.map((r) => r.name?.text);
    expect(names).toContain("指标2:");
    expect(names).toContain("……");
    expect(names).toContain("指标1:/");
    const eco = p.placeholders.find((r) => r.name?.text === "指标1:/");
    expect(eco?.notApplicable).toBe(true);
    expect(eco?.level2?.text).toBe("生态效益指标");
  });

  it("fills 一级/二级 down and marks filled cells", () => {
    const second = p.indicators[1]; // row 14: 指标2:完成农业综合水价改革项目
    expect(second.row).toBe(13);
    expect(second.level1?.text).toBe("(50分)");
    expect(second.level1?.filled).toBe(true);
    expect(second.level1?.address).toBe("B14");
    expect(second.level1?.from).toBe("B13");
    expect(second.level2?.text).toBe("数量指标");
    expect(second.level2?.filled).toBe(true);
    expect(p.indicators[0].level1?.filled).toBeUndefined();
  });

  it("recognizes the (50分)/(30分)/满意度指标(10分) subtotals and infers the categories", () => {
    expect(p.subtotals.map((s) => [s.level1, s.points, s.ref.address, s.firstRow, s.lastRow])).toEqual([
      ["产出指标", 50, "B13", 12, 23],
      ["效益指标", 30, "B25", 24, 35],
      ["满意度指标", 10, "B37", 36, 38],
    ]);
    expect(p.indicators.map((r) => r.category)).toEqual([
      "产出指标", "产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标", "满意度指标",
    ]);
  });

  it("reads weights, scores, six rows with empty target and actual", () => {
    expect(p.indicators.map((r) => r.weightNumber)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(p.indicators.map((r) => r.scoreNumber)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const emptyBoth = p.indicators.filter((r) => r.target?.text === "" && r.actual?.text === "");
    expect(emptyBoth).toHaveLength(6);
    expect(emptyBoth[0].target?.address).toBe("E16");
    const sat = p.indicators[8];
    expect([sat.target?.text, sat.actual?.text]).toEqual(["90%", "100%"]);
  });

  it("reads the funds block with 执行率 blank", () => {
    const f = p.funds;
    expect(f?.title?.text).toBe("项目资金(万元)");
    expect(f?.moneyUnit).toBe("万元");
    expect(f?.rows.map((r) => r.kind)).toEqual(["total", "part", "part", "part"]);
    const total = f!.rows[0];
    expect(total.label.text).toBe("年度资金总额:");
    expect([total.initial?.text, total.budget?.text, total.spent?.text, total.points?.text, total.rate?.text, total.score?.text]).toEqual([
      "880", "880", "880", "10", "", "10",
    ]);
    expect(total.budget?.address).toBe("D6");
    expect(f!.rows[1].points?.text).toBe("-");
    expect(f!.rows[2].label.text).toBe("上年结转资金");
  });

  it("reads the 总分 row", () => {
    expect(p.total?.label.address).toBe("A40");
    expect(p.total?.weight?.text).toBe("100");
    expect(p.total?.weight?.address).toBe("G40");
    expect(p.total?.score?.text).toBe("100");
    expect(p.grade).toBeUndefined();
  });
});

describe("06 临翔 马鹿坑收容所 self-evaluation (partial)", () => {
  const t = onlyIndicatorTable(recognizeSheet(realGrid("06")));
  const p = onlyProject(t);

  it("is a form self-evaluation with 8 indicators, no subtotals and no total", () => {
    expect(t.kind).toBe("self-evaluation");
    expect(t.layout).toBe("form");
    expect(t.columns.level1).toBe(1);
    expect(t.columns.reason).toBe(8);
    expect(p.indicators).toHaveLength(8);
    expect(p.placeholders).toHaveLength(0);
    expect(p.subtotals).toHaveLength(0);
    expect(p.total).toBeUndefined();
    expect(t.framework).toBe("unknown");
  });

  it("keeps the cut 满意度 row (name kept, values empty) as an indicator", () => {
    const last = p.indicators[7];
    expect(last.name?.text).toBe("受益农户满意度");
    expect(last.weightNumber).toBeUndefined();
    expect(last.level1?.text).toBe("满意度指标");
  });

  it("reads project fields and the funds block with an empty 年初预算数", () => {
    expect(p.info.name?.text).toBe("2023年马鹿坑国有林场新建野生动物收容所建设项目");
    expect(p.info.department?.text).toBe("临沧市临翔区林业和草原局");
    expect(p.info.unit?.address).toBe("F4");
    const f = p.funds!;
    expect(f.title?.text).toBe("项目资金 (万元)");
    expect(f.rows).toHaveLength(2);
    expect(f.rows[0].kind).toBe("total");
    expect([f.rows[0].initial?.text, f.rows[0].budget?.text, f.rows[0].spent?.text, f.rows[0].rate?.text, f.rows[0].score?.text]).toEqual([
      "", "32.4", "31.69", "97.80%", "9",
    ]);
    expect(f.rows[1].label.text).toBe("其中:当年财政拨款");
  });

  it("keeps the repeated 数量指标 as own cells (not filled)", () => {
    expect(p.indicators[1].level2?.text).toBe("数量指标");
    expect(p.indicators[1].level2?.filled).toBeUndefined();
    expect(p.indicators[1].level1?.filled).toBe(true);
  });
});

describe("11 青神 工资性支出 self-evaluation (Sichuan form, blank actuals)", () => {
  const t = onlyIndicatorTable(recognizeSheet(realGrid("11")));
  const p = onlyProject(t);

  it("maps 指标性质/指标值/度量单位/完成值/权重/得分/未完成原因分析", () => {
    expect(t.kind).toBe("self-evaluation");
    expect(t.columns).toEqual({
      level1: 1, level2: 2, name: 3, sign: 4, target: 5, unit: 6, actual: 7, weight: 8, score: 9, reason: 10,
    });
    expect(t.range).toBe("A1:K17");
  });

  it("reads 绩效指标(90分) and the two indicators with blank actuals", () => {
    expect(p.indicatorBlockPoints).toBe(90);
    expect(p.indicators).toHaveLength(2);
    const [a, b] = p.indicators;
    expect([a.sign?.text, a.target?.text, a.unit?.text, a.actual?.text, a.weightNumber, a.scoreNumber]).toEqual([
      "=", "100", "%", "", 60, undefined,
    ]);
    expect(b.name?.text).toBe("足额保障率(参保率)");
    expect(b.weightNumber).toBe(30);
  });

  it("reads the 预算执行情况(10分) funds block", () => {
    const f = p.funds!;
    expect(f.titlePoints).toBe(10);
    expect(f.moneyUnit).toBe("万元");
    expect(f.rows.map((r) => [r.kind, r.label.text])).toEqual([
      ["total", "总额"],
      ["part", "其中:财政资金"],
      ["part", "财政专户管理资金"],
      ["part", "单位资金"],
      ["part", "其他资金"],
    ]);
    const total = f.rows[0];
    expect([total.initial?.text, total.budget?.text, total.spent?.text, total.rate?.text, total.points?.text, total.score?.text]).toEqual([
      "238.93", "251.89", "251.89", "100.00%", "10", "",
    ]);
    expect(total.score?.address).toBe("H9");
    expect(total.reason?.address).toBe("I9");
    expect(f.rows[1].points?.text).toBe("/");
  });

  it("reads the 合计 row and the header fields", () => {
    expect(p.total?.label.text).toBe("合计");
    expect(p.total?.weight?.text).toBe("100");
    expect(p.total?.weight?.address).toBe("I17");
    expect(p.total?.score?.text).toBe("");
    expect(p.info.name?.text).toBe("51000021R000000019951-工资性支出");
    expect(p.info.department?.text).toBe("青神县发展和改革局本级");
    expect(p.info.unit?.text).toBe("青神县发展和改革局");
    expect(p.info.year).toBe("2023");
  });
});

describe("17 南岳 扶贫基地 target declaration (no unit column)", () => {
  const t = onlyIndicatorTable(recognizeSheet(realGrid("17")));
  const p = onlyProject(t);

  it("is a target table with no unit column", () => {
    expect(t.kind).toBe("target");
    expect(t.layout).toBe("form");
    expect(t.columns).toEqual({ level1: 1, level2: 2, name: 3, target: 4, note: 5 });
    expect(t.columns.unit).toBeUndefined();
    expect(p.indicators.every((r) => r.unit === undefined && r.actual === undefined && r.weight === undefined)).toBe(true);
    expect(t.framework).toBe("classic");
  });

  it("keeps all 16 indicators (names with ** are real indicators) and stops before the approval rows", () => {
    expect(p.indicators).toHaveLength(16);
    expect(p.placeholders).toHaveLength(0);
    expect(p.indicators[1].name?.text).toBe("贫困地区旅游景点开发数量( ≥**个 )");
    expect(p.indicators[15].row).toBe(24);
    expect(t.range).toBe("A1:F25");
    expect(p.indicators[15].level1?.text).toBe("满意度指标");
    expect(p.indicators[15].level1?.from).toBe("B22");
  });

  it("reads the project fields and the header-less 资金情况 block", () => {
    expect(p.info.name?.text).toBe("2018年市级专项扶贫资金基础设施(人大代表扶贫基地)");
    expect(p.info.department?.text).toBe("南岳镇政府");
    expect(p.info.unit?.text).toBe("[610001]湖南省润山润水生态农业发展有限公司");
    const f = p.funds!;
    expect(f.rows.map((r) => [r.kind, r.label.text, r.budget?.text])).toEqual([
      ["total", "年度资金总额:", "10"],
      ["part", "其中:财政拨款", "10"],
      ["part", "其他资金", "0"],
    ]);
    expect(f.rows[0].budget?.address).toBe("C4");
  });
});

describe("20 宁晋 高中助学金 indicator sheet (评价指标/评价内容/指标名称/指标说明/目标值/分值)", () => {
  const t = onlyIndicatorTable(recognizeSheet(realGrid("20")));
  const p = onlyProject(t);

  it("maps 目标值 to target and 评价内容 to 二级", () => {
    expect(t.kind).toBe("target");
    expect(t.columns).toEqual({ level1: 0, level2: 1, name: 2, explain: 3, target: 4, weight: 5, note: 6 });
    expect(t.headerRow).toBe(1);
  });

  it("reads 7 indicators, weights 100 in all, and the 总分 row", () => {
    expect(p.indicators).toHaveLength(7);
    expect(p.indicators.reduce((s, r) => s + (r.weightNumber ?? 0), 0)).toBe(100);
    expect(p.indicators[0].target?.text).toBe("");
    expect(p.indicators[4].target?.text).toBe("95%以上");
    expect(p.indicators[1].category).toBe("产出指标");
    expect(p.total?.label.address).toBe("A10");
    expect(p.total?.weight?.text).toBe("100");
    expect(p.total?.score).toBeUndefined();
    expect(p.info.year).toBe("2019");
    expect(t.range).toBe("A1:G10");
  });
});
