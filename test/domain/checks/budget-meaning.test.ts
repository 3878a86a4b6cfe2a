/**
 * The budget block read by meaning (issue #22, item 8): a budget added from nothing (年初 0) or changed in a 其中 row
 * under a total row left at 0 is an adjustment that wants its reason; a low execution rate or an adjustment explained
 * in the form's own explanation cells (偏差大或目标未完成原因分析) is explained. Forms of our own, both ways.
 */
import type { CellValue } from "../../../src/domain/grid";
import { sheetExplanations } from "../../../src/domain/checks/narratives";
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";

type Cells = (string | number | null)[][];

const HEAD: Cells = [
  ["项目名称", "村级补助及运转经费", null, null, null, null, null, null, null],
  ["主管部门", "镇人民政府", null, null, "实施单位", "镇人民政府", null, null, null],
];
const FUNDS_HEADER = ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null];
const INDICATORS: Cells = [
  ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  [null, "产出指标", "数量指标", "补助村(社区)数量", "=8个", "8个", 50, 50, null],
  [null, "效益指标", "社会效益指标", "村级组织正常运转率", "100%", "100%", 30, 30, null],
  [null, "满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "95%", 10, 10, null],
];

function form(funds: Cells, after: Cells = []): Grid {
  return { sheet: "自评表", top: 0, left: 0, values: [...HEAD, FUNDS_HEADER, ...funds, ...INDICATORS, ...after] };
}
const budgetCodes = (g: Grid): string[] =>
  checkWorkbook([g])
    .issues.filter((i) => i.code === "budget.adjustment-unexplained" || i.code === "budget.low-execution")
    .map((i) => `${i.code}@${i.cell}`);

describe("an adjustment the block shows", () => {
  test("a budget added from nothing (年初 0 → 全年 3.36) is an adjustment", () => {
    const g = form([[null, "年度资金总额", 0, 3.36, 3.36, 10, "100%", 10, null]]);
    expect(budgetCodes(g)).toEqual(["budget.adjustment-unexplained@D4"]);
    const i = checkWorkbook([g]).issues.find((x) => x.code === "budget.adjustment-unexplained");
    expect(i?.message).toBe("年初预算数0与全年预算数（调整后）3.36不同，未说明预算调整的原因");
  });

  test("a total row left at 0: the first 其中 row that changed speaks for the block", () => {
    const g = form([
      [null, "年度资金总额:", 0, 0, 0, 10, 0, 0, null],
      [null, "其中:本年财政拨款", 202.64, 132.912, 132.912, null, null, null, null],
      [null, "上年结转资金", null, null, null, null, null, null, null],
    ]);
    expect(budgetCodes(g)).toEqual(["budget.adjustment-unexplained@D5"]);
  });

  test("a blank total row over unchanged 其中 rows: nothing", () => {
    const g = form([
      [null, "年度资金总额:", null, null, null, 10, null, null, null],
      [null, "其中:本年财政拨款", 100, 100, 100, null, null, null, null],
    ]);
    expect(budgetCodes(g)).toEqual([]);
  });

  test("no 年初 figures at all (blank, not 0): nothing to compare", () => {
    const g = form([[null, "年度资金总额", null, 100, 100, 10, "100%", 10, null]]);
    expect(budgetCodes(g)).toEqual([]);
  });

  test("within the tolerance (0.1万元): no adjustment", () => {
    const g = form([[null, "年度资金总额", 100, 100.05, 100.05, 10, "100%", 10, null]]);
    expect(budgetCodes(g)).toEqual([]);
  });
});

describe("explained elsewhere on the form", () => {
  const low: Cells = [[null, "年度资金总额", 650, 650, 94, 10, "14.46%", 1.45, null]];

  test("a low execution rate with no explanation is flagged", () => {
    expect(budgetCodes(form(low))).toEqual(["budget.low-execution@G4"]);
  });

  test("the form's 偏差大或目标未完成原因分析 explains the money left unspent: explained", () => {
    const after: Cells = [["偏差大或 目标未完成 原因分析", "项目执行先建后补，经现场核实后据实补贴，资金结余，没有100%执行完毕。", null]];
    expect(budgetCodes(form(low, after))).toEqual([]);
  });

  test("an explanation about something else, or the template's instruction, is not one", () => {
    const other: Cells = [["偏差原因分析", "部分村民外出务工，满意度调查样本不足。", null]];
    expect(budgetCodes(form(low, other))).toEqual(["budget.low-execution@G4"]);
    const instruction: Cells = [["偏差原因分析", "预算执行率未达到90%的需说明原因(100字以内)", null]];
    expect(budgetCodes(form(low, instruction))).toEqual(["budget.low-execution@G4"]);
  });

  test("money words in a cell that is no explanation (the goal) explain nothing", () => {
    const goal: Cells = [["年度总体目标", "补助资金结余部分统筹用于村级活动场所维修。", null]];
    expect(budgetCodes(form(low, goal))).toEqual(["budget.low-execution@G4"]);
  });

  test("an adjustment explained under a 情况说明 label", () => {
    const adj: Cells = [[null, "年度资金总额", 200, 150, 150, 10, "100%", 10, null]];
    expect(budgetCodes(form(adj))).toEqual(["budget.adjustment-unexplained@D4"]);
    const after: Cells = [["情况说明", null, null], ["年中根据工作安排调减预算50万元。", null, null]];
    expect(budgetCodes(form(adj, after))).toEqual([]);
  });

  test("sheetExplanations reads the label left of the text, else above it", () => {
    expect(sheetExplanations({ values: [["原因", "资金结余未支付"]] })).toEqual({ execution: true, adjustment: false });
    expect(sheetExplanations({ values: [["偏差原因"], ["年中追加预算"]] })).toEqual({ execution: false, adjustment: true });
    expect(sheetExplanations({ values: [["备注", "资金结余未支付"]] })).toEqual({ execution: false, adjustment: false });
  });

  // A 转移支付 评价表's 资金管理情况 block (real 115): each row's problem in the 存在问题 column, rows below its header.
  const managementBlock = (problem: string, gap = 0): CellValue[][] => [
    ["资金管理情况", null, null, "情况说明", "存在问题", "改进措施"],
    ...Array.from({ length: gap }, (): CellValue[] => ["", null, null, "已落实", null, null]),
    ["分配科学性", 5, "资金分配规范性", "严格按照管理办法分配资金", null, null],
    ["下达及时性", 7, "资金分解下达进度", "及时分解下达", problem, "建议上级部门及时下达资金"],
  ];
  test("a reason under a 存在问题 column header, rows below it, explains a low execution rate", () => {
    expect(sheetExplanations({ values: managementBlock("第三批资金于次年2月下达，下达滞后") }).execution).toBe(true);
    expect(sheetExplanations({ values: managementBlock("项目支付进度缓慢") }).execution).toBe(true);
  });
  test("…but not a text that explains something else, nor one too far below the header", () => {
    expect(sheetExplanations({ values: managementBlock("制度执行不够严格，需加强培训") }).execution).toBe(false);
    expect(sheetExplanations({ values: managementBlock("项目支付进度缓慢", 25) }).execution).toBe(false);
  });
});

describe("blank cells of the scoring row (the form asks for them)", () => {
  const codes = (g: Grid, code: string): string[] =>
    checkWorkbook([g])
      .issues.filter((i) => i.code === code)
      .map((i) => `${i.cell} ${i.expected ?? ""}`);

  test("a blank 执行率 on the 年度资金总额 row with A and B given: the rate B/A gives (real 02)", () => {
    const funds: Cells = [[null, "年度资金总额", 880, 880, 880, 10, null, 10, null], [null, "其中:财政拨款", 880, 880, 880, null, null, null, null]];
    expect(codes(form(funds), "budget.rate-mismatch")).toEqual(["G4 100.00%"]);
  });
  test("…not on a 其中 row, not when the rate says '/', nor when B is blank (nothing to divide)", () => {
    const part: Cells = [[null, "年度资金总额", 880, 880, 880, 10, "100%", 10, null], [null, "其中:财政拨款", 880, 880, 880, null, null, null, null]];
    expect(codes(form(part), "budget.rate-mismatch")).toEqual([]);
    const slash: Cells = [[null, "年度资金总额", 880, 880, 880, 10, "/", 10, null]];
    expect(codes(form(slash), "budget.rate-mismatch")).toEqual([]);
    const noB: Cells = [[null, "年度资金总额", 880, 880, null, 10, null, 10, null]];
    expect(codes(form(noB), "budget.rate-mismatch")).toEqual([]);
  });
  test("a blank 得分 where B is blank but the form prints the rate: the printed rate's score (real 28)", () => {
    const funds: Cells = [[null, "年度资金总额", 30, 30, null, 10, "100%", null, null], [null, "其中:当年财政拨款", 30, 30, 30, null, "100%", null, null]];
    expect(codes(form(funds), "budget.score-mismatch")).toEqual(["H4 10"]);
    const scored: Cells = [[null, "年度资金总额", 30, 30, null, 10, "100%", 10, null]];
    expect(codes(form(scored), "budget.score-mismatch")).toEqual([]);
  });
});

describe("money cells written with a note, or garbled (real 18)", () => {
  const target = (total: string, part: string): Grid => ({
    sheet: "申报表",
    top: 0,
    left: 0,
    values: [
      ["项目名称", "高标准农田建设", null, null, null],
      ["资金情况(万元)", "年度资金总额:", total, null, null],
      [null, "其中:财政拨款", part, null, null],
      [null, "其他资金", null, null, null],
      ["一级指标", "二级指标", "三级指标", "指标值", null],
      ["产出指标", "数量指标", "道路硬化里程", "≥100公里", null],
      ["效益指标", "社会效益指标", "受益人口数", "≥500人", null],
      ["满意度指标", "服务对象满意度指标", "受益户满意度", "≥95%", null],
    ],
  });
  const totals = (g: Grid): string[] =>
    checkWorkbook([g])
      .issues.filter((i) => i.code === "budget.total-mismatch")
      .map((i) => `${i.cell} ${i.message}`);

  test("an amount with its make-up in brackets is read as its leading figure: 854万(…) = 854, and agrees", () => {
    expect(totals(target("854万(农田建设400万元,示范建设295万元,畅通工程159万元)", "854万（农田建设400万元,示范建设295万元,畅通工程159万元）"))).toEqual([]);
    expect(totals(target("854万(农田建设400万元)", "800"))).toEqual(["C2 年度资金总额与其中各项合计不符：全年预算数854（其中各项合计800）"]);
  });
  test("a figure typed twice (854万854万(…)) is no one amount: said once, at its cell", () => {
    expect(totals(target("854万(农田建设400万元)", "854万854万(农田建设400万元)"))).toEqual(["C3 其中:财政拨款的全年预算数“854万854万(农田建设400万元)”不是一个金额，无法与年度资金总额核对"]);
  });
  test("a single large figure, a figure with its unit, or words with a figure are not 'two amounts'", () => {
    expect(totals(target("12345万", "12345万"))).toEqual([]);
    expect(totals(target("854", "约854万元左右"))).toEqual([]);
  });
});
