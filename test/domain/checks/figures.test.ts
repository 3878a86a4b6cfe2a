/**
 * Figures of one form that contradict each other (checks/figures.ts): spending above the budget, a cost actual above
 * the money spent, a unit standard times the output quantity above the whole budget. Forms of our own, both ways.
 */
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";

type Cells = (string | number | null)[][];

function selfEval(funds: (string | number | null)[], rows: Cells, unit = "万元"): Grid {
  return {
    sheet: "自评表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "道路维修", null, null, null, null, null, null, null],
      ["主管部门", "交通局", null, null, "实施单位", "公路站", null, null, null],
      [`项目资金(${unit})`, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null],
      [null, "年度资金总额", ...funds],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ...rows,
      [null, "效益指标", "社会效益指标", "道路通行率", "≥95%", "96%", 30, 30, null],
      [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, null],
    ],
  };
}

function target(budget: number | string, rows: Cells): Grid {
  return {
    sheet: "目标表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "道路维修", null, null, null],
      ["主管部门", "交通局", "实施单位", "公路站", null],
      ["项目资金(万元)", "年度资金总额:", budget, null, null],
      ["年度总体目标", "维修县乡道路8公里，通行率95%以上", null, null, null],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      ...rows,
      [null, "效益指标", "社会效益指标", "道路通行率", "≥95%"],
      [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ],
  };
}

const found = (g: Grid): string[] =>
  checkWorkbook([g])
    .issues.filter((i) => i.code === "budget.over-execution" || i.code === "indicator.figures-conflict" || i.code === "budget.unit-conflict")
    .map((i) => `${i.code}@${i.cell}`);

const OUTPUT: Cells = [[null, "产出指标", "数量指标", "维修道路", "≥8公里", "8公里", 40, 40, null]];

describe("spending above the budget", () => {
  test("全年执行数 120 against 全年预算数 100 is flagged at the spending", () => {
    const g = selfEval([100, 100, 120, 10, "120%", 10, null], OUTPUT);
    expect(found(g)).toEqual(["budget.over-execution@E4"]);
    const i = checkWorkbook([g]).issues.find((x) => x.code === "budget.over-execution");
    expect(i?.message).toBe("全年执行数120高于全年预算数100（执行率120.00%），两者矛盾；请核实执行数或预算数（调整后）");
  });
  test("within rounding (100.05 of 100), or equal, passes", () => {
    expect(found(selfEval([100, 100, 100.05, 10, "100%", 10, null], OUTPUT))).toEqual([]);
    expect(found(selfEval([100, 100, 100, 10, "100%", 10, null], OUTPUT))).toEqual([]);
  });
});

describe("a cost actual above the money spent", () => {
  const cost = (actual: string): Cells => [...OUTPUT, [null, "产出指标", "成本指标", "项目总成本", "≤100万元", actual, 10, 10, null]];
  test.each(["130万元", "130", "1300000元"])("actual %s against 95万元 spent is flagged at the actual", (actual) => {
    expect(found(selfEval([100, 100, 95, 10, "95%", 9.5, null], cost(actual)))).toEqual(["indicator.figures-conflict@F7"]);
  });
  test.each(["95万元", "90", "950000元"])("actual %s within the spending passes", (actual) => {
    expect(found(selfEval([100, 100, 95, 10, "95%", 9.5, null], cost(actual)))).toEqual([]);
  });
  test("a block in 元: the spending is converted before comparing", () => {
    expect(found(selfEval([1000000, 1000000, 950000, 10, "95%", 9.5, null], cost("96万元"), "元"))).toEqual(["indicator.figures-conflict@F7"]);
    expect(found(selfEval([1000000, 1000000, 950000, 10, "95%", 9.5, null], cost("94万元"), "元"))).toEqual([]);
  });
  test("a unit cost (元/公里) is not a whole amount", () => {
    const rows: Cells = [...OUTPUT, [null, "产出指标", "成本指标", "每公里维修成本", "≤10万元/公里", "200万元/公里", 10, 10, null]];
    expect(found(selfEval([100, 100, 95, 10, "95%", 9.5, null], rows))).toEqual([]);
  });
});

describe("a unit standard times the output quantity", () => {
  test("8公里 × 30万元/公里 = 240万元 above a 200万元 budget is flagged at the standard", () => {
    const rows: Cells = [
      [null, "产出指标", "数量指标", "维修道路", "≥8公里"],
      [null, "产出指标", "成本指标", "每公里维修成本", "≤30万元/公里"],
    ];
    expect(found(target(200, rows))).toEqual(["indicator.figures-conflict@E7"]);
    const i = checkWorkbook([target(200, rows)]).issues.find((x) => x.code === "indicator.figures-conflict");
    expect(i?.message).toBe("“维修道路”≥8公里 × “每公里维修成本”≤30万元/公里 = 240万元，超过项目资金总额200万元；产出数量、成本标准与预算不衔接，请核实");
  });
  test("within the budget, in 元 per unit, passes", () => {
    const rows: Cells = [
      [null, "产出指标", "数量指标", "流转土地", "≥60亩"],
      [null, "产出指标", "成本指标", "流转土地补助标准", "≤475元/亩"],
    ];
    expect(found(target(10, rows))).toEqual([]);
    expect(found(target(2, rows))).toEqual(["indicator.figures-conflict@E7"]);
  });
  test("two quantities in the standard's unit, or none, say nothing", () => {
    const two: Cells = [
      [null, "产出指标", "数量指标", "维修县道", "≥8公里"],
      [null, "产出指标", "数量指标", "维修乡道", "≥5公里"],
      [null, "产出指标", "成本指标", "每公里维修成本", "≤30万元/公里"],
    ];
    expect(found(target(200, two))).toEqual([]);
    const none: Cells = [
      [null, "产出指标", "数量指标", "维修桥梁", "≥8座"],
      [null, "产出指标", "成本指标", "每公里维修成本", "≤30万元/公里"],
    ];
    expect(found(target(200, none))).toEqual([]);
  });
});

describe("money units that contradict each other", () => {
  test("a 万元 block with a cell in 元: flagged once, at the first such cell", () => {
    const g = selfEval(["2026400元", "1329120元", "1329120元", 10, "100%", 10, null], OUTPUT);
    expect(found(g)).toEqual(["budget.unit-conflict@C4"]);
    const i = checkWorkbook([g]).issues.find((x) => x.code === "budget.unit-conflict");
    expect(i?.message).toBe("资金栏标注单位为“万元”，单元格却写作“2026400元”（元），金额单位相互矛盾；请核实是元还是万元");
  });
  test("a 元 block with a cell in 万元 (or 万): flagged", () => {
    expect(found(selfEval(["38.75万", 387500, 387500, 10, "100%", 10, null], OUTPUT, "元"))).toEqual(["budget.unit-conflict@C4"]);
  });
  test("cells that agree with the block, or bare figures, pass", () => {
    expect(found(selfEval(["38.75万元", "38.75万元", "38.75 万元", 10, "100%", 10, null], OUTPUT))).toEqual([]);
    expect(found(selfEval([387500, "387500元", 387500, 10, "100%", 10, null], OUTPUT, "元"))).toEqual([]);
  });
});

describe("a funds block whose amounts are ten thousand times its indicators' whole amount", () => {
  const cost = (amount: string): Cells => [...OUTPUT, [null, "产出指标", "成本指标", "项目总投资", amount, amount, 10, 10, null]];

  test("预算数 2784400 under 万元 beside 项目总投资 278.44万元: the amounts were entered in 元", () => {
    const g = selfEval([2784400, 2784400, 2784400, 10, "100%", 10, null], cost("≤278.44万元"));
    expect(found(g)).toEqual(["budget.unit-conflict@D4"]);
    const i = checkWorkbook([g]).issues.find((x) => x.code === "budget.unit-conflict");
    expect(i?.expected).toBe("元");
    expect(i?.message).toContain("相差约一万倍");
  });

  test("预算数 278.44 under 元 beside 项目总投资 278.44万元: the amounts were entered in 万元", () => {
    const g = selfEval([278.44, 278.44, 278.44, 10, "100%", 10, null], cost("≤278.44万元"), "元");
    expect(found(g)).toEqual(["budget.unit-conflict@D4"]);
    expect(checkWorkbook([g]).issues.find((x) => x.code === "budget.unit-conflict")?.expected).toBe("万元");
  });

  test.each([
    ["the same amount at face value", "≤278.44万元", 278.44],
    ["a budget 10 times the amount (not the unit's step)", "≤27.84万元", 278.44],
    ["a standard per unit, not a whole amount", "≤278.44元/公里", 2784400],
  ])("%s says nothing", (_why, amount, budget) => {
    const g = selfEval([budget, budget, budget, 10, "100%", 10, null], cost(amount));
    expect(found(g)).toEqual([]);
  });
});
